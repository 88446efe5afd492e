"""Election results: vote shares, ranks, winners by seats, and matching the
names of an election commission's table to the candidates.

Plain Python (no Odoo) so the rules are unit-tested without a database.
Candidates are identified by any hashable key (a record id in the models).
"""

import re

from .names import clean, split_full_name

_NOT_LETTERS = re.compile(r"[^a-zа-я\- ]+")


class TieAtCutoff(Exception):
    """Candidates with equal votes compete for the last seat(s)."""

    def __init__(self, keys, votes):
        super().__init__(keys, votes)
        self.keys = keys
        self.votes = votes


def vote_shares(votes):
    """``{key: % of all votes}`` from ``{key: votes}``: each candidate's share
    of the votes cast for all of them (0 when nobody got a vote)."""
    total = sum(votes.values())
    if not total:
        return dict.fromkeys(votes, 0.0)
    return {key: 100.0 * count / total for key, count in votes.items()}


def ranks(votes):
    """``{key: rank}`` by votes, most votes first; equal votes share a rank and
    the next rank counts the candidates above it (1, 1, 3)."""
    ordered = sorted(votes.values(), reverse=True)
    first_place = {}
    for position, count in enumerate(ordered, start=1):
        first_place.setdefault(count, position)
    return {key: first_place[count] for key, count in votes.items()}


def winners(votes, seats):
    """The keys of the ``seats`` candidates with the most votes (all of them
    when there are no more candidates than seats).

    Raises :class:`TieAtCutoff` with the tied keys when the last seat cannot
    be given by votes: the candidates just inside and just outside the seats
    have equal votes.
    """
    if seats < 1:
        raise ValueError(f"seats must be at least 1, not {seats}")
    ordered = sorted(votes, key=lambda key: votes[key], reverse=True)
    if len(ordered) <= seats:
        return ordered
    cutoff = votes[ordered[seats - 1]]
    if votes[ordered[seats]] == cutoff:
        tied = [key for key in ordered if votes[key] == cutoff]
        raise TieAtCutoff(tied, cutoff)
    return ordered[:seats]


def name_key(full_name):
    """A person's name reduced for comparison: lower case, «ё» as «е», spaces
    collapsed, punctuation other than hyphens dropped (``"иванов иван"``)."""
    text = clean(full_name).lower().replace("ё", "е").replace(".", ". ")
    return clean(_NOT_LETTERS.sub(" ", text))


def _initials_key(full_name):
    """«Иванов И. П.» / «Иванов И.П.» / «Иванов Иван Петрович» all give
    ``("иванов", "ип")``: the surname and the first letters of the rest."""
    last, first, patronymic = split_full_name(name_key(full_name))
    rest = " ".join(part for part in (first, patronymic) if part)
    return last, "".join(word[0] for word in rest.split(" ") if word)


def _is_initials(full_name):
    """Whether a name is written as a surname with initials («Иванов И.П.»)."""
    words = clean(full_name).replace(".", ". ").split()
    return len(words) > 1 and all(len(word.rstrip(".")) == 1 for word in words[1:])


def match_names(names, candidates):
    """Match the names of an imported table to candidates.

    ``names``: the full names as written in the table; ``candidates``:
    ``{key: full name}``.  Returns ``(matches, unknown, ambiguous)``:
    ``matches`` ``{name: key}``, ``unknown`` the names no candidate bears,
    ``ambiguous`` ``{name: [keys]}`` for names more than one candidate bears.
    Full names match whatever their case, «ё»/«е» and spacing; a name written
    with initials («Иванов И.П.») matches the one candidate whose surname and
    initials agree.
    """
    by_name, by_initials = {}, {}
    for key, full_name in candidates.items():
        by_name.setdefault(name_key(full_name), []).append(key)
        by_initials.setdefault(_initials_key(full_name), []).append(key)
    matches, unknown, ambiguous = {}, [], {}
    for name in names:
        found = by_name.get(name_key(name))
        if not found and _is_initials(name):
            found = by_initials.get(_initials_key(name))
        if not found:
            unknown.append(name)
        elif len(found) > 1:
            ambiguous[name] = found
        else:
            matches[name] = found[0]
    return matches, unknown, ambiguous
