from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, tagged

from .common import VsmsContactCommon


@tagged("post_install", "-at_install")
class TestAdmissionPipeline(VsmsContactCommon):
    def _stage(self, name):
        return self.env.ref(f"vsms_regional.crm_stage_vsms_{name}")

    def _invite(self, partners, user=None):
        user = user or self.user_staff
        action = partners.with_user(user).action_vsms_create_admission_leads()
        return action, self.Lead.search(
            [("partner_id", "in", partners.ids), ("team_id", "=", self.team.id)]
        )

    def test_end_to_end(self):
        action, lead = self._invite(self.head)
        self.assertEqual(action["params"]["type"], "success")
        self.assertEqual(len(lead), 1)
        self.assertRecordValues(
            lead,
            [
                {
                    "type": "opportunity",
                    "stage_id": self._stage("candidate").id,
                    "vsms_municipality_id": self.vyazma.id,
                    "vsms_is_admission": True,
                }
            ],
        )
        self.assertEqual(self.head.vsms_member_state, "prospect")

        lead = lead.with_user(self.user_staff)
        lead.stage_id = self._stage("invited")
        self.assertEqual(self.head.vsms_member_state, "prospect")
        lead.stage_id = self._stage("applied")
        self.assertEqual(self.head.vsms_member_state, "applicant")
        lead.stage_id = self._stage("presidium")
        lead.action_set_won()
        self.assertEqual(lead.stage_id, self._stage("admitted"))
        self.assertEqual(lead.won_status, "won")
        self.assertEqual(self.head.vsms_member_state, "member")
        self.assertTrue(self.head.vsms_member_number.startswith("67-"))
        self.assertTrue(self.head.vsms_member_since)
        self.assertEqual(
            self.head.vsms_membership_log_ids.sorted("id").mapped(
                lambda log: (log.old_state, log.new_state, log.lead_id)
            ),
            [
                ("none", "prospect", lead),
                ("prospect", "applicant", lead),
                ("applicant", "member", lead),
            ],
        )

    def test_no_second_open_lead(self):
        _action, first = self._invite(self.head)
        action, leads = self._invite(self.head | self.deputy)
        self.assertEqual(len(leads), 2)
        self.assertIn(first, leads)
        self.assertIn("1 skipped", action["params"]["message"])
        self.assertEqual(set(action["params"]["next"]["domain"][0][2]), set(leads.ids))

    def test_many_leads_at_once_name_each_lead_in_the_history(self):
        """Inviting several people moves them together; each history entry
        names that person's own lead."""
        _action, leads = self._invite(self.head | self.deputy)
        self.assertEqual(len(leads), 2)
        for person in self.head | self.deputy:
            lead = leads.filtered(lambda lead, p=person: lead.partner_id == p)
            self.assertEqual(person.vsms_member_state, "prospect")
            self.assertEqual(
                person.vsms_membership_log_ids.mapped(
                    lambda log: (log.old_state, log.new_state, log.lead_id)
                ),
                [("none", "prospect", lead)],
            )
        leads.with_user(self.user_staff).write({"stage_id": self._stage("applied").id})
        for person in self.head | self.deputy:
            lead = leads.filtered(lambda lead, p=person: lead.partner_id == p)
            self.assertEqual(person.vsms_member_state, "applicant")
            self.assertEqual(
                person.vsms_membership_log_ids.sorted("id")[-1].lead_id, lead
            )

    def test_members_and_organisations_are_skipped(self):
        self.head.vsms_member_state = "member"
        company = self.Partner.create({"name": "ТОС «Заречье»", "is_company": True})
        action, leads = self._invite(self.head | company)
        self.assertFalse(leads)
        self.assertEqual(action["params"]["type"], "warning")

    def test_lost_lead_needs_and_records_a_reason(self):
        _action, lead = self._invite(self.head)
        lead = lead.with_user(self.user_staff)
        with self.assertRaisesText(UserError, "lost reason"):
            lead.action_set_lost()
        self.assertTrue(lead.active)
        self.assertEqual(self.head.vsms_member_state, "prospect")

        reason = self.env.ref("vsms_regional.crm_lost_reason_vsms_declined")
        wizard = (
            self.env["crm.lead.lost"]
            .with_user(self.user_staff)
            .create({"lead_ids": [(6, 0, lead.ids)], "lost_reason_id": reason.id})
        )
        wizard.action_lost_reason_apply()
        self.assertEqual(lead.won_status, "lost")
        self.assertEqual(self.head.vsms_member_state, "none")
        last = self.head.vsms_membership_log_ids.sorted("id")[-1]
        self.assertEqual((last.old_state, last.new_state), ("prospect", "none"))
        self.assertIn(reason.name, last.reason)
        # Once lost, the person can be invited again.
        _action, leads = self._invite(self.head)
        self.assertEqual(len(leads.filtered("active")), 1)

    def test_former_member_goes_back_to_former(self):
        self.head.vsms_member_state = "member"
        self.head._vsms_set_member_state("former", reason="выход")
        _action, lead = self._invite(self.head)
        self.assertEqual(self.head.vsms_member_state, "prospect")
        lead.action_set_lost(
            lost_reason_id=self.env.ref(
                "vsms_regional.crm_lost_reason_vsms_no_answer"
            ).id
        )
        self.assertEqual(self.head.vsms_member_state, "former")

    def test_stages_do_not_mix_with_sales(self):
        admission = self.team._vsms_admission_stages()
        self.assertEqual(
            admission.mapped("name"),
            [
                "Кандидат",
                "Приглашение направлено",
                "Заявление получено",
                "Рассмотрение Президиумом",
                "Принят",
            ],
        )
        kanban_stages = self.Lead.with_context(
            default_team_id=self.team.id
        )._read_group_stage_ids(self.env["crm.stage"], [])
        self.assertEqual(kanban_stages, admission)
        sales_team = self.env["crm.team"].create({"name": "Продажи"})
        sales_stages = self.Lead.with_context(
            default_team_id=sales_team.id
        )._read_group_stage_ids(self.env["crm.stage"], [])
        self.assertFalse(sales_stages & admission)
        sales_lead = self.Lead.create(
            {"name": "Сделка", "type": "opportunity", "team_id": sales_team.id}
        )
        self.assertNotIn(sales_lead.stage_id, admission)
        # A lead created in the admission team starts in its first stage.
        lead = self.Lead.create(
            {
                "name": "Приём",
                "type": "opportunity",
                "team_id": self.team.id,
                "partner_id": self.deputy.id,
            }
        )
        self.assertEqual(lead.stage_id, admission[0])
        self.assertEqual(self.deputy.vsms_member_state, "prospect")

    def test_lead_shows_municipality_and_offices(self):
        self.make_position(self.head, self.role_head, date_start="2024-10-20")
        _action, lead = self._invite(self.head)
        form = Form(lead.with_user(self.user_staff))
        self.assertEqual(form.vsms_municipality_id, self.vyazma)
        self.assertEqual(len(lead.vsms_position_ids), 1)
        self.assertEqual(lead.vsms_main_role_id, self.role_head)

    def test_outsider_cannot_invite(self):
        with self.assertRaises(AccessError):
            self.head.with_user(self.user_outsider).action_vsms_create_admission_leads()
        self.assertFalse(self.Lead.search([("partner_id", "=", self.head.id)]))
