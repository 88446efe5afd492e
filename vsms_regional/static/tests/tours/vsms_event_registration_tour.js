import { registry } from "@web/core/registry";

/**
 * A teacher registers two pupils for a published event on the website,
 * as the public (no account): picks two seats, fills in the pupils with
 * their category and school, says they are minors registered by her, ticks
 * the separate personal-data consent and confirms.  Selectors avoid
 * translated words, so the tour runs in Russian.
 */
const ATTENDEES = "#modal_attendees_registration:not(.o_inactive_modal)";

function pupil(index, name) {
    return [
        {
            content: `Pupil ${index}: name`,
            trigger: `${ATTENDEES} input[name^="${index}-name-"]`,
            run: `edit ${name}`,
        },
        {
            content: `Pupil ${index}: e-mail (the teacher's)`,
            trigger: `${ATTENDEES} input[name^="${index}-email-"]`,
            run: "edit school7@example.ru",
        },
        {
            content: `Pupil ${index}: category`,
            trigger: `${ATTENDEES} select[name="${index}-vsms_category"]`,
            run: "select pupil",
        },
        {
            content: `Pupil ${index}: school`,
            trigger: `${ATTENDEES} input[name="${index}-vsms_organization"]`,
            run: "edit МБОУ «СШ № 7»",
        },
    ];
}

registry.category("web_tour.tours").add("vsms_event_registration_tour", {
    steps: () => [
        {
            content: "Open the registration (ticket) window",
            trigger: ".o_wevent_event button[data-bs-target='#modal_ticket_registration']:visible",
            run: "click",
        },
        {
            content: "Two seats",
            trigger: "#modal_ticket_registration.show input[name='nb_register-0']",
            run: "edit 2",
        },
        {
            content: "Go on to the attendees",
            trigger: "#modal_ticket_registration.show button[type=submit].a-submit:enabled",
            run: "click",
        },
        {
            content: "The attendees' form is shown",
            trigger: `${ATTENDEES}.modal_shown.show form#attendee_registration`,
        },
        ...pupil(1, "Кузнецов Илья"),
        ...pupil(2, "Морозова Вера"),
        {
            content: "The pupils are minors: the teacher registers them",
            trigger: `${ATTENDEES} input#vsms_minor`,
            run: "click",
        },
        {
            content: "The teacher's name",
            trigger: `${ATTENDEES} #vsms_guardian_block.show input#vsms_guardian_name`,
            run: "edit Лебедева Ольга Петровна",
        },
        {
            content: "The consent text is shown next to its own tick box",
            trigger: `${ATTENDEES} #vsms_consent_text_body:not(:empty)`,
        },
        {
            content: "Tick the personal-data consent",
            trigger: `${ATTENDEES} input#vsms_consent:not(:checked)`,
            run: "click",
        },
        {
            content: "Confirm",
            trigger: `${ATTENDEES} .modal-footer button[type=submit].btn-primary`,
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "Registered",
            trigger: ".o_wereg_confirmed",
        },
    ],
});
