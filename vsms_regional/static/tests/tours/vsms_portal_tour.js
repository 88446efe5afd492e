import { registry } from "@web/core/registry";

/**
 * A member in «Мой кабинет»: opens their ВСМС data from the portal home,
 * corrects the phone (saved formatted), looks at their event registrations
 * and gives the mailing consent by ticking the box under its text.
 * Selectors avoid translated words, so the tour runs in any language.
 */
const PHONE = "8 (4812) 55-66-77";
const PHONE_FORMATTED = "+7 481 255-66-77";

registry.category("web_tour.tours").add("vsms_portal_tour", {
    url: "/my",
    steps: () => [
        {
            content: "Open «My ВСМС data» from the portal home",
            trigger: '.o_portal_my_home a[href="/my/vsms"]',
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "Correct the phone",
            trigger: "form.o_vsms_portal_profile input[name=phone]",
            run: `edit ${PHONE}`,
        },
        {
            content: "Save",
            trigger: "form.o_vsms_portal_profile button[type=submit]",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "Saved, and formatted",
            trigger: ".alert-success",
        },
        {
            content: "The phone is shown formatted",
            trigger: `form.o_vsms_portal_profile input[name=phone]:value("${PHONE_FORMATTED}")`,
        },
        {
            content: "Open the event registrations",
            trigger: '.o_vsms_portal_nav a[href="/my/vsms/registrations"]',
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "The registration is listed",
            trigger: ".o_vsms_portal_registrations td:contains(Семинар для глав поселений)",
        },
        {
            content: "Open the consents",
            trigger: '.o_vsms_portal_nav a[href="/my/vsms/consents"]',
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "Tick the box under the text of the mailing consent",
            trigger: ".o_vsms_portal_give_mailing input[name=agree]",
            run: "click",
        },
        {
            content: "Give the mailing consent",
            trigger: ".o_vsms_portal_give_mailing button[type=submit]",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "Thanked; the consent is listed, no longer offered",
            trigger: "body:not(:has(.o_vsms_portal_give_mailing)) .alert-success",
        },
    ],
});
