"""Scoring, ranking and results of contests and olympiads (pure functions).

Nothing here touches the database: the models read the marks once per contest
and hand them over, so the arithmetic can be tested exhaustively on its own.

- score = Σ over criteria of weight × mean of the marks given by the jurors
  without a conflict of interest;
- rank within a group (a nomination, or a grade of an olympiad): highest score
  first; equal scores share a rank (1, 1, 3) unless the tie-break decides;
- place = rank when the rank is within the prize places, otherwise 0;
- olympiad results: winner / prize-winner / participant, with a minimum score
  ratio and a quota of the group's participants (rounded down); equal scores
  at the quota's edge are flagged for the jury.
"""

import math
from collections import defaultdict
from decimal import Decimal

# Scores are sums of means of decimal marks: compare them rounded, so that
# 0.1 + 0.2 and 0.3 tie.
SCORE_DIGITS = 6

TIE_BREAKS = ("shared", "earlier", "chair")
WINNER = "winner"
PRIZE = "prize"
PARTICIPANT = "participant"


def _key(score):
    return round(score or 0.0, SCORE_DIGITS)


def max_possible(criteria):
    """Σ weight × max score of ``criteria``: ``{criterion: (weight, max)}``."""
    return sum(weight * max_score for weight, max_score in criteria.values())


def weighted_scores(weights, marks, conflicts=()):
    """Score of each application.

    :param weights: ``{criterion: weight}``
    :param marks: iterable of ``(application, juror, criterion, value)``; only
        the marks actually given (an unmarked line is left out)
    :param conflicts: set of ``(juror, application)`` pairs: those marks are
        left out of the means
    :return: ``{application: score}`` for every application having a mark; a
        criterion nobody marked adds nothing
    """
    scores = defaultdict(float)
    for (application, criterion), mean in criterion_means(marks, conflicts).items():
        if criterion in weights:
            scores[application] += weights[criterion] * mean
    return dict(scores)


def criterion_means(marks, conflicts=()):
    """Mean mark per application and criterion, conflicted jurors left out:
    ``{(application, criterion): mean}`` (as the protocol prints them)."""
    conflicts = set(conflicts)
    values = defaultdict(list)
    for application, juror, criterion, value in marks:
        if (juror, application) not in conflicts:
            values[application, criterion].append(value)
    return {key: sum(given) / len(given) for key, given in values.items()}


def juror_scores(weights, marks, juror):
    """Σ weight × mark of one juror (the chair, for the ``chair`` tie-break):
    ``{application: score}``."""
    scores = defaultdict(float)
    for application, mark_juror, criterion, value in marks:
        if mark_juror == juror and criterion in weights:
            scores[application] += weights[criterion] * value
    return dict(scores)


def rank(entries, tie_break="shared"):
    """Ranks of one group of applications.

    :param entries: iterable of ``(key, score, submitted, chair_score)``:
        ``submitted`` is comparable (a datetime) or ``None``; ``chair_score``
        is the chair's own weighted mark or ``None`` when the chair did not
        mark (conflict)
    :param tie_break: ``shared`` (equal scores share a rank), ``earlier``
        (the earlier submission ranks higher) or ``chair`` (the chair's own
        marks decide; when the chair is conflicted for one of the tied
        applications, or their marks are equal too, the tie stays)
    :return: ``{key: rank}``, competition ranking (1, 1, 3)
    """
    if tie_break not in TIE_BREAKS:
        raise ValueError(f"unknown tie-break {tie_break!r}")
    entries = list(entries)
    by_score = defaultdict(list)
    for entry in entries:
        by_score[_key(entry[1])].append(entry)
    ranks = {}
    position = 1
    for score in sorted(by_score, reverse=True):
        group = by_score[score]
        for sub_position, sub_group in _split_tie(group, tie_break):
            for entry in sub_group:
                ranks[entry[0]] = position + sub_position
        position += len(group)
    return ranks


def _split_tie(group, tie_break):
    """``[(offset, entries sharing the rank position + offset)]``."""
    if len(group) == 1 or tie_break == "shared":
        return [(0, group)]
    if tie_break == "earlier":
        if any(entry[2] is None for entry in group):
            return [(0, group)]
        secondary = [(entry[2], entry) for entry in group]
    else:
        if any(entry[3] is None for entry in group):
            return [(0, group)]
        # higher chair score first
        secondary = [(-_key(entry[3]), entry) for entry in group]
    by_secondary = defaultdict(list)
    for value, entry in secondary:
        by_secondary[value].append(entry)
    result = []
    offset = 0
    for value in sorted(by_secondary):
        result.append((offset, by_secondary[value]))
        offset += len(by_secondary[value])
    return result


def places(ranks, prize_places):
    """``{key: place}``: the rank when within ``prize_places``, otherwise 0."""
    return {
        key: position if position <= prize_places else 0
        for key, position in ranks.items()
    }


def quota(ratio, participants):
    """Winners and prize-winners allowed: ``ratio`` of ``participants``,
    rounded down (decimal arithmetic: 0.29 × 100 is 29, not 28)."""
    return math.floor(Decimal(str(ratio)) * participants)


def olympiad_results(entries, max_score, winner_min_ratio, prize_quota_ratio):
    """Results of one ranking group of an olympiad (a grade, or everybody).

    :param entries: iterable of ``(key, score, rank)``
    :param max_score: the maximum possible score
    :return: ``{key: (result, edge_tie)}``: ``result`` is ``winner`` (first
        rank with at least ``winner_min_ratio`` of ``max_score``), ``prize``
        (the following ranks with that minimum, while winners and
        prize-winners stay within ``prize_quota_ratio`` of the group's
        participants, rounded down) or ``participant``; ``edge_tie`` flags
        equal scores that only partly fit in the quota: the jury decides
        their result by hand, until then they stay participants
    """
    entries = list(entries)
    allowed = quota(prize_quota_ratio, len(entries))
    threshold = Decimal(str(winner_min_ratio)) * Decimal(str(max_score))
    results = {entry[0]: (PARTICIPANT, False) for entry in entries}
    by_rank = defaultdict(list)
    for key, score, position in entries:
        if Decimal(str(_key(score))) >= threshold and max_score > 0:
            by_rank[position].append(key)
    awarded = 0
    for position in sorted(by_rank):
        group = by_rank[position]
        if awarded + len(group) <= allowed:
            result = WINNER if position == 1 else PRIZE
            for key in group:
                results[key] = (result, False)
            awarded += len(group)
            continue
        if awarded < allowed:
            for key in group:
                results[key] = (PARTICIPANT, True)
        break
    return results
