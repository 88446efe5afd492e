import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_utils";

/**
 * A staff member schedules the presidium's meetings of the 2021 plan from its
 * plan item, records who came to the March meeting, adopts a decision and
 * closes the meeting.  Selectors avoid translated words of Odoo itself, so the
 * tour runs whatever the user's language.
 */
const ITEM = "Заседания Президиума Смоленского Регионального совета";
const DECISION = "Утвердить план мероприятий ко Дню местного самоуправления.";
const DECISIONS = ".o_form_view .o_field_widget[name=vsms_decision_ids]";

registry.category("web_tour.tours").add("vsms_governance_tour", {
    url: "/odoo",
    steps: () => [
        ...stepUtils.goToAppSteps("vsms_regional.vsms_menu_root", "Open the ВСМС app"),
        {
            content: "Open the Work Plan menu",
            trigger: '.o_main_navbar [data-menu-xmlid="vsms_regional.vsms_plan_menu_top"]',
            run: "click",
        },
        {
            content: "Open Plan Items",
            trigger: '.dropdown-item[data-menu-xmlid="vsms_regional.vsms_plan_item_menu"]',
            run: "click",
        },
        {
            content: "Remove the default grouping by section",
            trigger: ".o_list_view .o_searchview_facet .o_facet_remove",
            run: "click",
        },
        {
            content: "Open the presidium's meetings item",
            trigger: `.o_list_view:not(:has(.o_group_header)) .o_data_row .o_data_cell[name=name]:contains(${ITEM})`,
            run: "click",
        },
        {
            content: "Schedule its meetings",
            trigger: ".o_form_view .o_statusbar_buttons button[name=action_vsms_schedule].btn-primary",
            run: "click",
        },
        {
            content: "One date for each of the four quarters' meetings",
            trigger: ".modal .o_field_widget[name=line_ids] .o_data_row:eq(3)",
        },
        {
            content: "Create the meetings",
            trigger: ".modal .modal-footer button[name=action_confirm]",
            run: "click",
        },
        {
            content: "Open the March meeting",
            trigger: ".o_list_view .o_data_row:has(.o_data_cell[name=vsms_body_id]) .o_data_cell[name=name]:contains(Март 2021)",
            run: "click",
        },
        {
            content: "Everyone is absent so far",
            trigger: ".o_form_view .o_field_widget[name=vsms_present_member_count]:contains(0)",
        },
        {
            content: "Mark the members present",
            trigger: ".o_form_view .o_statusbar_buttons button[name=action_vsms_mark_all_present]",
            run: "click",
        },
        {
            content: "Three members are present",
            trigger: ".o_form_view .o_field_widget[name=vsms_present_member_count]:contains(3)",
        },
        {
            content: "Open the decisions",
            trigger: ".o_form_view .o_notebook .nav-link[name=vsms_decisions]",
            run: "click",
        },
        {
            content: "Add a decision",
            trigger: `${DECISIONS} .o_field_x2many_list_row_add a`,
            run: "click",
        },
        {
            content: "Write the decision",
            trigger: `${DECISIONS} .o_data_row .o_field_widget[name=name] textarea`,
            run: `edit ${DECISION}`,
        },
        ...stepUtils.saveForm(),
        {
            content: "Adopt it",
            trigger: `${DECISIONS} .o_data_row button[name=action_adopt]`,
            run: "click",
        },
        {
            content: "The decision has its number",
            trigger: `${DECISIONS} .o_data_row:contains(${DECISION}) .o_data_cell[name=number]:contains(№ 1/2021)`,
        },
        {
            content: "Close the meeting",
            trigger: ".o_form_view .o_statusbar_buttons button[name=action_vsms_close]",
            run: "click",
        },
        {
            content: "Confirm",
            trigger: ".modal .modal-footer .btn-primary",
            run: "click",
        },
        {
            content: "The protocol is numbered",
            trigger: ".o_form_view:not(:has(.o_statusbar_buttons button[name=action_vsms_close])) .o_field_widget[name=vsms_protocol_number]:contains(1)",
        },
    ],
});
