import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_utils";

/**
 * A staff member adds an item to the approved 2021 work plan through the
 * plan form, is warned about an unreadable schedule, and finds the new item
 * in the Plan Items list.  Selectors avoid translated words of Odoo itself,
 * so the tour runs whatever the user's language.
 */
const PLAN_NAME = "План работы Смоленского регионального отделения";
const EXISTING_ITEM = "Заседания Президиума Смоленского Регионального совета";
const NEW_ITEM = "Тестовое мероприятие";
const SCHEDULE = "II квартал";
const BAD_SCHEDULE = "шмарт";

const ITEMS_FIELD = ".o_form_view .o_field_widget[name=item_ids]";
const DIALOG_FORM = ".modal .o_form_view";

registry.category("web_tour.tours").add("vsms_plan_tour", {
    url: "/odoo",
    steps: () => [
        ...stepUtils.goToAppSteps("vsms_regional.vsms_menu_root", "Open the ВСМС app"),
        {
            content: "Open the Work Plan menu",
            trigger: '.o_main_navbar [data-menu-xmlid="vsms_regional.vsms_plan_menu_top"]',
            run: "click",
        },
        {
            content: "Open Plans",
            trigger: '.dropdown-item[data-menu-xmlid="vsms_regional.vsms_plan_menu"]',
            run: "click",
        },
        {
            content: "Open the 2021 plan",
            trigger: `.o_list_view .o_data_row .o_data_cell[name=name]:contains(${PLAN_NAME})`,
            run: "click",
        },
        {
            content: "Open the Items tab",
            trigger: ".o_form_view .o_notebook .nav-link[name=items]",
            run: "click",
        },
        {
            content: "The Items tab lists the shipped items",
            trigger: `${ITEMS_FIELD} .o_data_row:contains(${EXISTING_ITEM})`,
        },
        {
            content: "Add an item to the plan",
            trigger: `${ITEMS_FIELD} .o_field_x2many_list_row_add a`,
            run: "click",
        },
        {
            content: "Number of the new item",
            trigger: `${DIALOG_FORM} .o_field_widget[name=number] input`,
            run: "edit 15",
        },
        {
            content: "Name of the new item",
            trigger: `${DIALOG_FORM} .o_field_widget[name=name] input`,
            run: `edit ${NEW_ITEM}`,
        },
        {
            content: "Type a schedule that cannot be read",
            trigger: `${DIALOG_FORM} .o_field_widget[name=schedule_text] input`,
            run: `edit ${BAD_SCHEDULE} && press Tab`,
        },
        {
            content: "The user is warned about the unreadable schedule",
            // The warning comes as a notification (or as a dialog if the
            // onchange asks for one); its title may not be translated yet, so
            // match on the quoted fragment of the message.
            trigger: [
                `.o_notification:contains(«${BAD_SCHEDULE}»)`,
                `.modal:not(:has(.o_form_view)) .modal-body:contains(«${BAD_SCHEDULE}»)`,
            ].join(", "),
        },
        {
            content: "Close the warning",
            trigger: [
                `.o_notification:contains(«${BAD_SCHEDULE}») .o_notification_close`,
                `.modal:not(:has(.o_form_view)):has(.modal-body:contains(«${BAD_SCHEDULE}»)) .modal-footer .btn-primary`,
            ].join(", "),
            run: "click",
        },
        {
            content: "The warning is gone",
            trigger: `body:not(:has(.o_notification:contains(«${BAD_SCHEDULE}»)))`,
        },
        {
            content: "Type a valid schedule",
            trigger: `${DIALOG_FORM} .o_field_widget[name=schedule_text] input`,
            run: `edit ${SCHEDULE} && press Tab`,
        },
        {
            content: "Save the item",
            trigger: ".modal .modal-footer .o_form_button_save:enabled",
            run: "click",
        },
        {
            content: "The dialog is closed and the new item is in the list",
            trigger: `body:not(:has(${DIALOG_FORM})) ${ITEMS_FIELD} .o_data_row:contains(${NEW_ITEM}):contains(${SCHEDULE})`,
        },
        ...stepUtils.saveForm(),
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
            content: "The new item is listed with its schedule",
            trigger: `.o_list_view:not(:has(.o_group_header)) .o_data_row:contains(${NEW_ITEM}) .o_data_cell[name=schedule_text]:contains(${SCHEDULE})`,
        },
    ],
});
