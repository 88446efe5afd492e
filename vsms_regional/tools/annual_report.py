"""Arithmetic of the annual report to the central ВСМС, without a database.

Membership is read from the append-only history (``vsms.membership.log``):
a person's status at a moment is the new status of their last history entry
at or before that moment (ties on the date broken by the entry's id), and
«not a member» before their first entry.

The year's figures use two moments: the close of 31 December of the previous
year (members «on 1 January», before anything happened that day) and the
close of 31 December of the year.  The year's changes are the entries after
the first moment and at or before the second; admissions and departures are
the history's ``movement`` (models/vsms_membership_log_movement.py: what the
dashboards count), so that

    members on 31 December = members on 1 January + admitted − left

and the members on 31 December of one year are those on 1 January of the
next.
"""

import datetime
from collections import Counter

import pytz

from ..const import ROLE_CATEGORIES

# The years the report may be asked for.
YEAR_MIN = 2000
YEAR_MAX = 2100

# The statuses of a member: a suspended member is still one (the «Members»
# filter of the contacts shows those not suspended).
MEMBER = "member"
IN_MEMBERSHIP = ("member", "suspended")

# Categories of members in the report, in its order.
CATEGORIES = ("head", "deputy", "tos", "other")
# Office codes (vsms.position.role.code) giving a category: the grouping of
# the participant categories of event registrations (const.ROLE_CATEGORIES:
# heads, deputies with the chairs of councils, ТОС and the other forms of
# public self-government); every other office, or none, is «other».
ROLE_CATEGORY = {
    code: category
    for code, category in ROLE_CATEGORIES.items()
    if category in CATEGORIES
}


def year_in_range(year):
    """Whether ``year`` is a whole number the report may be made for."""
    return isinstance(year, int) and YEAR_MIN <= year <= YEAR_MAX


def year_moments(year, tz_name):
    """The report's two moments for ``year`` in the time zone ``tz_name``, as
    naive UTC datetimes (how Odoo stores them): the last second of
    31 December of the previous year and the last second of 31 December of
    ``year`` (Odoo keeps datetimes to the second)."""
    tz = pytz.timezone(tz_name)

    def close_of_year(y):
        start_next = tz.localize(datetime.datetime(y + 1, 1, 1))
        utc = start_next.astimezone(pytz.utc).replace(tzinfo=None)
        return utc - datetime.timedelta(seconds=1)

    return close_of_year(year - 1), close_of_year(year)


def member_category(role_code):
    """The report's category of a person whose main office has ``role_code``
    (False when they hold none)."""
    return ROLE_CATEGORY.get(role_code or "", "other")


def _key(row):
    return (row["date"], row["id"])


def state_at(rows, moment):
    """``{partner_id: status}`` at ``moment`` from history rows (dicts with
    ``id``, ``partner_id``, ``date``, ``new_state``): the new status of each
    person's last entry at or before ``moment``.  People without one are
    left out (not a member then)."""
    last = {}
    for row in rows:
        if row["date"] > moment:
            continue
        current = last.get(row["partner_id"])
        if current is None or _key(row) > _key(current):
            last[row["partner_id"]] = row
    return {pid: row["new_state"] for pid, row in last.items()}


def members_at(rows, moment, states=IN_MEMBERSHIP):
    """The ids of the people who were members (in one of ``states``) at
    ``moment``."""
    return {pid for pid, state in state_at(rows, moment).items() if state in states}


def membership_changes(rows, start, end):
    """The history rows of the year (after ``start``, at or before ``end``)
    that admitted a member and those that lost one, each in date order.
    Rows carry the history's ``movement`` («admission», «departure»,
    «other»: the dashboards' admissions and departures)."""
    year = sorted((r for r in rows if start < r["date"] <= end), key=_key)
    admitted = [r for r in year if r["movement"] == "admission"]
    left = [r for r in year if r["movement"] == "departure"]
    return admitted, left


def membership_figures(rows, start, end):
    """The membership block for the period (``start``, ``end``]: members on
    each date and those of them suspended on the last (sets of partner ids),
    and the rows that admitted or lost a member.  ``rows`` may hold entries
    after ``end``: they are ignored."""
    rows = list(rows)
    admitted, left = membership_changes(rows, start, end)
    return {
        "start": members_at(rows, start),
        "end": members_at(rows, end),
        "suspended": members_at(rows, end, ("suspended",)),
        "admitted": admitted,
        "left": left,
    }


def count_by(partner_ids, key_of):
    """``Counter`` of ``key_of(partner_id)`` over ``partner_ids`` (counted
    as often as they occur: a person admitted twice in a year counts
    twice)."""
    return Counter(key_of(pid) for pid in partner_ids)


def breakdown(figures, key_of):
    """``{key: (on 1 January, admitted, left, on 31 December)}``: the
    membership figures grouped by ``key_of(partner_id)``; keys without any
    figure are left out."""
    columns = (
        count_by(figures["start"], key_of),
        count_by((r["partner_id"] for r in figures["admitted"]), key_of),
        count_by((r["partner_id"] for r in figures["left"]), key_of),
        count_by(figures["end"], key_of),
    )
    keys = set().union(*columns)
    return {key: tuple(column[key] for column in columns) for key in keys}
