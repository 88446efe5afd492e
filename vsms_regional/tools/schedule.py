"""Parse the «Срок исполнения» column of an annual work plan.

``parse_schedule("март, июнь", 2021)`` turns the text people write in a plan
into the periods (occurrences) it names inside the plan's year.  The module
is plain Python so that it can be tested without a database.
"""

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

MONTHS_NOMINATIVE = (
    "январь",
    "февраль",
    "март",
    "апрель",
    "май",
    "июнь",
    "июль",
    "август",
    "сентябрь",
    "октябрь",
    "ноябрь",
    "декабрь",
)
MONTHS_GENITIVE = (
    "января",
    "февраля",
    "марта",
    "апреля",
    "мая",
    "июня",
    "июля",
    "августа",
    "сентября",
    "октября",
    "ноября",
    "декабря",
)
ROMAN = ("I", "II", "III", "IV")
# Months per period, label of one period, label of a range of them.
_NUMBERED = {
    "quarter": (3, "квартал", "кварталы"),
    "half": (6, "полугодие", "полугодия"),
}
_MIN_YEAR, _MAX_YEAR = 1900, 2200


@dataclass(frozen=True)
class Period:
    """One occurrence: a span of days inside the plan's year."""

    date_start: date
    date_end: date
    kind: str  # 'month', 'range', 'quarter', 'half', 'year', 'day', 'deadline'
    label: str


@dataclass(frozen=True)
class Schedule:
    """Periods sorted by dates, and whether the text defers the date."""

    periods: tuple
    deferred: bool


_ERROR_MESSAGES = {
    "unknown": "is not understood",
    "order": "ends before it starts",
    "year": "names another year than the plan's",
    "date": "is not a valid date",
}


class ScheduleError(ValueError):
    """A part of a schedule text that cannot be turned into periods.

    ``fragment`` is that part as written in the original text; ``reason`` is
    'unknown', 'order' (a range ends before it starts), 'year' (another year
    than the plan's) or 'date' (no such day).
    """

    def __init__(self, fragment, reason="unknown"):
        super().__init__(fragment, reason)
        self.fragment = fragment
        self.reason = reason

    def __str__(self):
        message = _ERROR_MESSAGES.get(self.reason, self.reason)
        return f"Schedule part {self.fragment!r} {message}"


# ----------------------------------------------------------------------
# Grammar, matched against the lower-cased text with «ё» written as «е»
# ----------------------------------------------------------------------
_DASH = r"\s*[\-\u2010\u2011\u2012\u2013\u2014\u2212]\s*"
_TO = r"(?:" + _DASH + r"|\s+по\s+)"
_AND = r"(?:\s*[,;]\s*|\s+и\s+)"
_DAY = r"\d{1,2}(?!\d)"
_FROM = r"(?:с\s+)?"
_IN = r"(?:(?:в|во)\s+(?:течение\s+)?)?"
_MONTH = (
    r"(?:январ[ьяе]|янв|феврал[ьяе]|февр?|март[ае]?|мар|апрел[ьяе]|апр|ма[йяе]"
    r"|июн[ьяе]?|июл[ьяе]?|август[ае]?|авг|сентябр[ьяе]|сент?|октябр[ьяе]|окт"
    r"|ноябр[ьяе]|нояб?|декабр[ьяе]|дек)(?!\w)\.?"
)
_MONTH_KEYS = {
    "янв": 1,
    "фев": 2,
    "мар": 3,
    "апр": 4,
    "май": 5,
    "мая": 5,
    "мае": 5,
    "июн": 6,
    "июл": 7,
    "авг": 8,
    "сен": 9,
    "окт": 10,
    "ноя": 11,
    "дек": 12,
}
_YEAR_WORD = r"(?:год[ау]?|г)(?!\w)\.?"
_ORDINAL_SUFFIX = r"(?:-?(?:ый|ий|ой|ое|ого|ом|й|е|го|м))?"
_QUARTER_NUMBER = (
    r"(?:iv|i{1,3}|[1-4]" + _ORDINAL_SUFFIX + r"|перв(?:ый|ое|ого|ом)"
    r"|втор(?:ой|ое|ого|ом)|трет(?:ий|ье|ьего|ьем)|четверт(?:ый|ое|ого|ом))(?!\w)"
)
_HALF_NUMBER = (
    r"(?:ii|i|[12]" + _ORDINAL_SUFFIX + r"|перв(?:ый|ое|ого|ом)"
    r"|втор(?:ой|ое|ого|ом))(?!\w)"
)
_ORDINALS = {
    "i": 1,
    "ii": 2,
    "iii": 3,
    "iv": 4,
    "перв": 1,
    "втор": 2,
    "трет": 3,
    "четв": 4,
}


def _year(name):
    """An optional explicit year («2021», «2021 г.», «2021 года»)."""
    return r"(?:\s*(?P<" + name + r">\d{4})(?!\d)(?:\s*" + _YEAR_WORD + r")?)?"


def _date(prefix):
    """A day with a month name or number («21 апреля 2021 г.», «21.04.2021»)."""
    return (
        r"(?:(?P<{p}d>\d{{1,2}})(?!\d)\s*(?P<{p}m>{month}){year}"
        r"|(?P<{p}e>\d{{1,2}})\.(?P<{p}n>\d{{1,2}})"
        r"(?:\.(?P<{p}z>\d{{4}})(?!\d)(?:\s*{word})?)?(?!\.?\d))"
    ).format(p=prefix, month=_MONTH, year=_year(prefix + "y"), word=_YEAR_WORD)


_SEPARATORS = re.compile(r"(?:[\s,;().]|(?<!\w)и(?!\w))*")
_TOKEN = re.compile(r"[^\s,;()]+")
_HARD_SEPARATOR = re.compile(r"[,;()\n]")


def _month(word):
    return _MONTH_KEYS[word[:3]]


def _ordinal(word):
    return int(word[0]) if word[0].isdigit() else _ORDINALS[word[:4]]


def _span(year, first_month, last_month):
    last_day = calendar.monthrange(year, last_month)[1]
    return date(year, first_month, 1), date(year, last_month, last_day)


def _day_label(day):
    return f"{day.day} {MONTHS_GENITIVE[day.month - 1]} {day.year}"


def _month_period(year, month):
    label = f"{MONTHS_NOMINATIVE[month - 1].capitalize()} {year}"
    return Period(*_span(year, month, month), "month", label)


def _numbered_period(year, first, last, kind):
    """Quarters or half-years ``first`` to ``last`` (a 'range' if they differ)."""
    size, singular, plural = _NUMBERED[kind]
    start, end = _span(year, (first - 1) * size + 1, last * size)
    if first == last:
        return Period(start, end, kind, f"{ROMAN[first - 1]} {singular} {year}")
    label = f"{ROMAN[first - 1]}–{ROMAN[last - 1]} {plural} {year}"
    return Period(start, end, "range", label)


def _year_period(year):
    return Period(date(year, 1, 1), date(year, 12, 31), "year", f"{year} год")


def _normalize(text):
    """Lower-case ``text`` keeping every index, and write «ё» as «е»."""
    return "".join(
        char.lower() if len(char.lower()) == 1 else char for char in text
    ).replace("ё", "е")


class _Parser:
    """Matches known phrases one after another along the text."""

    def __init__(self, text, year):
        self.text = text
        self.norm = _normalize(text)
        self.year = year
        self.deferred = False
        self.deadlines = {}  # day: the words it was written with («до»)

    def parse(self):
        found = {}
        pos = _SEPARATORS.match(self.norm).end()
        while pos < len(self.norm):
            match, handler = self._longest_match(pos)
            if match is None:
                raise ScheduleError(self._fragment(pos))
            for period in handler(self, match):
                found.setdefault((period.date_start, period.date_end), period)
            pos = _SEPARATORS.match(self.norm, match.end()).end()
        for period in self._deadline_periods():
            found.setdefault((period.date_start, period.date_end), period)
        return Schedule(tuple(found[key] for key in sorted(found)), self.deferred)

    def _deadline_periods(self):
        """A deadline («до 1 марта») is a period that ends on its day, so that
        work done earlier counts.  The first one starts on 1 January of the
        plan's year, each further one the day after the deadline before it
        («до 1 апреля, до 1 октября»: 1 January – 1 April, 2 April –
        1 October), so that one piece of work never counts twice."""
        start = date(self.year, 1, 1)
        for day in sorted(self.deadlines):
            label = f"{self.deadlines[day]} {_day_label(day)}"
            yield Period(start, day, "deadline", label)
            start = day + timedelta(days=1)

    def _longest_match(self, pos):
        best, best_handler = None, None
        for regex, handler in _RULES:
            match = regex.match(self.norm, pos)
            if match and (best is None or match.end() > best.end()):
                best, best_handler = match, handler
        return best, best_handler

    def _fragment(self, pos):
        """The text from ``pos`` through the first full word.

        Numerals and short prepositions («II», «5», «в», «по») are not full
        words, so «V квартал» or «по договорённости» are named whole.
        """
        end = pos
        for token in _TOKEN.finditer(self.norm, pos):
            if end > pos and (
                _HARD_SEPARATOR.search(self.norm, end, token.start())
                or token.group() == "и"
            ):
                break
            end = token.end()
            letters = [char for char in token.group() if char.isalpha()]
            if len(letters) > 2 and not set(letters) <= set("ivx"):
                break
        return self.text[pos:end].strip()

    def _error(self, match, reason):
        return ScheduleError(self.text[match.start() : match.end()].strip(), reason)

    def _check_year(self, match, group):
        if match[group] and int(match[group]) != self.year:
            raise self._error(match, "year")

    def _day(self, match, prefix):
        """The date a ``_date(prefix)`` sub-pattern of ``match`` names."""
        if match[prefix + "d"]:
            day, month = match[prefix + "d"], _month(match[prefix + "m"])
            self._check_year(match, prefix + "y")
        else:
            day, month = match[prefix + "e"], int(match[prefix + "n"])
            self._check_year(match, prefix + "z")
        try:
            return date(self.year, month, int(day))
        except ValueError:
            raise self._error(match, "date") from None

    def _day_range(self, match, start, end):
        if end < start:
            raise self._error(match, "order")
        if start == end:
            return [Period(start, end, "day", _day_label(start))]
        if start.month == end.month:
            label = f"{start.day}–{_day_label(end)}"
        else:
            first = f"{start.day} {MONTHS_GENITIVE[start.month - 1]}"
            label = f"{first} – {_day_label(end)}"
        return [Period(start, end, "range", label)]

    # Handlers: each turns one match into a list of periods.
    def on_deferred(self, _match):
        self.deferred = True
        return []

    def on_whole_year(self, match):
        self._check_year(match, "y")
        return [_year_period(self.year)]

    def on_recurring(self, match):
        word = match.group()
        if "меся" in word:
            return [_month_period(self.year, month) for month in range(1, 13)]
        if "квартал" in word:
            return [_numbered_period(self.year, q, q, "quarter") for q in range(1, 5)]
        return [_numbered_period(self.year, h, h, "half") for h in (1, 2)]

    def _on_numbered(self, match, kind, number):
        first = _ordinal(match["a"])
        self._check_year(match, "y")
        if match["more"]:
            numbers = [first, *map(_ordinal, re.findall(number, match["more"]))]
            return [_numbered_period(self.year, n, n, kind) for n in numbers]
        last = _ordinal(match["b"]) if match["b"] else first
        if last < first:
            raise self._error(match, "order")
        return [_numbered_period(self.year, first, last, kind)]

    def on_quarter(self, match):
        return self._on_numbered(match, "quarter", _QUARTER_NUMBER)

    def on_half(self, match):
        return self._on_numbered(match, "half", _HALF_NUMBER)

    def on_month_range(self, match):
        first, last = _month(match["a"]), _month(match["b"])
        self._check_year(match, "y")
        if last < first:
            raise self._error(match, "order")
        if first == last:
            return [_month_period(self.year, first)]
        name = MONTHS_NOMINATIVE[first - 1].capitalize()
        label = f"{name} – {MONTHS_NOMINATIVE[last - 1]} {self.year}"
        return [Period(*_span(self.year, first, last), "range", label)]

    def on_month(self, match):
        self._check_year(match, "y")
        return [_month_period(self.year, _month(match["a"]))]

    def on_deadline(self, match):
        """Noted here; its period is known once every deadline is read."""
        day = self._day(match, "a")
        self.deadlines.setdefault(day, "до" if match["pre"] == "до" else "не позднее")
        return []

    def on_date_range(self, match):
        return self._day_range(match, self._day(match, "a"), self._day(match, "b"))

    def on_days_of_month(self, match):
        """«1–15 мая» (a range) or «10 и 24 мая» (one period per day)."""
        month = _month(match["m"])
        self._check_year(match, "y")
        days = [match["d1"], match["d2"]] if match["d2"] else [match["d1"]]
        days += re.findall(r"\d+", match["more"] or "")
        try:
            days = [date(self.year, month, int(day)) for day in days]
        except ValueError:
            raise self._error(match, "date") from None
        if match["d2"]:
            return self._day_range(match, *days)
        return [Period(day, day, "day", _day_label(day)) for day in days]

    def on_day(self, match):
        day = self._day(match, "a")
        return [Period(day, day, "day", _day_label(day))]


def _group(name, pattern):
    return r"(?P<" + name + ">" + pattern + ")"


def _numbered(number, word):
    """«II квартал», «II–III кварталы», «I и III кварталы» with a year or not."""
    return (
        _IN
        + _FROM
        + _group("a", number)
        + r"(?:"
        + _TO
        + _group("b", number)
        + "|"
        + _group("more", r"(?:" + _AND + number + r")+")
        + r")?\s*"
        + word
        + _year("y")
    )


def _rule(handler, *parts):
    # A phrase may not end inside a word («март» in «мартобря»).
    return re.compile("(?:" + "".join(parts) + r")(?!(?<=\w)\w)"), handler


_RULES = (
    _rule(
        _Parser.on_deferred,
        r"по\s+согласованию|по\s+отдельному\s+(?:плану|графику)"
        r"|по\s+мере\s+(?:необходимости|поступления|формирования)"
        r"|(?:дата|срок|сроки)\s+уточня(?:ется|ются)",
    ),
    _rule(
        _Parser.on_whole_year,
        r"весь\s+(?:период|год)|постоянно|круглогодично"
        r"|в\s+течение\s+(?:всего\s+)?(?:года|периода)"
        r"|(?:в\s+(?:течение\s+(?:всего\s+)?)?)?(?P<y>\d{4})(?!\d)\s*" + _YEAR_WORD,
    ),
    _rule(
        _Parser.on_recurring,
        r"ежемесячно|ежеквартально|ежеполугодно"
        r"|(?:(?:один|1)\s+)?раз\s+в\s+(?:месяц|квартал|полугодие)",
    ),
    _rule(
        _Parser.on_quarter,
        _numbered(_QUARTER_NUMBER, r"кв(?:артал(?:ы|а|е|ах|ов)?)?(?!\w)\.?"),
    ),
    _rule(_Parser.on_half, _numbered(_HALF_NUMBER, r"полугоди(?:е|я|и|ях)(?!\w)")),
    _rule(
        _Parser.on_month_range,
        _IN + _FROM + _group("a", _MONTH) + _TO + _group("b", _MONTH),
        _year("y"),
    ),
    _rule(_Parser.on_month, _IN, _group("a", _MONTH), _year("y")),
    _rule(
        _Parser.on_deadline,
        _group("pre", r"до|не\s+позднее|не\s+позже") + r"\s+" + _date("a"),
    ),
    _rule(_Parser.on_date_range, _FROM, _date("a"), _TO, _date("b")),
    _rule(
        _Parser.on_days_of_month,
        _FROM + _group("d1", _DAY),
        r"(?:" + _TO + _group("d2", _DAY) + "|",
        _group("more", r"(?:" + _AND + _DAY + r")+") + r")",
        r"\s*" + _group("m", _MONTH) + _year("y"),
    ),
    _rule(_Parser.on_day, _date("a")),
)


def parse_schedule(text, year):
    """Return the :class:`Schedule` that ``text`` describes for ``year``.

    Empty text gives no periods.  Periods with the same dates are kept once
    (the first one written).

    :raises ScheduleError: for a part of ``text`` that is not understood
    :raises ValueError: if ``year`` is not an integer from 1900 to 2200
    """
    if isinstance(year, bool) or not isinstance(year, int):
        raise ValueError(f"Plan year must be an integer, not {year!r}")
    if not _MIN_YEAR <= year <= _MAX_YEAR:
        raise ValueError(f"Plan year {year} is not in {_MIN_YEAR}..{_MAX_YEAR}")
    return _Parser(text or "", year).parse()
