"""Calendar feeds parse back as valid iCalendar with the right occurrences."""

import datetime as dt

from dateutil.rrule import rrulestr
from icalendar import Calendar

from engagement.ical import uid_for
from tests.engagement.conftest import CHICAGO, next_year, second_tuesday


def fetch_calendar(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    assert response["Content-Type"].startswith("text/calendar")
    return Calendar.from_ical(response.content)


def events_by_uid(calendar):
    result = {}
    for component in calendar.walk("VEVENT"):
        result.setdefault(str(component["UID"]), []).append(component)
    return result


def expand_series(master, overrides):
    """Occurrences a calendar app would show: RRULE minus EXDATE, with RECURRENCE-ID overrides."""
    start = master.decoded("DTSTART")
    naive = start.replace(tzinfo=None)
    rule = master["RRULE"].to_ical().decode()
    # UNTIL is in UTC in the feed; compare in local wall time like a calendar app.
    starts = [
        moment.replace(tzinfo=start.tzinfo)
        for moment in rrulestr(rule.replace("Z", ""), dtstart=naive, ignoretz=True)
    ]
    exdates = set()
    for exdate in (
        master.get("EXDATE", [])
        if isinstance(master.get("EXDATE"), list)
        else ([master["EXDATE"]] if "EXDATE" in master else [])
    ):
        exdates |= {value.dt for value in exdate.dts}
    changed = {override.decoded("RECURRENCE-ID"): override for override in overrides}
    result = []
    for moment in starts:
        if moment in exdates:
            continue
        override = changed.get(moment)
        result.append((moment, str(override["STATUS"]) if override else str(master["STATUS"])))
    return result


def test_all_events_feed_round_trips_recurrence_across_dst(client, monthly_meeting):
    calendar = fetch_calendar(client, "/en/events/calendar.ics")
    assert calendar.walk("VTIMEZONE"), "feed must carry the city's VTIMEZONE"
    assert str(calendar.walk("VTIMEZONE")[0]["TZID"]) == "America/Chicago"
    components = events_by_uid(calendar)[uid_for(monthly_meeting)]
    master = next(c for c in components if "RRULE" in c)
    assert master.decoded("DTSTART").tzinfo is not None
    assert master["DTSTART"].params["TZID"] == "America/Chicago"
    assert str(master["URL"]).endswith("/en/events/monthly-board-meeting/")
    occurrences = expand_series(master, [])
    assert len(occurrences) == 12
    year = next_year()
    for moment, _status in occurrences:
        local = moment.astimezone(CHICAGO)
        assert (local.hour, local.minute) == (18, 30)
        assert local.date() == second_tuesday(year, local.month)


def test_cancelled_occurrence_is_a_cancelled_override(client, monthly_meeting):
    year = next_year()
    march = second_tuesday(year, 3)
    monthly_meeting.occurrence_changes = [
        (
            "change",
            {
                "original_date": march,
                "status": "cancelled",
                "reason": "Snow emergency",
                "new_start": None,
                "new_end": None,
            },
        )
    ]
    monthly_meeting.skipped_dates = second_tuesday(year, 5).isoformat()
    monthly_meeting.save_revision().publish()
    calendar = fetch_calendar(client, f"{monthly_meeting.url}event.ics")
    components = list(calendar.walk("VEVENT"))
    master = next(c for c in components if "RRULE" in c)
    overrides = [c for c in components if "RECURRENCE-ID" in c]
    assert len(overrides) == 1
    assert overrides[0].decoded("RECURRENCE-ID") == dt.datetime(
        year, 3, march.day, 18, 30, tzinfo=CHICAGO
    )
    assert str(overrides[0]["STATUS"]) == "CANCELLED"
    assert "Snow emergency" in str(overrides[0]["DESCRIPTION"])
    assert int(master["SEQUENCE"]) == 1 == int(overrides[0]["SEQUENCE"])
    occurrences = dict(expand_series(master, overrides))
    assert len(occurrences) == 11  # May skipped
    assert occurrences[dt.datetime(year, 3, march.day, 18, 30, tzinfo=CHICAGO)] == "CANCELLED"
    may = second_tuesday(year, 5)
    assert dt.datetime(year, 5, may.day, 18, 30, tzinfo=CHICAGO) not in occurrences


def test_uid_is_stable_when_the_event_is_renamed(client, monthly_meeting):
    first = fetch_calendar(client, f"{monthly_meeting.url}event.ics")
    monthly_meeting.title = "Renamed board meeting"
    monthly_meeting.save_revision().publish()
    second = fetch_calendar(client, f"{monthly_meeting.url}event.ics")
    uid = lambda cal: str(cal.walk("VEVENT")[0]["UID"])  # noqa: E731
    assert uid(first) == uid(second)
    assert str(second.walk("VEVENT")[0]["SUMMARY"]) == "Renamed board meeting"
    assert int(second.walk("VEVENT")[0]["SEQUENCE"]) == 1


def test_council_feed_has_only_that_councils_meetings(client, demo_page):
    council = demo_page("district-councils").get_children().live().specific().first()
    calendar = fetch_calendar(client, f"/en/events/calendar/council/{council.district_number}.ics")
    summaries = {str(c["SUMMARY"]) for c in calendar.walk("VEVENT")}
    assert summaries == {f"{council.title} board meeting"}
    assert council.title in str(calendar["X-WR-CALNAME"])


def test_topic_feed_and_location(client, make_event):
    make_event(
        "Park bench walk",
        topics="parks",
        venue_name="Como Park",
        address="1199 Midway Parkway\nSaint Paul, MN",
    )
    make_event("Budget chat", topics="budget")
    calendar = fetch_calendar(client, "/en/events/calendar/topic/parks.ics")
    by_summary = {str(c["SUMMARY"]): c for c in calendar.walk("VEVENT")}
    assert "Park bench walk" in by_summary and "Budget chat" not in by_summary
    location = str(by_summary["Park bench walk"]["LOCATION"])
    assert location == "Como Park, 1199 Midway Parkway Saint Paul, MN"


def test_cancelled_event_and_all_day_event(client, make_event):
    cancelled = make_event("Cancelled fair", status="cancelled", status_reason="Storm")
    all_day = make_event("Clean-up day", all_day=True)
    vevent = fetch_calendar(client, f"{cancelled.url}event.ics").walk("VEVENT")[0]
    assert str(vevent["STATUS"]) == "CANCELLED"
    vevent = fetch_calendar(client, f"{all_day.url}event.ics").walk("VEVENT")[0]
    start = all_day.start.astimezone(CHICAGO).date()
    assert vevent.decoded("DTSTART") == start
    assert vevent.decoded("DTEND") == start + dt.timedelta(days=1)


def test_unknown_council_feed_is_a_400(client, db):
    response = client.get("/en/events/calendar/council/99.ics")
    assert response.status_code == 400
    assert "99" in response.content.decode()
