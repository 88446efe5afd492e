import { registry } from "@web/core/registry";

/**
 * A staff member reads the preview of a Word plan (opened as a record, the
 * file having been uploaded by the test), and finds the «Export to Word»
 * button on the plan made from it.  Selectors avoid translated words.
 */
const ITEM = "Заседания Смоленского Регионального совета";
const BAD_SCHEDULE = "шмарт";

registry.category("web_tour.tours").add("vsms_plan_docx_preview_tour", {
    steps: () => [
        {
            content: "The preview lists the items of the document",
            trigger: `.o_form_view .o_field_widget[name=line_ids] .o_data_row .o_data_cell[name=name]:contains(${ITEM})`,
        },
        {
            content: "The preview lists the problems, the bad schedule among them",
            trigger: `.o_form_view .o_field_widget[name=problems]:contains(«${BAD_SCHEDULE}»)`,
        },
        {
            content: "The row with the bad schedule shows it",
            trigger: `.o_form_view .o_field_widget[name=line_ids] .o_data_row .o_data_cell[name=problems]:contains(«${BAD_SCHEDULE}»)`,
        },
    ],
});

registry.category("web_tour.tours").add("vsms_plan_docx_export_tour", {
    steps: () => [
        {
            content: "The plan made from the document has its Word export",
            trigger: ".o_form_view .o_form_statusbar button[name=action_export_docx]",
        },
    ],
});
