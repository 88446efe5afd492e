import { registry } from "@web/core/registry";

/**
 * A member of the public applies to a published contest on the website:
 * fills in the form, attaches a PDF, ticks the separate consent and sends
 * it; the page thanks them with the application's number.  The contest
 * page is given by the test (start_tour's url).
 */
const PDF = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n";

registry.category("web_tour.tours").add("vsms_contest_application_tour", {
    steps: () => [
        {
            content: "The contest page shows its nominations",
            trigger: ".o_vsms_nominations li:contains(Городские ТОС)",
        },
        {
            content: "Full name",
            trigger: "form.o_vsms_contest_form input[name=name]",
            run: "edit Смирнов Олег Викторович",
        },
        {
            content: "E-mail",
            trigger: "form.o_vsms_contest_form input[name=email]",
            run: "edit smirnov.tour@example.com",
        },
        {
            content: "Phone",
            trigger: "form.o_vsms_contest_form input[name=phone]",
            run: "edit +7 481 222-33-44",
        },
        {
            content: "Organisation",
            trigger: "form.o_vsms_contest_form input[name=organization]",
            run: "edit ТОС «Заречье»",
        },
        {
            content: "Municipality",
            trigger: "form.o_vsms_contest_form select[name=municipality_id]",
            run: "selectByLabel город Смоленск",
        },
        {
            content: "Nomination",
            trigger: "form.o_vsms_contest_form select[name=nomination_id]",
            run: "selectByLabel Сельские ТОС",
        },
        {
            content: "Attach the application form (PDF)",
            trigger: "form.o_vsms_contest_form input[name=documents]",
            run() {
                const transfer = new DataTransfer();
                transfer.items.add(
                    new File([PDF], "Анкета участника.pdf", { type: "application/pdf" })
                );
                this.anchor.files = transfer.files;
                this.anchor.dispatchEvent(new Event("change", { bubbles: true }));
            },
        },
        {
            content: "Tick the separate consent to the processing of personal data",
            trigger: "form.o_vsms_contest_form input[name=consent]",
            run: "click",
        },
        {
            content: "Send the application",
            trigger: "form.o_vsms_contest_form button[type=submit]",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "The page thanks and gives the application's number",
            trigger: ".o_vsms_contest_thanks .o_vsms_application_numbers:contains(З-)",
        },
    ],
});
