from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, new_test_user, tagged

from .mandate_common import VsmsMandateCommon


@tagged("post_install", "-at_install")
class TestMandateSecurity(VsmsMandateCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.mandate = cls.make_mandate(
            candidate_id=cls.candidate.id, author_partner_id=cls.head.id
        )

    def test_staff_work_with_mandates(self):
        Mandate = self.Mandate.with_user(self.user_staff)
        mandate = self.make_mandate(env=Mandate.env, topic_ids=[self.topic_roads.id])
        mandate.write({"signatures": 50, "state": "accepted"})
        self.assertEqual(Mandate.search([("id", "=", self.mandate.id)]), self.mandate)
        self.assertEqual(
            self.mandate.with_user(self.user_staff).deputy_partner_id, self.deputy
        )
        # staff extend the topics
        topic = self.Topic.with_user(self.user_staff).create({"name": "Экология"})
        mandate.topic_ids = [(4, topic.id)]
        # … but do not delete mandates or topics
        with self.assertRaises(AccessError):
            mandate.unlink()
        with self.assertRaises(AccessError):
            topic.unlink()
        self.assertTrue(mandate.exists())

    def test_managers_delete(self):
        mandate = self.make_mandate(env=self.env(user=self.user_manager))
        mandate.unlink()
        self.assertFalse(mandate.exists())
        topic = self.Topic.with_user(self.user_manager).create({"name": "Экология"})
        topic.unlink()
        self.assertFalse(topic.exists())

    def test_jury_and_outsiders_see_nothing(self):
        for user in (self.user_jury, self.user_outsider):
            with self.subTest(user=user.login):
                Mandate = self.Mandate.with_user(user)
                with self.assertRaises(AccessError):
                    Mandate.search([])
                with self.assertRaises(AccessError):
                    self.mandate.with_user(user).read(["name"])
                with self.assertRaises(AccessError):
                    self.make_mandate(env=Mandate.env)
                with self.assertRaises(AccessError):
                    self.mandate.with_user(user).write({"signatures": 1})
                with self.assertRaises(AccessError):
                    self.Topic.with_user(user).search([])
                # no count on the contact either
                with self.assertRaises(AccessError):
                    self.deputy.with_user(user).read(["vsms_mandate_count"])
                self.assertNotIn(
                    "vsms_mandate_count", self.deputy.with_user(user).fields_get()
                )
        self.assertEqual(self.mandate.signatures, 34)

    def test_other_company(self):
        other_company = self.env["res.company"].create({"name": "РО ВСМС (другое)"})
        other = self.make_mandate(company_id=other_company.id)
        self.assertTrue(other.number)
        Mandate = self.Mandate.with_user(self.user_staff)
        self.assertNotIn(other, Mandate.search([]))
        with self.assertRaises(AccessError):
            other.with_user(self.user_staff).read(["name"])
        # numbered by its date's year like the others
        self.assertTrue(other.number.startswith("Н-2030-"))
        self.assertNotEqual(other.number, self.mandate.number)

    def test_rpc_cannot_skip_the_rules(self):
        """What a client sends over RPC meets the same rules as the form."""
        mandate = self.mandate.with_user(self.user_staff)
        for vals in (
            {"state": "done", "result": "Сделано"},
            {"state": "rejected"},
            {"number": "Н-1999-001"},
            {"date_done": "2030-07-01"},
        ):
            # a ValidationError is a UserError too
            with self.subTest(vals=vals), self.assertRaises(UserError):
                mandate.with_context(tracking_disable=True, vsms_force=True).write(vals)
        self.assertEqual(self.mandate.state, "received")
        self.assertFalse(self.mandate.date_done)


@tagged("post_install", "-at_install")
class TestMandatesOnContactsOutsideVsms(VsmsMandateCommon):
    """A colleague outside ВСМС edits and duplicates contacts who gave or
    received voters' mandates without touching the ВСМС fields."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.make_mandate(candidate_id=cls.candidate.id, author_partner_id=cls.head.id)
        cls.clerk = new_test_user(
            cls.env,
            login="mandate_clerk",
            groups="base.group_user,base.group_partner_manager",
        )

    def test_edit_and_duplicate_contacts_with_mandates(self):
        for partner in (self.head, self.deputy):
            with self.subTest(partner=partner.name):
                with Form(partner.with_user(self.clerk)) as form:
                    form.phone = "+7 481 000-00-09"
                self.assertEqual(partner.phone, "+7 481 000-00-09")
                copy = partner.with_user(self.clerk).copy()
                self.assertEqual(copy.sudo().vsms_mandate_count, 0)
                self.assertEqual(partner.sudo().vsms_mandate_count, 1)

    def test_create_a_contact(self):
        with Form(self.env["res.partner"].with_user(self.clerk)) as form:
            form.name = "Новиков Илья Сергеевич"
        self.assertEqual(form.record.sudo().vsms_mandate_count, 0)

    def test_staff_see_the_counts(self):
        with Form(self.deputy.with_user(self.user_staff)) as form:
            self.assertEqual(form.vsms_mandate_count, 1)
            self.assertEqual(form.vsms_mandate_deputy_count, 1)

    def test_forms_show_mandates_to_staff_only(self):
        staff_env = self.env(user=self.user_staff)
        for model in ("vsms.election", "vsms.election.district", "vsms.candidate"):
            with self.subTest(model=model):
                arch = staff_env[model].get_views([(False, "form")])["views"]["form"][
                    "arch"
                ]
                self.assertIn("action_open_mandates", arch)
        arch = staff_env["res.partner"].get_views([(False, "form")])["views"]["form"][
            "arch"
        ]
        self.assertIn("action_vsms_open_mandates", arch)
        self.assertIn("action_vsms_print_mandates", arch)
        for user in (self.clerk, self.user_jury):
            with self.subTest(user=user.login):
                arch = self.env(user=user)["res.partner"].get_views([(False, "form")])[
                    "views"
                ]["form"]["arch"]
                self.assertNotIn("vsms_mandate_count", arch)
                self.assertNotIn("action_vsms_open_mandates", arch)
