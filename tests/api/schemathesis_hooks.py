"""The events window rule for the schemathesis run: the one rule OpenAPI 3.0 cannot state.

JSON Schema relates no two parameters' values, so ``/api/schema/`` states in words that
``to`` is not before ``from`` (today when absent) and the window is at most 366 days.
A generated client follows its documentation; this hook does the same for the fuzzer's
requests, moving ``to`` into the window when both dates are well formed. Schema-violating
requests (a malformed date, a negative limit...) stay as generated.
"""

import datetime as dt
import os

import schemathesis

EVENTS_PATH = "/api/v2/events/"
MAX_WINDOW_DAYS = 366
LATEST_DATE = dt.date(2199, 12, 31)  # the last date the schema allows


def _date(value):
    try:
        return dt.date.fromisoformat(value) if isinstance(value, str) and len(value) == 10 else None
    except ValueError:
        return None


@schemathesis.hook
def before_call(context, case, kwargs):
    if case.operation.path != EVENTS_PATH or not case.query or "to" not in case.query:
        return
    # Without ``from`` (or with it empty) the window starts on the server's today, in the
    # city's time zone, which the test passes.
    start = _date(case.query.get("from") or os.environ["PORTAL_TODAY"])
    end = _date(case.query["to"])
    if start is None or end is None or 0 <= (end - start).days < MAX_WINDOW_DAYS:
        return
    days = min((end - start).days % MAX_WINDOW_DAYS, (LATEST_DATE - start).days)
    case.query["to"] = (start + dt.timedelta(days=max(days, 0))).isoformat()
