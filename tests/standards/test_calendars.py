"""Every calendar the events pages advertise, expanded by an independent RFC 5545 reader,
lists the same occurrences as the events API with the same filter.

``recurring-ical-events`` reads each feed as a calendar app does (DTSTART is the first
occurrence, EXDATEs removed, RECURRENCE-ID overrides applied). The feeds come from the
``<link rel="alternate" type="text/calendar">`` of the events list in English and Spanish,
unfiltered and filtered by each council and each topic: all events, each council's and
each topic's calendar.
"""

import datetime as dt
import re
from urllib.parse import urlsplit

import recurring_ical_events
from icalendar import Calendar

from district_councils.models import DistrictCouncilPage
from engagement.choices import TOPICS
from engagement.recurrence import city_zone

WINDOW_DAYS = 366
LANGUAGES = ("en", "es")
CALENDAR_LINK = re.compile(r'<link rel="alternate" type="text/calendar" href="([^"]+)"')


def advertised_calendars(client, language):
    """Calendar paths in the heads of the events list, unfiltered and by each council and
    each topic (the list advertises the calendar of what it shows)."""
    numbers = DistrictCouncilPage.objects.live().values_list("district_number", flat=True)
    queries = [""] + [f"?council={n}" for n in sorted(set(numbers))]
    queries += [f"?topic={code}" for code, _label in TOPICS]
    paths = set()
    for query in queries:
        response = client.get(f"/{language}/events/{query}")
        assert response.status_code == 200, query
        paths.update(
            urlsplit(href).path for href in CALENDAR_LINK.findall(response.content.decode())
        )
    return sorted(paths)


def api_filter(path):
    """The events API parameters that select what the calendar at ``path`` holds."""
    if match := re.search(r"/calendar/council/(\d+)\.ics$", path):
        return {"host": match[1]}
    if match := re.search(r"/calendar/topic/([\w-]+)\.ics$", path):
        return {"topic": match[1]}
    assert path.endswith("/calendar.ics"), path
    return {}


def _utc(moment, all_day):
    if all_day:  # compare the local day
        day = moment.date() if isinstance(moment, dt.datetime) else moment
        moment = dt.datetime.combine(day, dt.time(), city_zone())
    return moment.astimezone(dt.UTC)


def feed_occurrences(client, path, start, end):
    response = client.get(path)
    assert response.status_code == 200, path
    assert response["Content-Type"].startswith("text/calendar"), path
    calendar = Calendar.from_ical(response.content)
    return {
        (
            str(component["SUMMARY"]),
            _utc(component["DTSTART"].dt, not isinstance(component["DTSTART"].dt, dt.datetime)),
            str(component.get("STATUS", "")) == "CANCELLED",
        )
        for component in recurring_ical_events.of(calendar).between(start, end)
    }


def api_occurrences(client, language, params, start, end):
    query = {"from": start.isoformat(), "to": (end - dt.timedelta(days=1)).isoformat()}
    response = client.get("/api/v2/events/", {**query, **params, "locale": language, "limit": 500})
    assert response.status_code == 200, response.content
    data = response.json()
    assert data["meta"]["total_count"] <= 500
    return {
        (
            item["event"]["title"],
            _utc(dt.datetime.fromisoformat(item["start"]), item["all_day"]),
            item["status"] == "cancelled",
        )
        for item in data["items"]
    }


def test_every_advertised_calendar_agrees_with_the_api(client, db):
    today = dt.datetime.now(city_zone()).date()
    start = today.replace(day=1) - dt.timedelta(days=93)  # before every demo series starts
    end = start + dt.timedelta(days=WINDOW_DAYS)
    checked = non_empty = 0
    for language in LANGUAGES:
        calendars = advertised_calendars(client, language)
        assert any("/calendar/council/" in path for path in calendars), calendars
        assert any("/calendar/topic/" in path for path in calendars), calendars
        for path in calendars:
            from_feed = feed_occurrences(client, path, start, end)
            from_api = api_occurrences(client, language, api_filter(path), start, end)
            assert from_feed - from_api == set(), f"{path}: in the feed, not the API"
            assert from_api - from_feed == set(), f"{path}: in the API, not the feed"
            checked += 1
            non_empty += bool(from_api)
    assert checked == len(LANGUAGES) * (1 + 17 + len(TOPICS))
    assert non_empty >= len(LANGUAGES) * 10
    print(f"recurring-ical-events: {checked} calendars agree with the API")
