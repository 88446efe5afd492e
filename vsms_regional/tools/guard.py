"""Server-side permissions and values for the change an action is making.

Rules such as "a meeting's status changes only through its buttons" must hold
for a direct ``write`` over RPC too.  A context key cannot carry the
permission (any client can send any context), so the action method opens an
:func:`allowing` (or :func:`setting`) block in Python and ``write`` asks
:func:`allowed` (or :func:`get`).  The values live in a
:class:`contextvars.ContextVar`: they belong to the running request (thread)
only and no client can set them.
"""

from contextlib import contextmanager
from contextvars import ContextVar
from types import MappingProxyType

_VALUES = ContextVar("vsms_guard", default=MappingProxyType({}))


@contextmanager
def setting(values):
    """Within the block, ``get(key)`` gives ``values[key]``."""
    token = _VALUES.set(MappingProxyType({**_VALUES.get(), **values}))
    try:
        yield
    finally:
        _VALUES.reset(token)


@contextmanager
def allowing(*keys):
    """Within the block, ``allowed(key)`` is true for each of ``keys``."""
    with setting(dict.fromkeys(keys, True)):
        yield


def get(key, default=None):
    return _VALUES.get().get(key, default)


def allowed(key):
    return bool(get(key))
