"""Parsing of the «Срок исполнения» column into periods of the plan's year."""

import calendar
import dataclasses
from datetime import date

from odoo.tests import TransactionCase, tagged

from odoo.addons.vsms_regional.tools.schedule import (
    Period,
    Schedule,
    ScheduleError,
    parse_schedule,
)

YEAR = 2021
MONTHS = [
    # nominative, genitive, prepositional, label
    ("январь", "января", "январе", "Январь"),
    ("февраль", "февраля", "феврале", "Февраль"),
    ("март", "марта", "марте", "Март"),
    ("апрель", "апреля", "апреле", "Апрель"),
    ("май", "мая", "мае", "Май"),
    ("июнь", "июня", "июне", "Июнь"),
    ("июль", "июля", "июле", "Июль"),
    ("август", "августа", "августе", "Август"),
    ("сентябрь", "сентября", "сентябре", "Сентябрь"),
    ("октябрь", "октября", "октябре", "Октябрь"),
    ("ноябрь", "ноября", "ноябре", "Ноябрь"),
    ("декабрь", "декабря", "декабре", "Декабрь"),
]
DASHES = ["-", "\u2013", "\u2014", "\u2212"]  # hyphen, en dash, em dash, minus
DEFERRING = [
    "по согласованию",
    "по отдельному плану",
    "по мере необходимости",
    "по отдельному графику",
    "по мере поступления",
    "дата уточняется",
    "по мере формирования",
]


def _span(first_month, last_month, year=YEAR):
    """First day of ``first_month`` to the last day of ``last_month``."""
    last_day = calendar.monthrange(year, last_month)[1]
    return date(year, first_month, 1), date(year, last_month, last_day)


def _month(month, year=YEAR):
    label = f"{MONTHS[month - 1][3]} {year}"
    return Period(*_span(month, month, year), "month", label)


def _quarter(number, year=YEAR):
    label = f"{['I', 'II', 'III', 'IV'][number - 1]} квартал {year}"
    return Period(*_span(number * 3 - 2, number * 3, year), "quarter", label)


def _half(number, year=YEAR):
    label = f"{['I', 'II'][number - 1]} полугодие {year}"
    return Period(*_span(number * 6 - 5, number * 6, year), "half", label)


def _day(month, day, label=None, year=YEAR):
    when = date(year, month, day)
    label = label or f"{day} {MONTHS[month - 1][1]} {year}"
    return Period(when, when, "day", label)


def _deadline(month, day, label, start=(1, 1), year=YEAR):
    """A deadline: from ``start`` (1 January) through its day."""
    return Period(date(year, *start), date(year, month, day), "deadline", label)


WHOLE_YEAR = Period(date(YEAR, 1, 1), date(YEAR, 12, 31), "year", "2021 год")
MAY_TO_SEPTEMBER = Period(*_span(5, 9), "range", "Май – сентябрь 2021")


@tagged("post_install", "-at_install")
class TestScheduleParser(TransactionCase):
    """``parse_schedule`` needs no database; the case class is for the runners."""

    def assertSchedule(self, text, periods, deferred=False, year=YEAR):
        """``text`` parses into exactly ``periods`` (in this order)."""
        with self.subTest(text=text, year=year):
            self.assertEqual(
                parse_schedule(text, year), Schedule(tuple(periods), deferred)
            )

    def assertRefused(self, text, fragment, reason="unknown", year=YEAR):
        """``text`` is refused for ``reason``, naming ``fragment``."""
        with self.subTest(text=text, year=year):
            with self.assertRaises(ScheduleError) as caught:
                parse_schedule(text, year)
            self.assertEqual(caught.exception.fragment, fragment)
            self.assertEqual(caught.exception.reason, reason)

    # ------------------------------------------------------------------
    # The real 2021 plan of the Smolensk regional branch
    # ------------------------------------------------------------------
    def test_real_plan_2021(self):
        """All 14 schedules of the plan, as extracted from the document."""
        cases = [
            ("июнь \n\nдекабрь ", [_month(6), _month(12)]),
            (
                "март \n\nиюнь \n\nсентябрь \n\nдекабрь ",
                [_month(3), _month(6), _month(9), _month(12)],
            ),
            ("весь период ", [WHOLE_YEAR]),
            ("ноябрь", [_month(11)]),
            ("апрель ", [_month(4)]),
            ("I полугодие ", [_half(1)]),
            ("II полугодие ", [_half(2)]),
            ("весь период ", [WHOLE_YEAR]),
            ("май – \n\nсентябрь ", [MAY_TO_SEPTEMBER]),
            ("весь период ", [WHOLE_YEAR]),
            ("апрель", [_month(4)]),
            ("II полугодие ", [_half(2)]),
            ("весь период", [WHOLE_YEAR]),
            ("весь период", [WHOLE_YEAR]),
        ]
        self.assertEqual(len(cases), 14)
        for text, periods in cases:
            self.assertSchedule(text, periods)

    def test_real_plan_2021_compact(self):
        """The plan's schedules as typed into the form, one line per part."""
        self.assertSchedule("июнь\nдекабрь", [_month(6), _month(12)])
        self.assertSchedule(
            "март\nиюнь\nсентябрь\nдекабрь",
            [_month(3), _month(6), _month(9), _month(12)],
        )
        self.assertSchedule("весь период", [WHOLE_YEAR])
        self.assertSchedule("ноябрь", [_month(11)])
        self.assertSchedule("апрель", [_month(4)])
        self.assertSchedule("I полугодие", [_half(1)])
        self.assertSchedule("II полугодие", [_half(2)])
        self.assertSchedule("май –\nсентябрь", [MAY_TO_SEPTEMBER])
        self.assertSchedule("май – сентябрь", [MAY_TO_SEPTEMBER])

    # ------------------------------------------------------------------
    # Empty, deferred
    # ------------------------------------------------------------------
    def test_empty(self):
        for text in ["", " ", "\n", " \t\n  "]:
            self.assertSchedule(text, [])

    def test_deferred_alone(self):
        for text in DEFERRING:
            self.assertSchedule(text, [], deferred=True)
        for text in ["По согласованию", "ПО МЕРЕ НЕОБХОДИМОСТИ", "Дата уточняется"]:
            self.assertSchedule(text, [], deferred=True)
        self.assertSchedule("(по согласованию)", [], deferred=True)
        self.assertSchedule("по согласованию, по мере необходимости", [], deferred=True)

    def test_deferred_with_periods(self):
        for phrase in DEFERRING:
            self.assertSchedule(f"II квартал ({phrase})", [_quarter(2)], deferred=True)
        self.assertSchedule("II квартал, по согласованию", [_quarter(2)], True)
        self.assertSchedule("по согласованию; март", [_month(3)], True)
        self.assertSchedule("весь период. По согласованию", [WHOLE_YEAR], True)
        self.assertSchedule(
            "май – сентябрь\n(по согласованию)", [MAY_TO_SEPTEMBER], True
        )
        self.assertSchedule(
            "ежеквартально (по отдельному графику)",
            [_quarter(1), _quarter(2), _quarter(3), _quarter(4)],
            deferred=True,
        )
        self.assertFalse(parse_schedule("март", YEAR).deferred)

    # ------------------------------------------------------------------
    # Months
    # ------------------------------------------------------------------
    def test_month_forms(self):
        """Nominative, genitive and prepositional (with «в»/«во») months."""
        for number, (nominative, genitive, prepositional, __) in enumerate(
            MONTHS, start=1
        ):
            for text in [
                nominative,
                genitive,
                prepositional,
                f"в {prepositional}",
                f"во {prepositional}",
                f"в течение {genitive}",
                nominative.upper(),
                nominative.capitalize(),
            ]:
                self.assertSchedule(text, [_month(number)])

    def test_month_abbreviations(self):
        cases = [
            ("янв.", 1),
            ("фев.", 2),
            ("февр.", 2),
            ("мар.", 3),
            ("апр.", 4),
            ("июн.", 6),
            ("июл.", 7),
            ("авг.", 8),
            ("сен.", 9),
            ("сент.", 9),
            ("сент", 9),
            ("окт.", 10),
            ("нояб.", 11),
            ("дек.", 12),
        ]
        for text, month in cases:
            self.assertSchedule(text, [_month(month)])
        self.assertSchedule("янв., сент.", [_month(1), _month(9)])

    def test_month_end_dates(self):
        """Each month ends on its real last day, February by leap year."""
        ends = {
            1: 31,
            2: 28,
            3: 31,
            4: 30,
            5: 31,
            6: 30,
            7: 31,
            8: 31,
            9: 30,
            10: 31,
            11: 30,
            12: 31,
        }
        for number, last_day in ends.items():
            with self.subTest(month=number):
                (period,) = parse_schedule(MONTHS[number - 1][0], YEAR).periods
                self.assertEqual(period.date_start, date(YEAR, number, 1))
                self.assertEqual(period.date_end, date(YEAR, number, last_day))
        (february,) = parse_schedule("февраль", 2024).periods
        self.assertEqual(february.date_end, date(2024, 2, 29))
        self.assertEqual(february.label, "Февраль 2024")
        (december,) = parse_schedule("декабрь", YEAR).periods
        self.assertEqual(december.date_end, date(YEAR, 12, 31))

    def test_month_lists(self):
        quarterly = [_month(3), _month(6), _month(9), _month(12)]
        for text in [
            "март, июнь, сентябрь, декабрь",
            "март,июнь,сентябрь,декабрь",
            "март; июнь; сентябрь; декабрь",
            "март июнь сентябрь декабрь",
            "март\nиюнь\nсентябрь\nдекабрь",
            "март,\n июнь ;сентябрь и декабрь",
            "март и июнь и сентябрь и декабрь",
            "(март) (июнь), (сентябрь и декабрь)",
            "  март, июнь, сентябрь, декабрь.  ",
            "Март, ИЮНЬ, Сентябрь, декабрь",
            "в марте, в июне, в сентябре и в декабре",
            "марта, июня, сентября, декабря",
        ]:
            self.assertSchedule(text, quarterly)
        self.assertSchedule("март и апрель", [_month(3), _month(4)])
        self.assertSchedule("июнь\r\nдекабрь", [_month(6), _month(12)])

    def test_month_ranges(self):
        """Every dash, with or without spaces and line breaks around it."""
        for dash in DASHES:
            for spaced in ["{}", " {} ", " {}", "{} ", " {}\n", "\n{}\n", "  {}  "]:
                self.assertSchedule(
                    "май" + spaced.format(dash) + "сентябрь", [MAY_TO_SEPTEMBER]
                )
        for text in [
            "с мая по сентябрь",
            "С мая по сентябрь",
            "Май – Сентябрь",
            "МАЙ-СЕНТЯБРЬ",
            "май – сентябрь 2021",
            "май – сентябрь 2021 г.",
            "с мая по сентябрь 2021 года",
        ]:
            self.assertSchedule(text, [MAY_TO_SEPTEMBER])

    def test_month_range_details(self):
        autumn = Period(*_span(10, 12), "range", "Октябрь – декабрь 2021")
        self.assertSchedule("октябрь—декабрь", [autumn])
        self.assertSchedule("в октябре-декабре", [autumn])
        self.assertEqual(autumn.date_end, date(YEAR, 12, 31))
        self.assertSchedule(
            "январь – февраль",
            [Period(*_span(1, 2, 2024), "range", "Январь – февраль 2024")],
            year=2024,
        )
        self.assertEqual(_span(1, 2, 2024)[1], date(2024, 2, 29))
        self.assertSchedule(
            "январь – декабрь",
            [Period(*_span(1, 12), "range", "Январь – декабрь 2021")],
        )
        # A range of one month is that month.
        self.assertSchedule("май – май", [_month(5)])
        self.assertSchedule(
            "март – апрель, сентябрь–октябрь",
            [
                Period(*_span(3, 4), "range", "Март – апрель 2021"),
                Period(*_span(9, 10), "range", "Сентябрь – октябрь 2021"),
            ],
        )

    # ------------------------------------------------------------------
    # Quarters and half-years
    # ------------------------------------------------------------------
    def test_quarter_forms(self):
        cases = {
            1: [
                "I квартал",
                "1 квартал",
                "1-й квартал",
                "первый квартал",
                "в I квартале",
                "в первом квартале",
                "в течение I квартала",
                "I кв.",
                "i квартал",
            ],
            2: [
                "II квартал",
                "2 квартал",
                "2-й квартал",
                "второй квартал",
                "во II квартале",
                "II кв.",
                "II кв",
                "2-го квартала",
                "II  квартал",
            ],
            3: [
                "III квартал",
                "3-ий квартал",
                "третий квартал",
                "в III квартале",
                "III кв.",
                "3 квартал",
            ],
            4: [
                "IV квартал",
                "4-го квартала",
                "4-й квартал",
                "четвертый квартал",
                "четвёртый квартал",
                "Четвёртый Квартал",
                "IV КВАРТАЛ",
                "в IV квартале",
                "IV кв.",
            ],
        }
        for number, texts in cases.items():
            for text in texts:
                self.assertSchedule(text, [_quarter(number)])

    def test_quarter_dates_and_labels(self):
        expected = [
            ("I квартал", date(YEAR, 1, 1), date(YEAR, 3, 31), "I квартал 2021"),
            ("II квартал", date(YEAR, 4, 1), date(YEAR, 6, 30), "II квартал 2021"),
            ("III квартал", date(YEAR, 7, 1), date(YEAR, 9, 30), "III квартал 2021"),
            ("IV квартал", date(YEAR, 10, 1), date(YEAR, 12, 31), "IV квартал 2021"),
        ]
        for text, start, end, label in expected:
            self.assertSchedule(text, [Period(start, end, "quarter", label)])

    def test_quarter_ranges(self):
        second_third = Period(*_span(4, 9), "range", "II–III кварталы 2021")
        for dash in DASHES:
            for spaced in ["{}", " {} "]:
                sep = spaced.format(dash)
                self.assertSchedule(f"II{sep}III квартал", [second_third])
                self.assertSchedule(f"II{sep}III кварталы", [second_third])
        for text in ["с II по III квартал", "2-3 квартал", "во II–III кварталах"]:
            self.assertSchedule(text, [second_third])
        self.assertSchedule(
            "I–IV кварталы", [Period(*_span(1, 12), "range", "I–IV кварталы 2021")]
        )
        self.assertSchedule("III–III квартал", [_quarter(3)])

    def test_quarter_lists(self):
        self.assertSchedule("I и III кварталы", [_quarter(1), _quarter(3)])
        self.assertSchedule("II, IV квартал", [_quarter(2), _quarter(4)])
        self.assertSchedule("I квартал, III квартал", [_quarter(1), _quarter(3)])

    def test_half_forms(self):
        cases = {
            1: [
                "I полугодие",
                "1-е полугодие",
                "1-ое полугодие",
                "1 полугодие",
                "первое полугодие",
                "в первом полугодии",
                "в I полугодии",
                "в течение первого полугодия",
                "I ПОЛУГОДИЕ",
            ],
            2: [
                "II полугодие",
                "2 полугодие",
                "2-е полугодие",
                "второе полугодие",
                "во втором полугодии",
                "Второе Полугодие",
            ],
        }
        for number, texts in cases.items():
            for text in texts:
                self.assertSchedule(text, [_half(number)])

    def test_half_dates_and_labels(self):
        self.assertSchedule(
            "I полугодие",
            [Period(date(YEAR, 1, 1), date(YEAR, 6, 30), "half", "I полугодие 2021")],
        )
        self.assertSchedule(
            "II полугодие",
            [Period(date(YEAR, 7, 1), date(YEAR, 12, 31), "half", "II полугодие 2021")],
        )
        self.assertSchedule(
            "I–II полугодия",
            [Period(*_span(1, 12), "range", "I–II полугодия 2021")],
        )
        self.assertSchedule("I и II полугодие", [_half(1), _half(2)])

    # ------------------------------------------------------------------
    # Whole year and recurring
    # ------------------------------------------------------------------
    def test_whole_year(self):
        for text in [
            "весь период",
            "Весь Период",
            "ВЕСЬ ПЕРИОД",
            "весь  период",
            "весь\nпериод",
            "в течение года",
            "в течение всего года",
            "В течение года",
            "постоянно",
            "Постоянно",
            "весь год",
            "в течение 2021 года",
            "2021 год",
            "2021 г.",
            "в 2021 году",
            "весь период.",
        ]:
            self.assertSchedule(text, [WHOLE_YEAR])
        self.assertSchedule(
            "весь период",
            [Period(date(2024, 1, 1), date(2024, 12, 31), "year", "2024 год")],
            year=2024,
        )

    def test_recurring(self):
        monthly = [_month(month) for month in range(1, 13)]
        quarterly = [_quarter(number) for number in range(1, 5)]
        halves = [_half(1), _half(2)]
        for text in ["ежемесячно", "Ежемесячно", "раз в месяц"]:
            self.assertSchedule(text, monthly)
        for text in ["ежеквартально", "раз в квартал", "1 раз в квартал"]:
            self.assertSchedule(text, quarterly)
        for text in ["раз в полугодие", "ежеполугодно", "один раз в полугодие"]:
            self.assertSchedule(text, halves)
        (__, february, *__) = parse_schedule("ежемесячно", 2024).periods
        self.assertEqual(february.date_end, date(2024, 2, 29))

    # ------------------------------------------------------------------
    # Days, day ranges and deadlines
    # ------------------------------------------------------------------
    def test_days(self):
        april_21 = _day(4, 21)
        self.assertEqual(april_21.label, "21 апреля 2021")
        for text in [
            "21 апреля",
            "21.04",
            "21.04.2021",
            "21.04.2021 г.",
            "21 апреля 2021 г.",
            "21 апреля 2021 года",
            "21 апреля 2021",
            "21 Апреля",
            "21 апр.",
        ]:
            self.assertSchedule(text, [april_21])
        self.assertSchedule("1 сентября", [_day(9, 1)])
        self.assertSchedule("01.09", [_day(9, 1)])
        self.assertSchedule("31 декабря", [_day(12, 31)])
        self.assertSchedule("31.12.2021", [_day(12, 31)])
        self.assertSchedule("10 и 24 мая", [_day(5, 10), _day(5, 24)])

    def test_leap_day(self):
        self.assertSchedule("29 февраля", [_day(2, 29, year=2024)], year=2024)
        self.assertSchedule("29.02", [_day(2, 29, year=2024)], year=2024)
        self.assertSchedule("29.02.2024", [_day(2, 29, year=2024)], year=2024)
        self.assertRefused("29 февраля", "29 февраля", "date")
        self.assertRefused("29.02", "29.02", "date")
        self.assertRefused("март, 29 февраля", "29 февраля", "date", year=2100)

    def test_impossible_dates(self):
        for text in [
            "31 февраля",
            "30.02",
            "31 апреля",
            "31 июня",
            "32 мая",
            "0 мая",
            "15.13",
            "00.05",
        ]:
            self.assertRefused(text, text, "date")
        self.assertRefused("до 31 июня", "до 31 июня", "date")
        self.assertRefused("с 25 по 31 июня", "с 25 по 31 июня", "date")
        self.assertRefused("март, 30 февраля", "30 февраля", "date")

    def test_day_ranges(self):
        first_half_of_may = Period(
            date(YEAR, 5, 1), date(YEAR, 5, 15), "range", "1–15 мая 2021"
        )
        self.assertSchedule("с 1 по 15 мая", [first_half_of_may])
        for dash in DASHES:
            for spaced in ["{}", " {} "]:
                text = "1" + spaced.format(dash) + "15 мая"
                self.assertSchedule(text, [first_half_of_may])
        self.assertSchedule("1–15 мая 2021 г.", [first_half_of_may])
        self.assertSchedule(
            "с 15 мая по 15 июня",
            [
                Period(
                    date(YEAR, 5, 15),
                    date(YEAR, 6, 15),
                    "range",
                    "15 мая – 15 июня 2021",
                )
            ],
        )
        self.assertSchedule(
            "15.05–15.06",
            [
                Period(
                    date(YEAR, 5, 15),
                    date(YEAR, 6, 15),
                    "range",
                    "15 мая – 15 июня 2021",
                )
            ],
        )
        self.assertSchedule("с 1 по 1 мая", [_day(5, 1)])

    def test_deadlines(self):
        """A deadline is a period ending on its day: earlier work counts."""
        self.assertSchedule("до 1 апреля", [_deadline(4, 1, "до 1 апреля 2021")])
        self.assertSchedule("ДО 1 АПРЕЛЯ", [_deadline(4, 1, "до 1 апреля 2021")])
        self.assertSchedule("до 1 марта", [_deadline(3, 1, "до 1 марта 2021")])
        self.assertSchedule("до 01.03", [_deadline(3, 1, "до 1 марта 2021")])
        self.assertSchedule("до 15.05", [_deadline(5, 15, "до 15 мая 2021")])
        self.assertSchedule("до 15.05.2021", [_deadline(5, 15, "до 15 мая 2021")])
        for text in [
            "не позднее 15 мая",
            "Не позднее 15 мая",
            "не  позднее 15 мая 2021 года",
            "не позднее 15.05",
            "не позже 15 мая",
        ]:
            self.assertSchedule(text, [_deadline(5, 15, "не позднее 15 мая 2021")])
        period = parse_schedule("до 1 марта", YEAR).periods[0]
        self.assertEqual(period.date_start, date(YEAR, 1, 1))
        self.assertEqual(period.date_end, date(YEAR, 3, 1))
        self.assertEqual(period.kind, "deadline")
        self.assertSchedule(
            "до 1 января",
            [
                Period(
                    date(YEAR, 1, 1), date(YEAR, 1, 1), "deadline", "до 1 января 2021"
                )
            ],
        )

    def test_several_deadlines_follow_each_other(self):
        """Each further deadline starts the day after the one before it, in
        date order whatever the order written, so no work counts twice."""
        report_1 = _deadline(4, 1, "до 1 апреля 2021")
        report_2 = _deadline(10, 1, "до 1 октября 2021", start=(4, 2))
        self.assertSchedule("до 1 апреля, до 1 октября", [report_1, report_2])
        self.assertSchedule("до 1 октября; до 1 апреля", [report_1, report_2])
        self.assertSchedule("до 1 апреля, до 1 апреля", [report_1])
        self.assertSchedule(
            "март, до 1 октября",
            [_deadline(10, 1, "до 1 октября 2021"), _month(3)],
        )

    # ------------------------------------------------------------------
    # Explicit years
    # ------------------------------------------------------------------
    def test_explicit_plan_year(self):
        self.assertSchedule("март 2021", [_month(3)])
        self.assertSchedule("март 2021 г.", [_month(3)])
        self.assertSchedule("II квартал 2021 г.", [_quarter(2)])
        self.assertSchedule("II квартал 2021 года", [_quarter(2)])
        self.assertSchedule("I полугодие 2021 года", [_half(1)])
        self.assertSchedule("I полугодие 2021 г.", [_half(1)])
        self.assertSchedule("июнь 2021, декабрь 2021", [_month(6), _month(12)])

    def test_other_year_refused(self):
        for text in [
            "март 2022",
            "март 2020 г.",
            "II квартал 2022 г.",
            "I полугодие 2020 года",
            "21 апреля 2022 г.",
            "21.04.2022",
            "2022 год",
            "в течение 2020 года",
            "до 1 апреля 2022",
            "май – сентябрь 2022",
            "1–15 мая 2022",
        ]:
            self.assertRefused(text, text, "year")
        self.assertRefused("июнь, Декабрь 2022 г.", "Декабрь 2022 г.", "year")

    def test_plan_year_argument(self):
        for year in [1899, 2201, "2021", None, 2021.0, True]:
            with self.subTest(year=year), self.assertRaises(ValueError):
                parse_schedule("март", year)
        self.assertSchedule("март", [_month(3, 1900)], year=1900)
        self.assertSchedule("март", [_month(3, 2200)], year=2200)

    # ------------------------------------------------------------------
    # Duplicates and order
    # ------------------------------------------------------------------
    def test_duplicates_removed(self):
        self.assertSchedule("март, март", [_month(3)])
        self.assertSchedule("март, марта, в марте", [_month(3)])
        self.assertSchedule("II квартал, второй квартал", [_quarter(2)])
        self.assertSchedule("весь период, в течение года", [WHOLE_YEAR])
        self.assertSchedule("ежемесячно, март", [_month(m) for m in range(1, 13)])
        # Same dates written twice: the first wording is kept.
        self.assertSchedule(
            "до 21 апреля, не позднее 21.04", [_deadline(4, 21, "до 21 апреля 2021")]
        )

    def test_sorted_by_dates(self):
        self.assertSchedule("декабрь, март, июнь", [_month(3), _month(6), _month(12)])
        self.assertSchedule(
            "II полугодие, I квартал, 21 апреля",
            [_quarter(1), _day(4, 21), _half(2)],
        )
        # Same start: the shorter period first.
        self.assertSchedule("II квартал, апрель", [_month(4), _quarter(2)])
        self.assertSchedule("весь период, январь", [_month(1), WHOLE_YEAR])
        periods = parse_schedule("ноябрь; II квартал; 1 мая; весь период", YEAR).periods
        keys = [(period.date_start, period.date_end) for period in periods]
        self.assertEqual(keys, sorted(keys))

    # ------------------------------------------------------------------
    # Refusals
    # ------------------------------------------------------------------
    def test_unknown_refused(self):
        cases = [
            ("шмарт", "шмарт"),
            ("март, шмарт, май", "шмарт"),
            ("Март, ШМАРТ, май", "ШМАРТ"),
            ("март,шмарт", "шмарт"),
            ("июнь\nшмарт\nдекабрь", "шмарт"),
            ("???", "???"),
            ("март, ???", "???"),
            ("13 мартобря", "13 мартобря"),
            ("квартал", "квартал"),
            ("V квартал", "V квартал"),
            ("5 квартал", "5 квартал"),
            ("III полугодие", "III полугодие"),
            ("полугодие", "полугодие"),
            ("весь", "весь"),
            ("Весь", "Весь"),
            ("II", "II"),
            ("март 15", "15"),
            ("май –", "–"),
            ("21.04.21", "21.04.21"),
            ("2021", "2021"),
            ("в конце года", "в конце"),
            ("II квартал (по договорённости)", "по договорённости"),
            ("до конца года", "до конца"),
        ]
        for text, fragment in cases:
            self.assertRefused(text, fragment)

    def test_unknown_fragment_names_the_word(self):
        with self.assertRaises(ScheduleError) as caught:
            parse_schedule("13 мартобря", YEAR)
        self.assertIn("мартобря", caught.exception.fragment)
        self.assertIsInstance(caught.exception, ValueError)

    def test_range_order_refused(self):
        for text in [
            "сентябрь – май",
            "Декабрь-Январь",
            "с сентября по май",
            "III–II квартал",
            "IV-I кварталы",
            "II–I полугодие",
            "15–1 мая",
            "с 15 июня по 1 мая",
            "15.06–01.05",
        ]:
            self.assertRefused(text, text, "order")
        self.assertRefused("март, сентябрь – май", "сентябрь – май", "order")

    # ------------------------------------------------------------------
    # Value objects
    # ------------------------------------------------------------------
    def test_value_objects(self):
        schedule = parse_schedule("март", YEAR)
        self.assertIsInstance(schedule.periods, tuple)
        with self.assertRaises(dataclasses.FrozenInstanceError):
            schedule.deferred = True
        with self.assertRaises(dataclasses.FrozenInstanceError):
            schedule.periods[0].label = "Апрель 2021"
        error = ScheduleError("шмарт")
        self.assertEqual((error.fragment, error.reason), ("шмарт", "unknown"))
        self.assertIn("шмарт", str(error))
        error = ScheduleError("сентябрь – май", reason="order")
        self.assertEqual(error.reason, "order")
