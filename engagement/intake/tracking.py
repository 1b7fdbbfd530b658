"""Track a request: one request's status from Open311, cached briefly.

Found answers (and "no such request") are kept for ``OPEN311_CACHE_SECONDS`` so a
resident reloading the page, or many asking about one request, reach the city's server
once. Failures are not cached: the next try asks again.
"""

import hashlib
from dataclasses import dataclass, field

from django.conf import settings
from django.core.cache import cache

from engagement.intake.clients import client_from_settings
from engagement.intake.open311 import Open311Error

FOUND = "found"
UNKNOWN = "unknown"
UNAVAILABLE = "unavailable"
OFF = "off"


@dataclass
class Lookup:
    outcome: str
    request: dict = field(default_factory=dict)
    demo: bool = False

    @property
    def found(self):
        return self.outcome == FOUND


def _cache_key(request_id):
    source = f"{settings.OPEN311_ENDPOINT}|{settings.OPEN311_DEMO}|{request_id}"
    return "portal:open311:request:" + hashlib.sha256(source.encode()).hexdigest()


def look_up(request_id):
    """The ``Lookup`` of ``request_id`` (already validated by ``cms.api.params``)."""
    client = client_from_settings()
    if client is None:
        return Lookup(OFF)
    demo = settings.OPEN311_DEMO
    key = _cache_key(request_id)
    cached = cache.get(key)
    if cached is not None:
        return Lookup(cached["outcome"], cached["request"], demo)
    try:
        lookup = Lookup(FOUND, client.request(request_id), demo)
    except Open311Error as error:
        if error.kind != Open311Error.UNKNOWN:
            return Lookup(UNAVAILABLE, demo=demo)
        lookup = Lookup(UNKNOWN, demo=demo)
    cache.set(
        key,
        {"outcome": lookup.outcome, "request": lookup.request},
        settings.OPEN311_CACHE_SECONDS,
    )
    return lookup
