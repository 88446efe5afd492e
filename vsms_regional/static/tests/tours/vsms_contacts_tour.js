import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_utils";

/**
 * A staff member adds a person to the ВСМС contact base: types the parts of
 * the name (the title follows as «Фамилия Имя Отчество»), picks the
 * municipality, records an office and saves.  Selectors avoid translated
 * words of Odoo itself, so the tour runs whatever the user's language.
 */
const LAST_NAME = "Сидоров";
const FIRST_NAME = "Николай";
const PATRONYMIC = "Иванович";
const FULL_NAME = `${LAST_NAME} ${FIRST_NAME} ${PATRONYMIC}`;
const SALUTATION = `Уважаемый ${FIRST_NAME} ${PATRONYMIC}`;
const MUNICIPALITY = "Вяземский муниципальный округ";
const ROLE = "Глава муниципального образования";
const SINCE = "2025-12-15";

const CONTACT_LIST = ".o_list_view:has(th[data-name=vsms_municipality_id])";
const FORM = ".o_form_view";
const POSITIONS = `${FORM} .o_field_widget[name=vsms_position_ids]`;
const POSITION_ROW = `${POSITIONS} .o_data_row.o_selected_row`;
// The title is a textarea, or an input when partner_autocomplete is installed.
const TITLE_WITH_FULL_NAME = ["input", "textarea"]
    .map((tag) => `${FORM} .o_field_widget[name=name] ${tag}:value("${FULL_NAME}")`)
    .join(", ");
const DROPDOWN_ITEM = ".o-autocomplete--dropdown-item .dropdown-item";

registry.category("web_tour.tours").add("vsms_contacts_tour", {
    url: "/odoo",
    steps: () => [
        ...stepUtils.goToAppSteps("vsms_regional.vsms_menu_root", "Open the ВСМС app"),
        {
            content: "Open the Contacts menu",
            trigger: '.o_main_navbar [data-menu-xmlid="vsms_regional.vsms_contacts_menu_top"]',
            run: "click",
        },
        {
            content: "Open the contact base",
            trigger:
                '.dropdown-item[data-menu-xmlid="vsms_regional.res_partner_menu_vsms_contacts"]',
            run: "click",
        },
        {
            content: "Create a contact in the contact base",
            trigger: `${CONTACT_LIST} .o_list_button_add`,
            run: "click",
        },
        {
            content: "Open the ВСМС tab",
            trigger: `${FORM} .o_notebook .nav-link[name=vsms]`,
            run: "click",
        },
        {
            content: "Type the last name",
            trigger: `${FORM} .o_field_widget[name=vsms_last_name] input`,
            run: `edit ${LAST_NAME} && press Tab`,
        },
        {
            content: "Type the first name",
            trigger: `${FORM} .o_field_widget[name=vsms_first_name] input`,
            run: `edit ${FIRST_NAME} && press Tab`,
        },
        {
            content: "Type the patronymic",
            trigger: `${FORM} .o_field_widget[name=vsms_patronymic] input`,
            run: `edit ${PATRONYMIC} && press Tab`,
        },
        {
            content: "The title shows the full name",
            trigger: TITLE_WITH_FULL_NAME,
        },
        {
            content: "The salutation follows the name",
            trigger: `${FORM} .o_field_widget[name=vsms_salutation]:contains(${SALUTATION})`,
        },
        {
            content: "Search the municipality",
            trigger: `${FORM} .o_field_widget[name=vsms_municipality_id] input`,
            run: "edit Вяземский",
        },
        {
            content: "Pick the municipality",
            trigger: `${FORM} .o_field_widget[name=vsms_municipality_id] ${DROPDOWN_ITEM}:contains(${MUNICIPALITY})`,
            run: "click",
        },
        {
            content: "The municipality is set",
            trigger: `${FORM} .o_field_widget[name=vsms_municipality_id] input:value("${MUNICIPALITY}")`,
        },
        {
            content: "Add an office",
            trigger: `${POSITIONS} .o_field_x2many_list_row_add a`,
            run: "click",
        },
        {
            content: "Search the office",
            trigger: `${POSITION_ROW} .o_field_widget[name=role_id] input`,
            run: "edit Глава",
        },
        {
            content: "Pick the office",
            trigger: `${POSITION_ROW} .o_field_widget[name=role_id] ${DROPDOWN_ITEM}:contains(${ROLE})`,
            run: "click",
        },
        {
            content: "The office is set",
            trigger: `${POSITION_ROW} .o_field_widget[name=role_id] input:value("${ROLE}")`,
        },
        {
            content: "Type the start date",
            trigger: `${POSITION_ROW} .o_field_widget[name=date_start] input`,
            run: `edit ${SINCE} && press Enter`,
        },
        {
            content: "The municipality of the office comes from the person",
            trigger: `${POSITION_ROW} .o_field_widget[name=municipality_id] input:value("${MUNICIPALITY}")`,
        },
        ...stepUtils.saveForm(),
        {
            content: "The saved contact keeps the full name and the office",
            trigger: TITLE_WITH_FULL_NAME,
        },
        {
            content: "The office line is saved",
            trigger: `${POSITIONS} .o_data_row:not(.o_selected_row) .o_data_cell[name=role_id]:contains(${ROLE})`,
        },
    ],
});
