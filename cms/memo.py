"""Values worked out once per request: the locale table, a language's search synonyms.

A page asks for some small, rarely changing table many times while it renders (every
``Locale.get_active()``, every query expansion); ``per_request(key, compute)`` answers all
but the first from memory. The memory starts empty with each request and is dropped at its
end, so an edit is seen by the next request; outside requests (commands, migrations) every
call computes afresh.
"""

import contextvars

from django.core.signals import request_finished, request_started

_memo = contextvars.ContextVar("portal_request_memo", default=None)


def per_request(key, compute):
    """``compute()``, once per request for each ``key``."""
    memo = _memo.get()
    if memo is None:
        return compute()
    if key not in memo:
        memo[key] = compute()
    return memo[key]


def in_request():
    return _memo.get() is not None


def forget(key):
    """Drop ``key`` from this request's memory (it was changed during the request)."""
    memo = _memo.get()
    if memo:
        memo.pop(key, None)


def _begin(**kwargs):
    _memo.set({})


def _end(**kwargs):
    _memo.set(None)


def connect():
    request_started.connect(_begin, dispatch_uid="memo-request-started")
    request_finished.connect(_end, dispatch_uid="memo-request-finished")
