import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_utils";

/**
 * A staff member sets up one of the 2021 contests (a criterion and a juror)
 * and opens its applications; later a juror marks an application on the
 * «My Marks» screen and goes on to the next one.  Selectors avoid
 * translated words of Odoo itself, so the tours run whatever the language.
 */
const CONTEST = "лучшая общественная инициатива в решении вопросов местного значения";
const CRITERION = "Актуальность инициативы";
const JUROR = "Тестов Жюри Петрович";
const CRITERIA = ".o_form_view .o_field_widget[name=criterion_ids]";
const JURY = ".o_form_view .o_field_widget[name=juror_ids]";
const MARKS = ".o_form_view .o_field_widget[name=my_score_ids]";

registry.category("web_tour.tours").add("vsms_contest_tour", {
    url: "/odoo",
    steps: () => [
        ...stepUtils.goToAppSteps("vsms_regional.vsms_menu_root", "Open the ВСМС app"),
        {
            content: "Open the Contests menu",
            trigger: '.o_main_navbar [data-menu-xmlid="vsms_regional.vsms_contest_menu_top"]',
            run: "click",
        },
        {
            content: "Open Contests",
            trigger: '.dropdown-item[data-menu-xmlid="vsms_regional.vsms_contest_menu"]',
            run: "click",
        },
        {
            content: "Open the city's contest of 2021, a draft",
            trigger: `.o_kanban_view .o_kanban_record:contains(${CONTEST})`,
            run: "click",
        },
        {
            content: "Open the Criteria tab",
            trigger: ".o_form_view .o_notebook .nav-link[name=criteria]",
            run: "click",
        },
        {
            content: "Add a criterion",
            trigger: `${CRITERIA} .o_field_x2many_list_row_add a`,
            run: "click",
        },
        {
            content: "Name the criterion",
            trigger: `${CRITERIA} .o_selected_row .o_field_widget[name=name] input`,
            run: `edit ${CRITERION}`,
        },
        {
            content: "Its maximum score",
            trigger: `${CRITERIA} .o_selected_row .o_field_widget[name=max_score] input`,
            run: "edit 10",
        },
        {
            content: "Open the Jury tab",
            trigger: ".o_form_view .o_notebook .nav-link[name=jury]",
            run: "click",
        },
        {
            content: "Add a juror",
            trigger: `${JURY} .o_field_x2many_list_row_add a`,
            run: "click",
        },
        {
            content: "Choose the juror",
            trigger: `${JURY} .o_selected_row .o_field_widget[name=user_id] input`,
            run: "edit Тестов",
        },
        {
            content: "Pick them in the list",
            trigger: `.o-autocomplete--dropdown-item:contains(${JUROR})`,
            run: "click",
        },
        ...stepUtils.saveForm(),
        {
            content: "Open the applications",
            trigger: ".o_form_view .o_statusbar_buttons button[name=action_open]",
            run: "click",
        },
        {
            content: "Applications are open: judging can start later",
            trigger: ".o_form_view .o_statusbar_buttons button[name=action_start_judging]",
        },
    ],
});

registry.category("web_tour.tours").add("vsms_contest_marking_tour", {
    url: "/odoo",
    steps: () => [
        ...stepUtils.goToAppSteps("vsms_regional.vsms_menu_root", "Open the ВСМС app"),
        {
            content: "Open the Contests menu",
            trigger: '.o_main_navbar [data-menu-xmlid="vsms_regional.vsms_contest_menu_top"]',
            run: "click",
        },
        {
            content: "Open My Marks",
            trigger: '.dropdown-item[data-menu-xmlid="vsms_regional.vsms_contest_score_menu_mine"]',
            run: "click",
        },
        {
            content: "Open the first application",
            trigger: ".o_list_view .o_data_row:first .o_data_cell[name=display_label]",
            run: "click",
        },
        {
            content: "Nothing marked yet",
            trigger: ".o_form_view .o_field_widget[name=my_mark_done]:contains(0)",
        },
        {
            content: "The application's documents are there",
            trigger: ".o_form_view .o_field_widget[name=attachment_ids]:contains(Заявка.pdf)",
        },
        {
            content: "Mark the first criterion",
            trigger: `${MARKS} .o_data_row:eq(0) .o_data_cell[name=value]`,
            run: "click",
        },
        {
            content: "Type the mark",
            trigger: `${MARKS} .o_selected_row .o_field_widget[name=value] input`,
            run: "edit 8",
        },
        {
            content: "Mark the second criterion",
            trigger: `${MARKS} .o_data_row:eq(1) .o_data_cell[name=value]`,
            run: "click",
        },
        {
            content: "Type the mark",
            trigger: `${MARKS} .o_selected_row .o_field_widget[name=value] input`,
            run: "edit 4",
        },
        ...stepUtils.saveForm(),
        {
            content: "Both criteria are marked",
            trigger: ".o_form_view .o_field_widget[name=my_mark_done]:contains(2)",
        },
        {
            content: "Go on to the next application",
            trigger: ".o_pager_next",
            run: "click",
        },
        {
            content: "The next one is still to mark",
            trigger: ".o_form_view .o_field_widget[name=my_mark_done]:contains(0)",
        },
    ],
});
