from contextlib import contextmanager

from odoo.tests import TransactionCase, new_test_user


class VsmsCommon(TransactionCase):
    """Users of every ВСМС role and a small draft plan to work on."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.user_staff = new_test_user(
            cls.env,
            login="vsms_staff",
            name="Петрова Анна Сергеевна",
            groups="vsms_regional.group_vsms_user",
        )
        cls.user_manager = new_test_user(
            cls.env,
            login="vsms_manager",
            name="Иванов Иван Петрович",
            groups="vsms_regional.group_vsms_manager",
        )
        cls.user_jury = new_test_user(
            cls.env, login="vsms_jury", groups="vsms_regional.group_vsms_jury"
        )
        cls.user_outsider = new_test_user(
            cls.env, login="vsms_outsider", groups="base.group_user"
        )
        cls.Plan = cls.env["vsms.plan"]
        cls.Section = cls.env["vsms.plan.section"]
        cls.Item = cls.env["vsms.plan.item"]
        cls.Occurrence = cls.env["vsms.plan.occurrence"]
        cls.plan = cls.Plan.create({"name": "План работы на 2030 год", "year": 2030})
        cls.section_meetings = cls.Section.create(
            {"plan_id": cls.plan.id, "sequence": 10, "name": "Заседания"}
        )
        cls.section_events = cls.Section.create(
            {"plan_id": cls.plan.id, "sequence": 20, "name": "Мероприятия"}
        )
        cls.item_presidium = cls.Item.create(
            {
                "plan_id": cls.plan.id,
                "section_id": cls.section_meetings.id,
                "number": 1,
                "name": "Заседания Президиума",
                "schedule_text": "март, июнь, сентябрь, декабрь",
                "participants_planned": 5,
            }
        )
        cls.item_olympiad = cls.Item.create(
            {
                "plan_id": cls.plan.id,
                "section_id": cls.section_events.id,
                "number": 2,
                "name": "Олимпиада по основам местного самоуправления",
                "schedule_text": "апрель",
                "participants_planned": 40,
            }
        )

    @classmethod
    def make_item(cls, plan=None, **vals):
        plan = plan or cls.plan
        number = max(plan.item_ids.mapped("number"), default=0) + 1
        return cls.Item.create(
            {"plan_id": plan.id, "number": number, "name": f"Мероприятие {number}"}
            | vals
        )

    @contextmanager
    def assertRaisesText(self, exception, text):
        """Like ``assertRaises`` (so, inside a savepoint: nothing is saved),
        and the error message must contain ``text``."""
        with self.assertRaises(exception) as caught:
            yield caught
        self.assertIn(text, str(caught.exception))


class VsmsContactCommon(VsmsCommon):
    """Adds municipalities, offices and a few people of the contact base."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Partner = cls.env["res.partner"]
        cls.Position = cls.env["vsms.position"]
        cls.Consent = cls.env["vsms.consent"]
        cls.Log = cls.env["vsms.membership.log"]
        cls.Lead = cls.env["crm.lead"]
        cls.vyazma = cls.env.ref("vsms_regional.vsms_municipality_vyazem")
        cls.safonovo = cls.env.ref("vsms_regional.vsms_municipality_safonov")
        cls.role_head = cls.env.ref("vsms_regional.vsms_position_role_head")
        cls.role_deputy = cls.env.ref("vsms_regional.vsms_position_role_deputy")
        cls.role_tos_chair = cls.env.ref("vsms_regional.vsms_position_role_tos_chair")
        cls.role_expert = cls.env.ref("vsms_regional.vsms_position_role_expert")
        cls.team = cls.env.ref("vsms_regional.crm_team_vsms_admission")
        cls.head = cls.make_person(
            "Смирнов",
            "Алексей",
            "Викторович",
            vsms_municipality_id=cls.vyazma.id,
            email="smirnov@vyazma.example.ru",
        )
        cls.deputy = cls.make_person(
            "Кузнецова",
            "Ольга",
            "Николаевна",
            vsms_municipality_id=cls.safonovo.id,
            email="kuznetsova@safonovo.example.ru",
        )

    @classmethod
    def make_person(cls, last, first, patronymic="", **vals):
        return cls.env["res.partner"].create(
            {
                "vsms_last_name": last,
                "vsms_first_name": first,
                "vsms_patronymic": patronymic,
            }
            | vals
        )

    @classmethod
    def make_position(cls, partner, role, **vals):
        return cls.env["vsms.position"].create(
            {"partner_id": partner.id, "role_id": role.id} | vals
        )

    @classmethod
    def give_consent(cls, partner, kind="mailing", **vals):
        return cls.env["vsms.consent"].create(
            {"partner_id": partner.id, "kind": kind, "date_given": "2020-01-15"} | vals
        )
