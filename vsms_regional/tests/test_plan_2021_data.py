"""The shipped 2021 plan of the Smolensk regional branch is complete and faithful."""

import calendar
from datetime import date

from odoo.tests import TransactionCase, tagged

YEAR = 2021
WHOLE_YEAR = (date(YEAR, 1, 1), date(YEAR, 12, 31))
FIRST_HALF = (date(YEAR, 1, 1), date(YEAR, 6, 30))
SECOND_HALF = (date(YEAR, 7, 1), date(YEAR, 12, 31))
MAY_TO_SEPTEMBER = (date(YEAR, 5, 1), date(YEAR, 9, 30))


def _month(month):
    """The whole month `month` of the plan's year, as (first day, last day)."""
    return date(YEAR, month, 1), date(YEAR, month, calendar.monthrange(YEAR, month)[1])


SECTION_NAMES = [
    "Заседания руководящих органов Регионального отделения",
    "Мероприятия РО, запланированные на 2021 год",
    "Участие членов РО в избирательных кампаниях, кандидаты, выдвинутые от РО ВСМС",
    "Работа по наращиванию персонального состава Регионального отделения",
    "Мероприятия в рамках информационного и учебно-методического, "
    "консультационного, аналитического и экспертного направлений деятельности ВСМС",
    "Взаимодействие РО со СМИ и информационными ресурсами региона",
]

# item number -> (section number, schedule_text, [(date_start, date_end), ...])
ITEMS = {
    1: (1, "июнь, декабрь", [_month(6), _month(12)]),
    2: (1, "март, июнь, сентябрь, декабрь", [_month(m) for m in (3, 6, 9, 12)]),
    3: (2, "весь период", [WHOLE_YEAR]),
    4: (2, "ноябрь", [_month(11)]),
    5: (2, "апрель", [_month(4)]),
    6: (2, "I полугодие", [FIRST_HALF]),
    7: (2, "II полугодие", [SECOND_HALF]),
    8: (2, "весь период", [WHOLE_YEAR]),
    9: (3, "май – сентябрь", [MAY_TO_SEPTEMBER]),
    10: (4, "весь период", [WHOLE_YEAR]),
    11: (5, "апрель", [_month(4)]),
    12: (5, "II полугодие", [SECOND_HALF]),
    13: (5, "весь период", [WHOLE_YEAR]),
    14: (6, "весь период", [WHOLE_YEAR]),
}

ITEM_NAMES = {
    1: "Заседания Смоленского Регионального совета",
    2: "Заседания Президиума Смоленского Регионального совета",
    3: "Участие в тематических мероприятиях СОО «Поисковое объединение «Долг»»",
    4: "Участие в проведении деловой игры «МОЙ ВЫБОР 2021»",
    5: "Олимпиада по основам местного самоуправления",
    9: "Выборы депутатов Государственной Думы Федерального Собрания Российской "
    "Федерации VIII созыва; выборы депутатов представительных органов "
    "муниципальных образований Смоленской области",
    12: "Организация семинара-совещания Смоленского РО ВСМС",
}

# item number -> XML ids (without module) of the co-organising partners
ITEM_PARTNERS = {
    3: ["partner_poisk_dolg"],
    4: ["partner_izbirkom_smolensk", "partner_kmsu_smolensk"],
    5: ["partner_kmsu_smolensk", "partner_uomp_smolensk"],
    6: ["partner_kmsu_smolensk"],
    7: ["partner_kmsu_smolensk"],
    8: ["partner_smo_smolensk", "partner_varmsu"],
}

# item number -> participants_planned (0 where the document gives no number)
PARTICIPANTS_PLANNED = {1: 62, 2: 5, 10: 5}

ITEM_VENUES = {
    5: "г. Смоленск",
    6: "Смоленская область",
    7: "г. Смоленск",
    11: "общеобразовательные учреждения Смоленской области",
}

# item number -> occurrence names, in date order
OCCURRENCE_NAMES = {
    1: ["Июнь 2021", "Декабрь 2021"],
    3: ["2021 год"],
    6: ["I полугодие 2021"],
    9: ["Май – сентябрь 2021"],
}


@tagged("post_install", "-at_install")
class TestPlan2021Data(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.plan = cls.env.ref("vsms_regional.vsms_plan_2021")
        cls.items = cls.env["vsms.plan.item"].search(
            [("plan_id", "=", cls.plan.id)], order="number"
        )

    def _item(self, number):
        return self.env.ref(f"vsms_regional.vsms_plan_2021_item_{number:02d}")

    def _section(self, number):
        return self.env.ref(f"vsms_regional.vsms_plan_2021_section_{number}")

    def test_plan(self):
        self.assertEqual(self.plan.year, YEAR)
        self.assertEqual(self.plan.state, "approved")
        self.assertEqual(
            self.plan.name,
            "План работы Смоленского регионального отделения Всероссийского "
            "совета местного самоуправления на 2021 год",
        )

    def test_sections(self):
        sections = self.env["vsms.plan.section"].search(
            [("plan_id", "=", self.plan.id)], order="sequence, id"
        )
        self.assertEqual(sections.mapped("name"), SECTION_NAMES)
        for number, section in enumerate(sections, start=1):
            with self.subTest(section=number):
                self.assertEqual(section, self._section(number))
                self.assertEqual(section.sequence, number * 10)

    def test_items_numbers_and_sections(self):
        self.assertEqual(self.items.mapped("number"), list(range(1, 15)))
        for number, (section_number, _schedule, _periods) in ITEMS.items():
            with self.subTest(item=number):
                item = self._item(number)
                self.assertEqual(item.number, number)
                self.assertEqual(item.plan_id, self.plan)
                self.assertEqual(item.section_id, self._section(section_number))

    def test_item_names(self):
        for number, name in ITEM_NAMES.items():
            with self.subTest(item=number):
                self.assertEqual(self._item(number).name, name)

    def test_schedule_and_occurrences(self):
        for number, (_section, schedule, periods) in ITEMS.items():
            with self.subTest(item=number):
                item = self._item(number)
                self.assertEqual(item.schedule_text, schedule)
                occurrences = item.occurrence_ids.sorted("date_start")
                self.assertEqual(
                    [(occ.date_start, occ.date_end) for occ in occurrences], periods
                )
                self.assertEqual(set(occurrences.mapped("state")), {"planned"})
                self.assertEqual(item.date_start, periods[0][0])
                self.assertEqual(item.date_end, periods[-1][1])

    def test_occurrence_names(self):
        for number, names in OCCURRENCE_NAMES.items():
            with self.subTest(item=number):
                occurrences = self._item(number).occurrence_ids.sorted("date_start")
                self.assertEqual(occurrences.mapped("name"), names)

    def test_partners(self):
        for number in ITEMS:
            with self.subTest(item=number):
                expected = self.env["res.partner"].browse(
                    [
                        self.env.ref(f"vsms_regional.{xmlid}").id
                        for xmlid in ITEM_PARTNERS.get(number, [])
                    ]
                )
                self.assertEqual(self._item(number).partner_ids, expected)
        for xmlid in {xmlid for xmlids in ITEM_PARTNERS.values() for xmlid in xmlids}:
            with self.subTest(partner=xmlid):
                partner = self.env.ref(f"vsms_regional.{xmlid}")
                self.assertTrue(partner.is_company)
                self.assertEqual(partner.country_id, self.env.ref("base.ru"))
        self.assertEqual(
            self.env.ref("vsms_regional.partner_poisk_dolg").name,
            "СОО «Поисковое объединение «Долг»»",
        )
        self.assertEqual(
            self.env.ref("vsms_regional.partner_izbirkom_smolensk").state_id,
            self.env.ref("base.state_ru_smo"),
        )

    def test_participants(self):
        for number in ITEMS:
            with self.subTest(item=number):
                self.assertEqual(
                    self._item(number).participants_planned,
                    PARTICIPANTS_PLANNED.get(number, 0),
                )
        self.assertEqual(
            self._item(1).participants_note,
            "Президиум РС ВСМС — 5 человек; члены РО ВСМС — 62 человек",
        )
        self.assertEqual(
            self._item(9).participants_note,
            "члены РО ВСМС по согласованию с Президиумом",
        )

    def test_venues_and_descriptions(self):
        for number in ITEMS:
            with self.subTest(item=number):
                item = self._item(number)
                self.assertEqual(item.venue or "", ITEM_VENUES.get(number, ""))
                self.assertTrue(item.description)
        self.assertIn("По отдельному плану.", str(self._item(12).description))
        self.assertIn("2589-адм", str(self._item(5).description))
