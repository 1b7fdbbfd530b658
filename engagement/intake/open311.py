"""A read-only Open311 GeoReport v2 client: the service list and one request's status.

Built from the published specification (wiki.open311.org/GeoReport_v2): JSON or XML
answers, errors as ``[{"code", "description"}]`` or ``<errors><error>…</error></errors>``.
XML is parsed with defusedxml. Every failure becomes an ``Open311Error`` whose ``kind``
is ``unknown`` (no such request) or ``unavailable`` (anything else); neither its message
nor the log line carries the URL or the API key.
"""

import datetime as dt
import json
import logging

from django.conf import settings

from defusedxml import ElementTree
from defusedxml.common import DefusedXmlException

from engagement.intake.http import RemoteError, get

logger = logging.getLogger(__name__)

JSON_TYPES = frozenset(["application/json", "text/json"])
XML_TYPES = frozenset(["application/xml", "text/xml"])
SERVICE_FIELDS = ("service_code", "service_name", "description", "metadata", "type")
SERVICE_LIST_FIELDS = ("keywords", "group")
REQUEST_FIELDS = (
    "service_request_id",
    "status",
    "status_notes",
    "service_name",
    "service_code",
    "agency_responsible",
    "service_notice",
    "requested_datetime",
    "updated_datetime",
    "expected_datetime",
)
DATETIME_FIELDS = ("requested_datetime", "updated_datetime", "expected_datetime")


class Open311Error(Exception):
    UNKNOWN = "unknown"
    UNAVAILABLE = "unavailable"

    def __init__(self, kind, reason):
        super().__init__(f"{kind}: {reason}")
        self.kind = kind
        self.reason = reason


def _unavailable(reason):
    return Open311Error(Open311Error.UNAVAILABLE, reason)


def _parse_json(body):
    try:
        data = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise _unavailable("malformed JSON") from None
    if not isinstance(data, list) or not all(isinstance(item, dict) for item in data):
        raise _unavailable("JSON is not a list of objects")
    return data


def _parse_xml(body):
    try:
        root = ElementTree.fromstring(body)
    except (ElementTree.ParseError, DefusedXmlException, ValueError):
        raise _unavailable("malformed or unsafe XML") from None
    return [{field.tag: (field.text or "").strip() for field in item} for item in root]


def parse(body, kind):
    """A GeoReport answer (a list of records) as a list of dicts, from JSON or XML."""
    return _parse_xml(body) if kind in XML_TYPES else _parse_json(body)


def error_codes(error):
    """The ``code`` values of a GeoReport error body, or ``[]`` when it has none."""
    try:
        records = parse(error.body, error.content_type)
    except Open311Error:
        return []
    return [str(record.get("code", "")).strip() for record in records]


def parse_datetime(value):
    """A W3C datetime (``2010-04-14T06:37:38-08:00``), or None when absent or unreadable."""
    if not value or not isinstance(value, str):
        return None
    try:
        moment = dt.datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    if moment.tzinfo is None:
        return None
    return moment


def _text(value):
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value).strip()


class Open311Client:
    """GETs against one GeoReport v2 endpoint. ``fetch`` replaces the HTTP call (the demo
    stand-in): ``fetch(path, params) -> (body, media_type)``, raising ``RemoteError``."""

    def __init__(self, endpoint, *, jurisdiction_id="", api_key="", fmt="json", fetch=None):
        self.endpoint = endpoint.rstrip("/")
        self.jurisdiction_id = jurisdiction_id
        self.api_key = api_key
        self.format = "xml" if fmt == "xml" else "json"
        self._fetch = fetch or self._http_fetch

    def _http_fetch(self, path, params):
        return get(
            f"{self.endpoint}/{path}",
            params=params,
            timeout=settings.OPEN311_TIMEOUT,
            max_bytes=settings.OPEN311_MAX_BYTES,
            accept=XML_TYPES if self.format == "xml" else JSON_TYPES,
        )

    def _get(self, path):
        params = {}
        if self.jurisdiction_id:
            params["jurisdiction_id"] = self.jurisdiction_id
        if self.api_key:
            params["api_key"] = self.api_key
        try:
            body, kind = self._fetch(f"{path}.{self.format}", params)
        except RemoteError as error:
            if error.kind == "status" and (error.status == 404 or "404" in error_codes(error)):
                raise Open311Error(Open311Error.UNKNOWN, "not found") from None
            reason = f"HTTP {error.status}" if error.status else error.kind
            logger.warning("Open311 %s: %s", path.split("/")[0], reason)
            raise _unavailable(reason) from None
        try:
            return parse(body, kind)
        except Open311Error as error:
            logger.warning("Open311 %s: %s", path.split("/")[0], error.reason)
            raise

    def services(self):
        """The service list: dicts with the GeoReport fields, ``metadata`` as a bool."""
        services = []
        for record in self._get("services"):
            service = {name: _text(record.get(name)) for name in SERVICE_FIELDS}
            service.update({name: _text(record.get(name)) for name in SERVICE_LIST_FIELDS})
            if not service["service_code"]:
                continue
            service["metadata"] = service["metadata"].lower() == "true"
            services.append(service)
        return services

    def request(self, request_id):
        """One service request's status; ``Open311Error(UNKNOWN)`` when there is none."""
        records = self._get(f"requests/{request_id}")
        if not records:
            raise Open311Error(Open311Error.UNKNOWN, "empty answer")
        record = records[0]
        data = {name: _text(record.get(name)) for name in REQUEST_FIELDS}
        for name in DATETIME_FIELDS:
            data[name] = parse_datetime(record.get(name))
        data["status"] = data["status"].lower()
        return data
