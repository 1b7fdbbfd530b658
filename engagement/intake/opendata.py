"""The city's Resident Service Requests open dataset (Socrata SODA JSON) into local rows.

Incremental by date: each run asks for rows from the newest stored ``request_date`` on
(that day included) and stores them by a stable key, so re-runs and overlaps add nothing
twice. Only the fields the charts need are asked for and kept.
"""

import datetime as dt
import hashlib
import json
import re

from django.conf import settings
from django.utils import timezone

from engagement.intake.http import RemoteError, get
from engagement.models import ServiceRequestRecord

PAGE_SIZE = 1000
FIELDS = ("request_date", "request_type", "request_description", "district_council", "ward")
JSON_TYPES = frozenset(["application/json", "text/json"])
DEFAULT_DAYS_BACK = 120


class OpenDataError(Exception):
    pass


def _number(value, maximum):
    """``"7"``, ``7`` or ``"District 7"`` as 7; None when there is no usable number."""
    match = re.search(r"\d+", str(value or ""))
    if not match or len(match.group()) > 4:
        return None
    number = int(match.group())
    return number if 0 < number <= maximum else None


def _moment(value):
    """A SODA floating timestamp (city local time) or one with an offset."""
    try:
        moment = dt.datetime.fromisoformat(str(value).strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    if moment.tzinfo is None:
        moment = timezone.make_aware(moment, timezone.get_default_timezone())
    return moment


def source_key(row):
    """The row's ``:id`` when the portal gives it, else a digest of the published fields."""
    if row.get(":id"):
        return str(row[":id"])[:64]
    published = json.dumps({name: row.get(name) for name in FIELDS}, sort_keys=True)
    return hashlib.sha256(published.encode()).hexdigest()


def record_from_row(row):
    """A ``ServiceRequestRecord`` (unsaved) or None for a row without a usable date."""
    if not isinstance(row, dict):
        return None
    moment = _moment(row.get("request_date"))
    if moment is None:
        return None
    return ServiceRequestRecord(
        source_key=source_key(row),
        requested_at=moment,
        request_type=str(row.get("request_type") or "")[:200],
        # The chart groups by description ("Graffiti"); the type ("Complaint") stands in.
        request_description=str(row.get("request_description") or row.get("request_type") or "")[
            :200
        ],
        district=_number(row.get("district_council"), 99),
        ward=_number(row.get("ward"), 99),
    )


def fetch_page(url, since, offset):
    headers = {"Accept": "application/json"}
    if settings.SERVICE_REQUESTS_APP_TOKEN:
        headers["X-App-Token"] = settings.SERVICE_REQUESTS_APP_TOKEN
    params = {
        "$select": ":id," + ",".join(FIELDS),
        "$where": f"request_date >= '{since:%Y-%m-%dT%H:%M:%S}'",
        "$order": "request_date,:id",
        "$limit": PAGE_SIZE,
        "$offset": offset,
    }
    try:
        body, _kind = get(
            url,
            params=params,
            headers=headers,
            timeout=settings.SERVICE_REQUESTS_TIMEOUT,
            max_bytes=settings.SERVICE_REQUESTS_MAX_BYTES,
            accept=JSON_TYPES,
        )
    except RemoteError as error:
        reason = f"HTTP {error.status}" if error.status else error.kind.replace("_", " ")
        raise OpenDataError(reason) from None
    try:
        rows = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise OpenDataError("malformed JSON") from None
    if not isinstance(rows, list):
        raise OpenDataError("the answer is not a list of rows")
    return rows


def start_date(since=None):
    """Where a run starts: ``since``, else the newest stored day, else 120 days ago."""
    if since is not None:
        return dt.datetime.combine(since, dt.time())
    newest = ServiceRequestRecord.objects.order_by("-requested_at").first()
    if newest is None:
        return dt.datetime.combine(
            timezone.localdate() - dt.timedelta(days=DEFAULT_DAYS_BACK), dt.time()
        )
    return dt.datetime.combine(timezone.localtime(newest.requested_at).date(), dt.time())


def sync(url, since=None, progress=None):
    """Fetch every row from the start date on; ``(fetched, added)``."""
    start = start_date(since)
    fetched = added = offset = 0
    while True:
        rows = fetch_page(url, start, offset)
        records = [record for record in map(record_from_row, rows) if record is not None]
        keys = [record.source_key for record in records]
        known = set(
            ServiceRequestRecord.objects.filter(source_key__in=keys).values_list(
                "source_key", flat=True
            )
        )
        new = {r.source_key: r for r in records if r.source_key not in known}
        ServiceRequestRecord.objects.bulk_create(new.values(), ignore_conflicts=True)
        fetched += len(rows)
        added += len(new)
        offset += len(rows)
        if progress:
            progress(fetched, added)
        if len(rows) < PAGE_SIZE:
            return fetched, added
