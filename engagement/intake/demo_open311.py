"""A built-in Open311 stand-in for the demo (``OPEN311_DEMO=1``), clearly labelled as such.

It answers the client's GETs with GeoReport v2 JSON made from example requests, so the
demo runs the client's real parsing. The pages say the answers are examples. Never used
by the tests (they run a local HTTP server) nor in production.
"""

import datetime as dt
import json

from django.utils import timezone

from engagement.intake.http import RemoteError
from engagement.intake.open311 import Open311Client

EXAMPLE_REQUEST_ID = "DEMO-1001"

# (id, service code, service name, status, notes, agency,
#  days since requested, days since updated, days until expected)
EXAMPLES = [
    (
        "DEMO-1001",
        "pothole",
        "Pothole",
        "open",
        "A crew is scheduled to patch this pothole.",
        "Public Works – Street Maintenance",
        6,
        1,
        4,
    ),
    (
        "DEMO-1002",
        "graffiti",
        "Graffiti on public property",
        "closed",
        "Graffiti removed. Thank you for reporting it.",
        "Public Works – Graffiti Removal",
        12,
        3,
        None,
    ),
    (
        "DEMO-1003",
        "missed-trash",
        "Missed trash pickup",
        "open",
        "",
        "Public Works – Solid Waste",
        2,
        2,
        2,
    ),
]

SERVICES = [
    ("pothole", "Pothole", "Street and sidewalk repair", "pothole, bache"),
    ("graffiti", "Graffiti on public property", "Graffiti", "tagging, graffiti"),
    ("missed-trash", "Missed trash pickup", "Trash and recycling", "garbage, trash"),
]


def _iso(days):
    return (timezone.now() + dt.timedelta(days=days)).replace(microsecond=0).isoformat()


def _request_record(example):
    request_id, code, name, status, notes, agency, ago, updated, expected = example
    return {
        "service_request_id": request_id,
        "status": status,
        "status_notes": notes,
        "service_name": name,
        "service_code": code,
        "agency_responsible": agency,
        "service_notice": "",
        "requested_datetime": _iso(-ago),
        "updated_datetime": _iso(-updated),
        "expected_datetime": _iso(expected) if expected is not None else None,
    }


def demo_fetch(path, params):
    if path == "services.json":
        records = [
            {
                "service_code": code,
                "service_name": name,
                "description": "",
                "metadata": False,
                "type": "realtime",
                "keywords": keywords,
                "group": group,
            }
            for code, name, group, keywords in SERVICES
        ]
        return json.dumps(records).encode(), "application/json"
    request_id = path.removeprefix("requests/").removesuffix(".json")
    for example in EXAMPLES:
        if example[0].lower() == request_id.lower():
            return json.dumps([_request_record(example)]).encode(), "application/json"
    body = json.dumps([{"code": 404, "description": "Request not found"}]).encode()
    raise RemoteError("status", status=404, body=body, content_type="application/json")


def demo_client():
    return Open311Client("demo:", fetch=demo_fetch)
