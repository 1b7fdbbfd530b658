"""Each event page carries schema.org Event data that search engines and apps can read."""

import datetime as dt
import json
import re

from engagement.models import EventPage
from tests.engagement.conftest import next_year, second_tuesday


def json_ld(response):
    match = re.search(
        r'<script type="application/ld\+json">(.*?)</script>', response.content.decode(), re.S
    )
    assert match, "no JSON-LD on the page"
    data = json.loads(match.group(1))
    return data if isinstance(data, list) else [data]


def test_in_person_event(client, make_event):
    event = make_event(
        "Library talk",
        venue_name="Rondo Library",
        address="461 Dale Street North\nSaint Paul, MN 55103",
        capacity=40,
    )
    (item,) = json_ld(client.get(event.url))
    assert item["@type"] == "Event" and item["name"] == "Library talk"
    assert item["eventStatus"] == "https://schema.org/EventScheduled"
    assert item["eventAttendanceMode"] == "https://schema.org/OfflineEventAttendanceMode"
    assert item["location"]["@type"] == "Place"
    assert item["location"]["address"]["streetAddress"] == "461 Dale Street North"
    assert item["organizer"]["name"] == "City of Saint Paul"
    start = dt.datetime.fromisoformat(item["startDate"])
    assert start.utcoffset() in (dt.timedelta(hours=-5), dt.timedelta(hours=-6))
    assert item["maximumAttendeeCapacity"] == 40


def test_moved_online_event_has_virtual_location(client, make_event):
    event = make_event(
        "Street meeting",
        venue_name="Old room",
        address="1 Main St",
        online_url="https://meet.example.org/x",
        status="moved_online",
        status_reason="Room closed",
    )
    (item,) = json_ld(client.get(event.url))
    assert item["eventStatus"] == "https://schema.org/EventMovedOnline"
    assert item["eventAttendanceMode"] == "https://schema.org/OnlineEventAttendanceMode"
    assert item["location"] == {"@type": "VirtualLocation", "url": "https://meet.example.org/x"}


def test_recurring_event_lists_occurrences_with_cancelled_one(client, monthly_meeting):
    year = next_year()
    feb = second_tuesday(year, 2)
    monthly_meeting.occurrence_changes = [
        (
            "change",
            {
                "original_date": feb,
                "status": "cancelled",
                "reason": "Holiday",
                "new_start": None,
                "new_end": None,
            },
        )
    ]
    monthly_meeting.save_revision().publish()
    items = json_ld(client.get(monthly_meeting.url))
    assert len(items) == 12
    statuses = {item["startDate"][:10]: item["eventStatus"] for item in items}
    assert statuses[feb.isoformat()] == "https://schema.org/EventCancelled"
    assert list(statuses.values()).count("https://schema.org/EventCancelled") == 1


def test_council_meeting_organizer_is_the_council(client, demo_page):
    council = demo_page("district-councils").get_children().live().specific().first()
    meeting = council.get_children().live().type(EventPage).first()
    items = json_ld(client.get(meeting.url))
    assert items[0]["organizer"]["name"] == council.title
    assert items[0]["organizer"]["url"].endswith(council.url)
    assert items[0]["eventAttendanceMode"] == "https://schema.org/MixedEventAttendanceMode"


def test_script_content_cannot_break_out(client, make_event):
    event = make_event("Talk </script><script>alert(1)</script>", slug="talk")
    html = client.get(event.url).content.decode()
    assert "<script>alert(1)" not in html
