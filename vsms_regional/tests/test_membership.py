from odoo.exceptions import AccessError, ValidationError
from odoo.service.model import get_public_method
from odoo.tests import Form, freeze_time, tagged

from .common import VsmsContactCommon, VsmsGovernanceCommon

# Context keys the addon used to read: a client may still send them.
OLD_CONTEXT_KEYS = (
    "vsms_member_state_reason",
    "vsms_member_state_lead_id",
    "vsms_member_state_decision_id",
    "vsms_member_state_admission_reason",
    "vsms_member_state_merge",
)


@tagged("post_install", "-at_install")
class TestMembership(VsmsContactCommon):
    def _sequence_next(self):
        sequence = self.env.ref("vsms_regional.seq_vsms_member_number")
        return f"67-{sequence.number_next_actual:04d}"

    @freeze_time("2026-05-20")
    def test_becoming_a_member_gives_number_date_and_log(self):
        expected = self._sequence_next()
        self.head.with_user(self.user_staff).vsms_member_state = "member"
        self.assertRecordValues(
            self.head,
            [
                {
                    "vsms_member_state": "member",
                    "vsms_member_number": expected,
                    "vsms_member_since": self.head.vsms_member_since,
                }
            ],
        )
        self.assertEqual(str(self.head.vsms_member_since), "2026-05-20")
        log = self.head.vsms_membership_log_ids
        self.assertRecordValues(
            log,
            [
                {
                    "old_state": "none",
                    "new_state": "member",
                    "user_id": self.user_staff.id,
                    "member_number": expected,
                }
            ],
        )

    def test_existing_number_and_date_are_kept(self):
        self.head.write(
            {"vsms_member_number": "67-0999", "vsms_member_since": "2015-03-01"}
        )
        self.head.vsms_member_state = "member"
        self.assertEqual(self.head.vsms_member_number, "67-0999")
        self.assertEqual(str(self.head.vsms_member_since), "2015-03-01")

    def test_import_of_existing_members(self):
        people = self.Partner.create(
            [
                {"name": "Орлов Пётр Ильич", "vsms_member_state": "member"},
                {"name": "Белова Нина Ивановна", "vsms_member_state": "applicant"},
            ]
        )
        self.assertTrue(people[0].vsms_member_number)
        self.assertFalse(people[1].vsms_member_number)
        self.assertEqual(
            [person.vsms_membership_log_ids.new_state for person in people],
            ["member", "applicant"],
        )
        self.assertEqual(
            people.vsms_membership_log_ids.mapped("old_state"), ["none"] * 2
        )

    def test_suspension_and_leaving_need_a_reason(self):
        self.head.vsms_member_state = "member"
        with self.assertRaisesText(ValidationError, "Give a reason"):
            self.head._vsms_set_member_state("suspended")
        self.assertEqual(self.head.vsms_member_state, "member")
        self.assertEqual(len(self.head.vsms_membership_log_ids), 1)
        self.head._vsms_set_member_state(
            "suspended", reason="Решение Президиума № 2/2026"
        )
        self.assertEqual(
            self.head.vsms_membership_log_ids.sorted("id")[-1].reason,
            "Решение Президиума № 2/2026",
        )
        with self.assertRaisesText(ValidationError, "Give a reason"):
            self.head._vsms_set_member_state("former", reason="  ")
        self.assertEqual(self.head.vsms_member_state, "suspended")

    def test_wizard_changes_status_with_reason(self):
        self.head.vsms_member_state = "member"
        action = self.head.with_context(
            vsms_new_state="former"
        ).action_vsms_member_state()
        wizard_form = Form(
            self.env[action["res_model"]]
            .with_user(self.user_staff)
            .with_context(**action["context"])
        )
        self.assertEqual(wizard_form.new_state, "former")
        wizard_form.reason = "Личное заявление о выходе"
        wizard_form.save().action_apply()
        self.assertEqual(self.head.vsms_member_state, "former")
        self.assertRecordValues(
            self.head.vsms_membership_log_ids.sorted("id")[-1],
            [
                {
                    "old_state": "member",
                    "new_state": "former",
                    "reason": "Личное заявление о выходе",
                    "user_id": self.user_staff.id,
                }
            ],
        )

    def test_wizard_without_reason_saves_nothing(self):
        self.head.vsms_member_state = "member"
        wizard = (
            self.env["vsms.member.state.wizard"]
            .with_user(self.user_staff)
            .create({"partner_ids": [(6, 0, self.head.ids)], "new_state": "suspended"})
        )
        with self.assertRaisesText(ValidationError, "Смирнов Алексей Викторович"):
            wizard.action_apply()
        self.assertEqual(self.head.vsms_member_state, "member")

    def test_impossible_transitions_are_refused(self):
        with self.assertRaisesText(ValidationError, "cannot go from"):
            self.head._vsms_set_member_state("suspended", reason="x")
        self.assertEqual(self.head.vsms_member_state, "none")
        company = self.Partner.create({"name": "ООО «Ромашка»", "is_company": True})
        with self.assertRaisesText(ValidationError, "only people are members"):
            company.vsms_member_state = "member"

    def test_duplicate_member_number_is_refused(self):
        self.head.vsms_member_state = "member"
        with self.assertRaisesText(ValidationError, self.head.vsms_member_number):
            self.deputy.vsms_member_number = self.head.vsms_member_number
        self.assertFalse(self.deputy.vsms_member_number)
        with self.assertRaisesText(ValidationError, "67-5555"):
            self.Partner.create(
                [
                    {"name": "Орлов Пётр Ильич", "vsms_member_number": "67-5555"},
                    {"name": "Белова Нина Ивановна", "vsms_member_number": "67-5555"},
                ]
            )
        self.assertFalse(self.Partner.search([("name", "=", "Орлов Пётр Ильич")]))

    def test_log_is_read_only_for_everyone(self):
        self.head.vsms_member_state = "member"
        log = self.head.vsms_membership_log_ids
        for user in (
            self.user_staff,
            self.user_manager,
            self.env.ref("base.user_admin"),
        ):
            with self.subTest(user=user.login):
                self.assertTrue(log.with_user(user).read(["new_state"]))
                with self.assertRaises(AccessError):
                    log.with_user(user).write({"reason": "исправлено"})
                with self.assertRaises(AccessError):
                    log.with_user(user).unlink()
                with self.assertRaises(AccessError):
                    self.Log.with_user(user).create(
                        {"partner_id": self.deputy.id, "new_state": "member"}
                    )
        self.assertFalse(log.reason)
        with self.assertRaises(AccessError):
            log.with_user(self.user_outsider).read(["new_state"])

    def test_history_of_a_full_life_cycle(self):
        for state in (
            "prospect",
            "applicant",
            "member",
            "suspended",
            "member",
            "former",
        ):
            self.head._vsms_set_member_state(state, reason="по решению")
        self.assertEqual(
            self.head.vsms_membership_log_ids.sorted("id").mapped(
                lambda log: (log.old_state, log.new_state)
            ),
            [
                ("none", "prospect"),
                ("prospect", "applicant"),
                ("applicant", "member"),
                ("member", "suspended"),
                ("suspended", "member"),
                ("member", "former"),
            ],
        )


@tagged("post_install", "-at_install")
class TestMemberStateRules(VsmsGovernanceCommon):
    """Member status follows the transition table whoever writes it (e.g. a
    user with the ACL over RPC), and only the explicit method of the wizard,
    the pipeline, decisions and merges records a reason, lead or decision."""

    def setUp(self):
        super().setUp()
        self.lead = self.Lead.create(
            {"name": "Чужая заявка", "partner_id": self.deputy.id}
        )
        self.decision = self.Decision.create(
            {"meeting_id": self.meeting_for(3).id, "name": "Чужое решение"}
        )
        self.injected = {
            "vsms_member_state_reason": "подложная причина",
            "vsms_member_state_lead_id": self.lead.id,
            "vsms_member_state_decision_id": self.decision.id,
            "vsms_member_state_admission_reason": "подложное решение",
            "vsms_member_state_merge": True,
        }
        self.assertEqual(set(self.injected), set(OLD_CONTEXT_KEYS))

    def test_forbidden_transition_is_refused_naming_both_states(self):
        self.head.vsms_member_state = "member"
        person = self.head.with_user(self.user_staff)
        with self.assertRaisesText(ValidationError, "«Member» to «Prospect»"):
            person.write({"vsms_member_state": "prospect"})
        with self.assertRaisesText(ValidationError, "с «Член ВСМС» на «Кандидат»"):
            person.with_context(lang="ru_RU").write({"vsms_member_state": "prospect"})
        self.assertEqual(self.head.vsms_member_state, "member")
        self.assertEqual(len(self.head.vsms_membership_log_ids), 1)

    def test_old_context_keys_skip_no_transition(self):
        self.head.vsms_member_state = "member"
        person = self.head.with_user(self.user_staff).with_context(**self.injected)
        with self.assertRaisesText(ValidationError, "cannot go from"):
            person.write({"vsms_member_state": "prospect"})
        self.assertEqual(self.head.vsms_member_state, "member")

    def test_plain_write_cannot_reach_a_status_needing_a_reason(self):
        self.head.vsms_member_state = "member"
        for user in (self.user_staff, self.user_manager):
            for context in ({}, self.injected):
                with self.subTest(user=user.login, context=bool(context)):
                    person = self.head.with_user(user).with_context(**context)
                    with self.assertRaisesText(
                        ValidationError, "Use «Change member status»"
                    ):
                        person.write({"vsms_member_state": "suspended"})
        with self.assertRaisesText(
            ValidationError, "Используйте «Изменить статус членства»"
        ):
            self.head.with_user(self.user_staff).with_context(lang="ru_RU").write(
                {"vsms_member_state": "former"}
            )
        self.assertEqual(self.head.vsms_member_state, "member")
        self.assertEqual(len(self.head.vsms_membership_log_ids), 1)

    def test_old_context_keys_put_nothing_into_the_history(self):
        person = self.head.with_user(self.user_staff).with_context(**self.injected)
        person.write({"vsms_member_state": "member"})
        created = (
            self.Partner.with_user(self.user_staff)
            .with_context(**self.injected)
            .create({"name": "Орлов Пётр Ильич", "vsms_member_state": "member"})
        )
        for someone in self.head | created:
            with self.subTest(person=someone.name):
                self.assertRecordValues(
                    someone.vsms_membership_log_ids,
                    [
                        {
                            "old_state": "none",
                            "new_state": "member",
                            "reason": False,
                            "lead_id": False,
                            "decision_id": False,
                            "user_id": self.user_staff.id,
                        }
                    ],
                )

    def test_explicit_change_is_private_and_scoped(self):
        # not callable over RPC
        with self.assertRaises(AccessError):
            get_public_method(self.Partner, "_vsms_set_member_state")
        # a reason given for some people is not given to others written
        # meanwhile (e.g. by an override)
        self.head.vsms_member_state = "member"
        self.deputy.vsms_member_state = "member"
        self.head._vsms_set_member_state(
            "suspended", reason="Решение Президиума № 2/2030"
        )
        with self.assertRaisesText(ValidationError, "Use «Change member status»"):
            self.deputy.write({"vsms_member_state": "suspended"})

    def test_explicit_change_records_lead_and_decision(self):
        self.head.with_user(self.user_staff)._vsms_set_member_state(
            "member", reason="Принят", lead=self.lead, decision=self.decision
        )
        self.assertRecordValues(
            self.head.vsms_membership_log_ids,
            [
                {
                    "new_state": "member",
                    "reason": "Принят",
                    "lead_id": self.lead.id,
                    "decision_id": self.decision.id,
                    "user_id": self.user_staff.id,
                }
            ],
        )
