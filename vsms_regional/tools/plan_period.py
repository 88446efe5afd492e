"""Reporting periods of a work plan: the year, a half-year, a quarter or the
first nine months, as a date range and as the label a report is titled with
(«за 9 месяцев 2021 года»).  Plain Python, no database."""

from datetime import date

PERIODS = ("year", "half", "quarter", "nine_months")
# How many parts of each kind a year has (the period's number runs 1..N).
PARTS = {"year": 0, "half": 2, "quarter": 4, "nine_months": 0}
ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}
# The English labels; a caller passes translated ones of the same shape.
LABELS = {
    "year": "for %(year)s",
    "half": "for the %(number)s half of %(year)s",
    "quarter": "for the %(number)s quarter of %(year)s",
    "nine_months": "for 9 months of %(year)s",
}


class PeriodError(ValueError):
    """The period is unknown, or its number is missing or out of range."""

    def __init__(self, message, value):
        super().__init__(message)
        self.value = value


def check_period(year, period, number=None):
    """Raise :class:`PeriodError` unless ``(year, period, number)`` is a
    period: a known kind, and for a half-year or a quarter its number."""
    if not isinstance(year, int) or not 1 <= year <= 9999:
        raise PeriodError("year", year)
    if period not in PERIODS:
        raise PeriodError("period", period)
    parts = PARTS[period]
    if parts and number not in range(1, parts + 1):
        raise PeriodError("number", number)


def period_range(year, period, number=None):
    """``(first day, last day)`` of the period, both included."""
    check_period(year, period, number)
    if period == "year":
        return date(year, 1, 1), date(year, 12, 31)
    if period == "nine_months":
        return date(year, 1, 1), date(year, 9, 30)
    months = 12 // PARTS[period]
    first_month = (number - 1) * months + 1
    last_month = first_month + months - 1
    next_first = (
        date(year + 1, 1, 1) if last_month == 12 else date(year, last_month + 1, 1)
    )
    return date(year, first_month, 1), date.fromordinal(next_first.toordinal() - 1)


def period_label(year, period, number=None, labels=None):
    """The report's title for the period, e.g. «for the II quarter of 2021»
    (or, with Russian ``labels``, «за II квартал 2021 года»)."""
    check_period(year, period, number)
    template = (labels or LABELS)[period]
    return template % {"year": year, "number": ROMAN.get(number, "")}
