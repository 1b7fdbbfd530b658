"""Recurring events: RRULE validation and expansion into occurrences in the city's time zone.

Rules are expanded on *wall-clock* time: the rule runs over naive local
datetimes and each result is then placed in the city's zone, so a meeting at
6:30 pm stays at 6:30 pm on both sides of a daylight-saving change.
"""

import datetime as dt
import zoneinfo
from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from dateutil.rrule import rrulestr

ALLOWED_FREQUENCIES = {"DAILY", "WEEKLY", "MONTHLY", "YEARLY"}
# Materialise recurring events this far ahead of today (or of their first date).
HORIZON = dt.timedelta(days=731)
MAX_OCCURRENCES = 1000


def city_zone():
    return zoneinfo.ZoneInfo(settings.TIME_ZONE)


def normalise_rule(text):
    """The RRULE value without an ``RRULE:`` prefix, upper-cased and stripped."""
    text = (text or "").strip()
    if text.upper().startswith("RRULE:"):
        text = text[len("RRULE:") :]
    return text.strip().upper()


def validate_rule(text):
    """Raise ValidationError unless ``text`` is an RRULE editors may use."""
    rule = normalise_rule(text)
    if not rule:
        return
    parts = dict(part.split("=", 1) for part in rule.split(";") if "=" in part)
    if parts.get("FREQ") not in ALLOWED_FREQUENCIES:
        raise ValidationError(
            _(
                "Start the rule with FREQ=DAILY, WEEKLY, MONTHLY or YEARLY, "
                "e.g. FREQ=MONTHLY;BYDAY=+2TU."
            ),
            code="frequency",
        )
    if "DTSTART" in rule or "\n" in rule:
        raise ValidationError(
            _("Give the first date in the Start field, not in the rule."), code="dtstart"
        )
    until = parts.get("UNTIL", "")
    if until.endswith("Z"):
        raise ValidationError(_("Give UNTIL as a local date, e.g. UNTIL=20271231."), code="until")
    try:
        rrulestr(rule, dtstart=dt.datetime(2000, 1, 1, 12))
    except (ValueError, TypeError) as exc:
        raise ValidationError(
            _("This is not a valid repeat rule: %(error)s") % {"error": exc}, code="invalid"
        ) from exc


def first_occurrence(start, rule):
    """The first start ``rule`` gives from ``start`` (aware, city time); None if it gives none.

    RFC 5545 counts DTSTART as a series' first occurrence whether or not the rule
    produces it, while the rule alone (dateutil, the occurrence table) does not: a series
    is only read the same way everywhere when its start is a date its rule gives.
    """
    rule = normalise_rule(rule)
    if not rule or start is None:
        return start
    zone = city_zone()
    local_start = start.astimezone(zone).replace(tzinfo=None)
    try:
        first = next(iter(rrulestr(rule, dtstart=local_start)), None)
    except (ValueError, TypeError):
        return start
    return None if first is None else _localise(first, zone)


def validate_start(start, rule):
    """Raise ValidationError unless ``start`` is itself an occurrence of ``rule``."""
    first = first_occurrence(start, rule)
    if first is None:
        raise ValidationError(
            _("The repeat rule gives no date from the start on."), code="no_occurrence"
        )
    if first != start.astimezone(first.tzinfo):
        raise ValidationError(
            _(
                "The start is not a date the repeat rule gives, so calendar apps would show "
                "a meeting that never happens. The rule's first date from it is "
                "%(first)s: start the series then."
            )
            % {"first": first.strftime("%Y-%m-%d %H:%M")},
            code="start_not_in_rule",
        )


def parse_dates(text):
    """Dates from text, one ``YYYY-MM-DD`` per line (blank lines ignored)."""
    dates = []
    for line in (text or "").splitlines():
        line = line.strip()
        if not line:
            continue
        try:
            dates.append(dt.date.fromisoformat(line))
        except ValueError as exc:
            raise ValidationError(
                _("“%(value)s” is not a date. Write one date a line as YYYY-MM-DD.")
                % {"value": line},
                code="date",
            ) from exc
    return dates


@dataclass
class Change:
    """A one-off change to the occurrence that would have started on ``original_date``."""

    original_date: dt.date
    status: str
    reason: str = ""
    new_start: dt.datetime | None = None
    new_end: dt.datetime | None = None


@dataclass
class Occurrence:
    start: dt.datetime
    end: dt.datetime
    status: str
    reason: str = ""
    original_start: dt.datetime | None = None
    changed: bool = False
    extra: dict = field(default_factory=dict)

    @property
    def is_cancelled(self):
        return self.status == "cancelled"


def _localise(naive, zone):
    """Place a wall-clock time in ``zone``; nonexistent times move forward an hour."""
    aware = naive.replace(tzinfo=zone)
    roundtrip = aware.astimezone(dt.UTC).astimezone(zone).replace(tzinfo=None)
    if roundtrip != naive:  # in the spring-forward gap
        aware = (naive + dt.timedelta(hours=1)).replace(tzinfo=zone)
    return aware


def expand(
    *, start, end, rule="", exdates=(), changes=(), status="scheduled", reason="", horizon=None
):
    """Every occurrence of an event, as aware datetimes in the city's zone.

    ``changes`` override single occurrences, keyed by their original local date.
    An event-wide ``status`` other than scheduled applies to every occurrence
    that has no change of its own.
    """
    zone = city_zone()
    local_start = start.astimezone(zone).replace(tzinfo=None)
    local_end = end.astimezone(zone).replace(tzinfo=None) if end else local_start
    duration = max(local_end - local_start, dt.timedelta(0))
    rule = normalise_rule(rule)
    if not rule:
        return [Occurrence(start.astimezone(zone), (end or start).astimezone(zone), status, reason)]
    if horizon is None:
        horizon = max(dt.datetime.now(zone), start.astimezone(zone)) + HORIZON
    local_horizon = horizon.astimezone(zone).replace(tzinfo=None)
    skipped = set(exdates)
    by_date = {change.original_date: change for change in changes}
    occurrences = []
    for naive in rrulestr(rule, dtstart=local_start):
        if naive > local_horizon or len(occurrences) >= MAX_OCCURRENCES:
            break
        if naive.date() in skipped:
            continue
        original = _localise(naive, zone)
        occurrence = Occurrence(
            original, _localise(naive + duration, zone), status, reason, original_start=original
        )
        change = by_date.get(naive.date())
        if change is not None:
            occurrence.changed = True
            occurrence.status = change.status
            occurrence.reason = change.reason
            if change.new_start:
                occurrence.start = change.new_start.astimezone(zone)
                occurrence.end = (change.new_end or change.new_start + duration).astimezone(zone)
        occurrences.append(occurrence)
    return occurrences
