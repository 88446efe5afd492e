from odoo.exceptions import AccessError, ValidationError
from odoo.fields import Date
from odoo.tests import freeze_time, tagged

from .common import VsmsGovernanceCommon

to_date = Date.to_date


@tagged("post_install", "-at_install")
class TestBody(VsmsGovernanceCommon):
    def test_data_bodies_without_people(self):
        for xmlid, kind in (
            ("vsms_body_regional_council", "regional_council"),
            ("vsms_body_presidium", "presidium"),
            ("vsms_body_audit_commission", "audit_commission"),
        ):
            body = self.env.ref(f"vsms_regional.{xmlid}")
            self.assertEqual(body.kind, kind)
            self.assertFalse(body.member_ids)
            self.assertEqual(body.quorum_ratio, 0.5)
            self.assertTrue(body.decision_sequence_id)
        self.assertEqual(
            self.env.ref("vsms_regional.vsms_body_presidium").parent_id,
            self.env.ref("vsms_regional.vsms_body_regional_council"),
        )

    def test_members_at_a_date(self):
        def names(day):
            return set(self.presidium._members_at(day).partner_id.mapped("name"))

        core = {
            self.chair.name,
            self.secretary.name,
            self.member_a.name,
            self.member_b.name,
        }
        self.assertEqual(
            names(to_date("2030-03-15")), core | {self.member_leaving.name}
        )
        self.assertEqual(names(to_date("2030-06-15")), core)
        self.assertEqual(
            names(to_date("2030-09-15")), core | {self.member_joining.name}
        )
        self.assertFalse(names(to_date("2027-06-01")))

    @freeze_time("2030-03-15")
    def test_quorum_rule_text(self):
        self.assertEqual(self.presidium.member_count, 5)
        self.assertEqual(
            self.presidium.with_context(lang="en_US").quorum_rule,
            "more than 50% of the members: 3 of 5",
        )
        self.presidium.quorum_strict = False
        self.presidium.quorum_ratio = 2 / 3
        self.assertEqual(
            self.presidium.with_context(lang="en_US").quorum_rule,
            "at least 66.7% of the members: 4 of 5",
        )

    @freeze_time("2030-06-15")
    def test_current_members_search(self):
        current = self.BodyMember.search(
            [("body_id", "=", self.presidium.id), ("is_current", "=", True)]
        )
        self.assertEqual(len(current), self.presidium.member_count)
        past = self.BodyMember.search(
            [("body_id", "=", self.presidium.id), ("is_current", "=", False)]
        )
        # one has left, the other not yet joined
        self.assertEqual(past.partner_id, self.member_leaving | self.member_joining)

    def test_term_ending_before_start_is_refused(self):
        with self.assertRaisesText(ValidationError, "ends"):
            self.BodyMember.create(
                {
                    "body_id": self.presidium.id,
                    "partner_id": self.head.id,
                    "date_start": "2030-05-01",
                    "date_end": "2030-04-01",
                }
            )
        self.assertNotIn(self.head, self.presidium.member_ids.partner_id)

    def test_overlapping_terms_are_refused(self):
        with self.assertRaisesText(ValidationError, self.member_a.name):
            self.BodyMember.create(
                {
                    "body_id": self.presidium.id,
                    "partner_id": self.member_a.id,
                    "date_start": "2030-01-01",
                }
            )
        # a new term after the old one ended is fine
        self.BodyMember.create(
            {
                "body_id": self.presidium.id,
                "partner_id": self.member_leaving.id,
                "date_start": "2031-01-01",
            }
        )

    def test_one_chair_at_a_time(self):
        with self.assertRaisesText(ValidationError, self.chair.name):
            self.BodyMember.create(
                {
                    "body_id": self.presidium.id,
                    "partner_id": self.head.id,
                    "role": "chair",
                    "date_start": "2030-01-01",
                }
            )

    def test_bad_quorum_share(self):
        for ratio in (0, 1.5, -0.2):
            with (
                self.subTest(ratio=ratio),
                self.assertRaisesText(ValidationError, self.presidium.name),
            ):
                self.presidium.quorum_ratio = ratio
                self.presidium.flush_recordset()

    def test_decision_numbering_has_own_sequence_per_body(self):
        other = self.Body.create({"name": "Рабочая группа", "kind": "other"})
        self.assertTrue(other.decision_sequence_id)
        self.assertNotEqual(
            other.decision_sequence_id, self.presidium.decision_sequence_id
        )

    def test_access(self):
        # staff read the bodies and their members, but do not change them
        body = self.presidium.with_user(self.user_staff)
        body.read(["name", "member_ids", "quorum_rule"])
        body.member_ids.read(["partner_id", "role"])
        with self.assertRaises(AccessError):
            body.name = "Другое"
        with self.assertRaises(AccessError):
            self.BodyMember.with_user(self.user_staff).create(
                {"body_id": self.presidium.id, "partner_id": self.head.id}
            )
        # managers do
        manager_body = self.presidium.with_user(self.user_manager)
        manager_body.quorum_ratio = 2 / 3
        self.BodyMember.with_user(self.user_manager).create(
            {"body_id": self.presidium.id, "partner_id": self.head.id}
        )
        self.Body.with_user(self.user_manager).create({"name": "Рабочая группа"})
        # users outside ВСМС do not see them
        with self.assertRaises(AccessError):
            self.presidium.with_user(self.user_outsider).read(["name"])
        with self.assertRaises(AccessError):
            self.presidium.member_ids.with_user(self.user_outsider).read(["role"])
