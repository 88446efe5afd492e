"""Seat limits: who of a batch of registrants gets a seat and who waits.

Plain functions, no ORM: the model counts the seats taken (under a lock, from
a fresh snapshot) and asks these functions what to do with the newcomers.
"""


def seats_free(limits, taken):
    """Free seats under several limits (event, slot, ticket…).

    ``limits`` and ``taken`` are parallel sequences; a limit of ``None`` (or
    0) means "no limit".  Returns ``None`` when nothing is limited, else the
    smallest number of free seats (never below 0).
    """
    free = None
    for limit, used in zip(limits, taken, strict=True):
        if not limit:
            continue
        left = max(limit - used, 0)
        free = left if free is None else min(free, left)
    return free
