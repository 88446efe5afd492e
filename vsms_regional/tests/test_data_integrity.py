"""Data that stays right: main offices, the personal-data export, companies."""

from freezegun import freeze_time

from odoo.tests import new_test_user, tagged

from .common import VsmsGovernanceCommon


@tagged("post_install", "-at_install")
class TestDataIntegrity(VsmsGovernanceCommon):
    # -- main office -------------------------------------------------------------
    def test_main_office_heals_after_months_without_the_job(self):
        with freeze_time("2030-01-10"):
            head_term = self.make_position(
                self.head,
                self.role_head,
                date_start="2025-09-20",
                date_end="2030-02-15",
            )
            self.make_position(self.head, self.role_deputy, date_start="2025-09-20")
            self.make_position(self.deputy, self.role_head, date_start="2030-05-01")
            self.env.flush_all()
            self.assertEqual(self.head.vsms_main_role_id, self.role_head)
            self.assertFalse(self.deputy.vsms_main_role_id)
        # the daily job did not run from January to June
        with freeze_time("2030-06-01"):
            fixed = self.env["res.partner"]._vsms_fix_main_roles()
            self.assertEqual(fixed, self.head | self.deputy)
            self.assertEqual(self.head.vsms_main_role_id, self.role_deputy)
            self.assertEqual(self.deputy.vsms_main_role_id, self.role_head)
            # nothing left to fix on the next run
            self.assertFalse(self.env["res.partner"]._vsms_fix_main_roles())
            self.env["res.partner"]._cron_vsms_contact_upkeep()
        self.assertTrue(head_term.exists())

    # -- personal data -----------------------------------------------------------
    def test_personal_data_has_everything_the_addon_knows(self):
        person = self.member_a
        lost_reason = self.env["crm.lost.reason"].create({"name": "Отказался"})
        lead = self.Lead.create(
            {"name": "Приём", "team_id": self.team.id, "partner_id": person.id}
        )
        lead.action_set_lost(lost_reason_id=lost_reason.id)
        self.assertFalse(lead.active)
        meeting = self.meeting_for(3)
        self.mark_present(meeting, person)
        event = self.Event.create(
            {
                "name": "Семинар для депутатов",
                "date_begin": "2030-04-10 07:00:00",
                "date_end": "2030-04-10 10:00:00",
            }
        )
        self.Registration.create(
            {
                "event_id": event.id,
                "partner_id": person.id,
                "vsms_organization": "Совет депутатов",
            }
        )
        decision = self.Decision.create(
            {
                "meeting_id": meeting.id,
                "name": "О приёме в члены ВСМС",
                "admission_partner_ids": [(6, 0, person.ids)],
            }
        )
        data = person.with_user(self.user_manager)._vsms_personal_data()
        self.assertEqual(data["Admission leads"][0]["Lost Reason"], "Отказался")
        self.assertEqual(data["Governing bodies"][0]["Body"], self.presidium.name)
        self.assertEqual(len(data["Meetings"]), 1)
        self.assertIs(data["Meetings"][0]["Present"], True)
        self.assertEqual(
            data["Event registrations"][0]["Organisation"], "Совет депутатов"
        )
        self.assertEqual(data["Decisions"][0]["Decision"], decision.name)

    # -- companies ---------------------------------------------------------------
    def test_records_follow_the_persons_company(self):
        other = self.env["res.company"].create({"name": "Другое отделение"})
        keeper_other = new_test_user(
            self.env,
            login="keeper_other",
            groups="vsms_regional.group_vsms_user",
            company_id=other.id,
            company_ids=[(6, 0, other.ids)],
        )
        other.vsms_contacts_user_id = keeper_other
        self.env.company.vsms_contacts_user_id = self.user_staff
        stranger = self.make_person(
            "Чужов",
            "Игорь",
            "Петрович",
            company_id=other.id,
            vsms_municipality_id=self.vyazma.id,
        )
        position = self.make_position(stranger, self.role_head)
        consent = self.give_consent(stranger, "processing")
        stranger.vsms_member_state = "member"
        log = stranger.vsms_membership_log_ids
        for record in (position, consent, log):
            self.assertEqual(record.company_id, other, record._name)
        # staff of this company do not see them …
        staff = self.user_staff
        self.assertNotIn(
            position, self.env["vsms.position"].with_user(staff).search([])
        )
        self.assertNotIn(consent, self.env["vsms.consent"].with_user(staff).search([]))
        self.assertNotIn(
            log, self.env["vsms.membership.log"].with_user(staff).search([])
        )
        # … nor count them in the municipality
        count_all = self.vyazma.partner_count
        self.vyazma.invalidate_recordset()
        count_staff = self.vyazma.with_user(staff).partner_count
        self.assertEqual(count_staff, count_all - 1)
        # the keeper of the other company sees them
        self.assertIn(
            consent, self.env["vsms.consent"].with_user(keeper_other).search([])
        )
        # the upkeep job gives the re-verification to each company's keeper
        partners = self.env["res.partner"]._vsms_schedule_reverification()
        self.assertIn(stranger, partners)
        activities = self.env["mail.activity"].search(
            [
                ("res_model", "=", "res.partner"),
                ("res_id", "in", (stranger | self.head).ids),
            ]
        )
        by_partner = {act.res_id: act.user_id for act in activities}
        self.assertEqual(by_partner[stranger.id], keeper_other)
        self.assertEqual(by_partner[self.head.id], self.user_staff)
