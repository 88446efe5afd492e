"""Quorum arithmetic of a collegial body, as plain functions.

Russian charters word the quorum either as «более половины членов» (strictly
more than a share) or «не менее двух третей» (at least a share).  The share is
a ratio between 0 and 1; the functions work with exact fractions so that
``2/3`` of 9 members is 6, not 5.999….
"""

import math
from fractions import Fraction


def _share(total, ratio):
    if total < 0:
        raise ValueError(f"a body cannot have {total} members")
    ratio = Fraction(ratio).limit_denominator(100)
    if not 0 < ratio <= 1:
        raise ValueError(f"quorum ratio {float(ratio)} is not within (0, 1]")
    return ratio * total


def quorum_required(total, ratio=0.5, strict=True):
    """Smallest number of members present that makes a quorum.

    ``strict`` means «более» (more than ``ratio × total``), otherwise «не менее»
    (at least).  A body always needs at least one member present.
    """
    share = _share(total, ratio)
    needed = math.floor(share) + 1 if strict else math.ceil(share)
    return max(needed, 1)


def has_quorum(present, total, ratio=0.5, strict=True):
    """Whether ``present`` members of ``total`` make a quorum."""
    return total > 0 and present >= quorum_required(total, ratio, strict)
