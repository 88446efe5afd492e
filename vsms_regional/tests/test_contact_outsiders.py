from odoo.tests import Form, new_test_user, tagged

from .common import VsmsContactCommon


@tagged("post_install", "-at_install")
class TestContactsOutsideVsms(VsmsContactCommon):
    """Colleagues outside ВСМС (and the jury) use Contacts as without the
    addon: creating, editing and duplicating contacts, even people of the
    contact base, never touches a field restricted to ВСМС groups."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.make_position(cls.head, cls.role_head, date_start="2024-10-20")
        cls.give_consent(cls.head, "processing")
        cls.head.vsms_member_state = "member"
        cls.head.vsms_verified_on = "2026-01-10"
        # who may edit contacts in core Odoo: «Contact Creation»
        cls.clerk = new_test_user(
            cls.env,
            login="contacts_clerk",
            groups="base.group_user,base.group_partner_manager",
        )
        cls.jury_clerk = new_test_user(
            cls.env,
            login="jury_clerk",
            groups="base.group_partner_manager,vsms_regional.group_vsms_jury",
        )

    def _users(self):
        return self.clerk | self.jury_clerk

    def test_create_a_contact_in_the_form(self):
        for user in self._users():
            with self.subTest(user=user.login):
                with Form(self.Partner.with_user(user)) as form:
                    form.name = "Новиков Илья Сергеевич"
                    form.email = " novikov@example.ru "
                    form.phone = "+7 481 000-00-01"
                person = form.record
                self.assertEqual(person.vsms_last_name, "Новиков")
                self.assertEqual(person.email_normalized, "novikov@example.ru")
                self.assertFalse(person.vsms_in_base)
                self.assertEqual(person.sudo().vsms_member_state, "none")

    def test_edit_a_person_of_the_contact_base(self):
        for user in self._users():
            with self.subTest(user=user.login):
                with Form(self.head.with_user(user)) as form:
                    form.phone = "+7 481 000-00-00"
                    form.name = "Смирнов Алексей Викторович "
                    form.email = "a.smirnov@vyazma.example.ru"
                self.assertEqual(self.head.phone, "+7 481 000-00-00")
                self.assertEqual(self.head.vsms_first_name, "Алексей")
                self.assertTrue(self.head.vsms_in_base)
                self.assertEqual(self.head.sudo().vsms_member_state, "member")
                self.assertTrue(self.head.sudo().vsms_position_ids)

    def test_duplicate_a_person_of_the_contact_base(self):
        for user in self._users():
            with self.subTest(user=user.login):
                copy = self.head.with_user(user).copy()
                copy = copy.sudo()
                self.assertEqual(copy.vsms_member_state, "none")
                self.assertFalse(copy.vsms_member_number)
                self.assertFalse(copy.vsms_member_since)
                self.assertFalse(copy.vsms_verified_on)
                self.assertFalse(copy.vsms_position_ids)
                self.assertFalse(copy.vsms_consent_ids)
                self.assertFalse(copy.vsms_membership_log_ids)
        # staff duplicating a member get no membership either
        copy = self.head.with_user(self.user_staff).copy()
        self.assertEqual(copy.vsms_member_state, "none")
        self.assertFalse(copy.vsms_verified_on)
        self.assertFalse(copy.vsms_consent_ids)
