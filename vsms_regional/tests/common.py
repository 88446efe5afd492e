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


class VsmsGovernanceCommon(VsmsContactCommon):
    """A presidium of five with terms, and the plan's presidium item linked to
    it (meetings in March, June, September and December 2030)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Body = cls.env["vsms.body"]
        cls.BodyMember = cls.env["vsms.body.member"]
        cls.Meeting = cls.env["calendar.event"]
        cls.Decision = cls.env["vsms.decision"]
        cls.Event = cls.env["event.event"]
        cls.Registration = cls.env["event.registration"]
        cls.presidium = cls.Body.create(
            {"name": "Президиум (тест)", "kind": "presidium", "quorum_ratio": 0.5}
        )
        cls.chair = cls.make_person("Орлов", "Пётр", "Ильич")
        cls.secretary = cls.make_person("Белова", "Мария", "Андреевна")
        cls.member_a = cls.make_person("Зайцев", "Олег", "Павлович")
        cls.member_b = cls.make_person("Соколова", "Ирина", "Юрьевна")
        # Leaves the presidium at the end of May 2030 …
        cls.member_leaving = cls.make_person("Волков", "Денис", "Сергеевич")
        # … and is replaced from July 2030.
        cls.member_joining = cls.make_person("Лебедева", "Анна", "Игоревна")
        cls.BodyMember.create(
            [
                {
                    "body_id": cls.presidium.id,
                    "partner_id": cls.chair.id,
                    "role": "chair",
                    "date_start": "2028-01-01",
                },
                {
                    "body_id": cls.presidium.id,
                    "partner_id": cls.secretary.id,
                    "role": "secretary",
                    "date_start": "2028-01-01",
                },
                {
                    "body_id": cls.presidium.id,
                    "partner_id": cls.member_a.id,
                    "date_start": "2028-01-01",
                },
                {
                    "body_id": cls.presidium.id,
                    "partner_id": cls.member_b.id,
                    "date_start": "2028-01-01",
                },
                {
                    "body_id": cls.presidium.id,
                    "partner_id": cls.member_leaving.id,
                    "date_start": "2028-01-01",
                    "date_end": "2030-05-31",
                },
                {
                    "body_id": cls.presidium.id,
                    "partner_id": cls.member_joining.id,
                    "date_start": "2030-07-01",
                },
            ]
        )
        cls.item_presidium.body_id = cls.presidium
        cls.olympiad_type = cls.env.ref("vsms_regional.event_type_vsms_olympiad")
        cls.item_olympiad.event_type_id = cls.olympiad_type

    @classmethod
    def meeting_for(cls, month, **vals):
        """A meeting of the presidium in ``month`` of 2030, linked to its
        occurrence, with the members in office as attendees."""
        occurrence = cls.item_presidium.occurrence_ids.filtered(
            lambda occ: occ.date_start.month == month
        )
        members = cls.presidium._members_at(occurrence.date_start).partner_id
        return cls.env["calendar.event"].create(
            {
                "name": f"Заседание Президиума, {occurrence.name}",
                "start": f"2030-{month:02d}-15 07:00:00",
                "stop": f"2030-{month:02d}-15 09:00:00",
                "partner_ids": [(6, 0, members.ids)],
                "vsms_body_id": cls.presidium.id,
                "vsms_occurrence_id": occurrence.id,
            }
            | vals
        )

    @staticmethod
    def mark_present(meeting, partners):
        meeting.attendee_ids.filtered(
            lambda attendee: attendee.partner_id in partners
        ).vsms_present = True
