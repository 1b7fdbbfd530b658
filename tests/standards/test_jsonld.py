"""Event pages' JSON-LD has schema.org's required and recommended Event properties.

The script blocks are found with the standard library's HTML parser and read as JSON;
each Event is checked against the properties search engines ask for: name, startDate,
location (a Place with a PostalAddress, or a VirtualLocation), plus description,
endDate, eventStatus, eventAttendanceMode and an organizer with a name and url.
"""

import datetime as dt
import json
import re
from html.parser import HTMLParser

from engagement.models import EventPage

SCHEMA = "https://schema.org/"
STATUSES = {
    f"{SCHEMA}{name}"
    for name in (
        "EventScheduled",
        "EventCancelled",
        "EventPostponed",
        "EventRescheduled",
        "EventMovedOnline",
    )
}
MODES = {
    f"{SCHEMA}{name}"
    for name in (
        "OfflineEventAttendanceMode",
        "OnlineEventAttendanceMode",
        "MixedEventAttendanceMode",
    )
}


class JsonLdScripts(HTMLParser):
    def __init__(self):
        super().__init__()
        self.blocks, self._inside = [], False

    def handle_starttag(self, tag, attrs):
        self._inside = tag == "script" and dict(attrs).get("type") == "application/ld+json"
        if self._inside:
            self.blocks.append("")

    def handle_endtag(self, tag):
        self._inside = False

    def handle_data(self, data):
        if self._inside:
            self.blocks[-1] += data


def events_in(html):
    parser = JsonLdScripts()
    parser.feed(html)
    items = []
    for block in parser.blocks:
        data = json.loads(block)
        items += data if isinstance(data, list) else [data]
    return [item for item in items if item.get("@type") == "Event"]


def check_date(value, name):
    assert isinstance(value, str) and value, name
    (dt.date if len(value) == 10 else dt.datetime).fromisoformat(value)


def check_event(item):
    """The problems of one schema.org Event, as a list of strings."""
    problems = []
    assert item["@context"] in ("https://schema.org", "https://schema.org/")
    for key in ("name", "description", "startDate", "endDate", "location", "organizer"):
        if not item.get(key):
            problems.append(f"no {key}")
    check_date(item.get("startDate"), "startDate")
    check_date(item.get("endDate"), "endDate")
    if item.get("eventStatus") not in STATUSES:
        problems.append(f"eventStatus {item.get('eventStatus')!r}")
    if item.get("eventAttendanceMode") not in MODES:
        problems.append(f"eventAttendanceMode {item.get('eventAttendanceMode')!r}")
    organizer = item.get("organizer") or {}
    if not (organizer.get("name") and str(organizer.get("url", "")).startswith("http")):
        problems.append(f"organizer {organizer!r}")
    locations = item.get("location") or []
    for location in locations if isinstance(locations, list) else [locations]:
        if location["@type"] == "VirtualLocation":
            if not location.get("url"):
                problems.append("virtual location with no url")
            continue
        if location["@type"] != "Place" or not location.get("name"):
            problems.append(f"location {location!r}")
            continue
        address = location.get("address") or {}
        if address.get("@type") != "PostalAddress":
            problems.append(f"address {address!r}")
            continue
        for key in ("addressLocality", "addressRegion", "addressCountry"):
            if not address.get(key):
                problems.append(f"address has no {key}: {address!r}")
        street = address.get("streetAddress", "")
        if re.search(r",\s*[A-Z]{2}(\s+\d{5})?$", street) or "\n" in street:
            problems.append(f"the locality line is in streetAddress: {address!r}")
    return problems


def test_every_demo_event_has_complete_structured_data(client, db):
    events = EventPage.objects.live().filter(locale__language_code__in=["en", "ksw"])
    problems, checked = [], 0
    for event in events:
        items = events_in(client.get(event.url).content.decode())
        assert items, event.url
        for item in items:
            checked += 1
            problems += [f"{event.url}: {problem}" for problem in check_event(item)]
    print(f"JSON-LD: {checked} Event items on {events.count()} pages")
    assert problems == [], "\n".join(problems[:40])


def test_multi_line_address_keeps_street_locality_and_postal_code(client, db):
    event = EventPage.objects.get(slug="budget-listening-session", locale__language_code="en")
    (place,) = [
        loc
        for item in events_in(client.get(event.url).content.decode())[:1]
        for loc in (item["location"] if isinstance(item["location"], list) else [item["location"]])
        if loc["@type"] == "Place"
    ]
    assert place["address"] == {
        "@type": "PostalAddress",
        "streetAddress": "461 Dale Street North",
        "addressLocality": "Saint Paul",
        "addressRegion": "MN",
        "postalCode": "55103",
        "addressCountry": "US",
    }


def test_council_meeting_address_is_a_locality_not_a_street(client, db):
    event = EventPage.objects.filter(
        locale__language_code="en", host_council__isnull=False, address="Saint Paul, MN"
    ).first()
    item = events_in(client.get(event.url).content.decode())[0]
    places = item["location"] if isinstance(item["location"], list) else [item["location"]]
    (place,) = [loc for loc in places if loc["@type"] == "Place"]
    assert "streetAddress" not in place["address"]
    assert place["address"]["addressLocality"] == "Saint Paul"
    assert place["address"]["addressRegion"] == "MN"
    assert item["organizer"]["url"].endswith(event.host_council.url)
