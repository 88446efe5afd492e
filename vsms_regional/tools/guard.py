"""Server-side permission for a state change made by an action method.

Rules such as "a meeting's status changes only through its buttons" must hold
for a direct ``write`` over RPC too.  A context key cannot carry the
permission (any client can send any context), so the action method opens a
:func:`allowing` block in Python and ``write`` asks :func:`allowed`.  The flag
lives in a :class:`contextvars.ContextVar`: it belongs to the running request
(thread) only and no client can set it.
"""

from contextlib import contextmanager
from contextvars import ContextVar

_ALLOWED = ContextVar("vsms_allowed", default=frozenset())


@contextmanager
def allowing(*keys):
    """Within the block, ``allowed(key)`` is true for each of ``keys``."""
    token = _ALLOWED.set(_ALLOWED.get() | frozenset(keys))
    try:
        yield
    finally:
        _ALLOWED.reset(token)


def allowed(key):
    return key in _ALLOWED.get()
