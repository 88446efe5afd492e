{
    "name": "ВСМС: региональное отделение",
    "summary": "Work plan, governing bodies, events, contests, elections, "
    "members and outreach of a regional branch of ВСМС",
    "version": "19.0.1.0.0",
    "category": "Productivity",
    "author": "Smolensk regional branch of VSMS",
    "license": "LGPL-3",
    "application": True,
    "depends": [
        "mail",
        "contacts",
        "calendar",
        "event",
        "mass_mailing",
        "crm",
        "spreadsheet_dashboard",
    ],
    "data": [
        "security/vsms_security.xml",
        "security/ir.model.access.csv",
        "security/vsms_rules.xml",
        "report/vsms_plan_report.xml",
        "views/vsms_plan_occurrence_views.xml",
        "views/vsms_plan_item_views.xml",
        "views/vsms_plan_views.xml",
        "views/vsms_menus.xml",
        "data/vsms_plan_2021_data.xml",
    ],
    "assets": {
        "web.assets_backend": ["vsms_regional/static/src/**/*"],
        "web.assets_tests": ["vsms_regional/static/tests/tours/**/*"],
    },
}
