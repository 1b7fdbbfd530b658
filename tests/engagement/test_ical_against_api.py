"""The calendar feed, expanded by an independent RFC 5545 reader, agrees with the events API.

``recurring-ical-events`` reads the feed as a calendar app does (DTSTART counts as the
first occurrence, EXDATEs removed, RECURRENCE-ID overrides applied); the events API
lists the occurrence table. Over a window covering every demo series' start, both must
list the same meetings at the same moments with the same cancellations.
"""

import datetime as dt

import recurring_ical_events
from icalendar import Calendar

from engagement.recurrence import city_zone

WINDOW_DAYS = 366


def feed_occurrences(client, start, end):
    response = client.get("/en/events/calendar.ics")
    assert response.status_code == 200
    calendar = Calendar.from_ical(response.content)
    result = set()
    for component in recurring_ical_events.of(calendar).between(start, end):
        moment = component["DTSTART"].dt
        if not isinstance(moment, dt.datetime):  # all-day: compare the local day
            moment = dt.datetime.combine(moment, dt.time(), city_zone())
        cancelled = str(component.get("STATUS", "")) == "CANCELLED"
        result.add((str(component["SUMMARY"]), moment.astimezone(dt.UTC), cancelled))
    return result


def api_occurrences(client, start, end):
    last = end - dt.timedelta(days=1)
    response = client.get(
        "/api/v2/events/", {"from": start.isoformat(), "to": last.isoformat(), "limit": 500}
    )
    assert response.status_code == 200, response.content
    data = response.json()
    assert data["meta"]["total_count"] <= 500
    result = set()
    for item in data["items"]:
        moment = dt.datetime.fromisoformat(item["start"])
        if item["all_day"]:
            moment = dt.datetime.combine(moment.date(), dt.time(), city_zone())
        result.add(
            (item["event"]["title"], moment.astimezone(dt.UTC), item["status"] == "cancelled")
        )
    return result


def test_feed_and_api_give_the_same_occurrences(client, db):
    today = dt.datetime.now(city_zone()).date()
    start = today.replace(day=1) - dt.timedelta(days=93)  # before every demo series starts
    end = start + dt.timedelta(days=WINDOW_DAYS)
    from_feed = feed_occurrences(client, start, end)
    from_api = api_occurrences(client, start, end)
    assert len(from_api) > 17 * 12  # 17 monthly board meetings over a year, and more
    assert from_feed - from_api == set(), "in the feed, not the API"
    assert from_api - from_feed == set(), "in the API, not the feed"
