"""A recurring series that is called off, and single occurrences that change, everywhere a
visitor sees them: the occurrence table, the events API, the iCal feed and the events list."""

import datetime as dt

from engagement.models import EventOccurrence
from tests.engagement.conftest import CHICAGO, local, next_year, second_tuesday
from tests.engagement.test_ical import expand_series, fetch_calendar


def change(original_date, status, reason="", new_start=None, new_end=None):
    return (
        "change",
        {
            "original_date": original_date,
            "status": status,
            "reason": reason,
            "new_start": new_start,
            "new_end": new_end,
        },
    )


def rows(event):
    return list(EventOccurrence.objects.filter(event=event).order_by("original_start"))


def api_items(client, event, day_from, day_to):
    data = client.get(f"/api/v2/events/?from={day_from}&to={day_to}&topic=housing").json()
    return [item for item in data["items"] if item["event"]["id"] == event.pk]


def test_cancelled_series_is_cancelled_everywhere(client, monthly_meeting):
    year = next_year()
    monthly_meeting.status = "cancelled"
    monthly_meeting.status_reason = "Board dissolved"
    monthly_meeting.save_revision().publish()

    table = rows(monthly_meeting)
    assert len(table) == 12
    assert {(row.status, row.reason) for row in table} == {("cancelled", "Board dissolved")}

    items = api_items(client, monthly_meeting, f"{year}-01-01", f"{year}-12-31")
    assert len(items) == 12
    assert {(item["status"], item["reason"]) for item in items} == {
        ("cancelled", "Board dissolved")
    }

    calendar = fetch_calendar(client, f"{monthly_meeting.url}event.ics")
    (master,) = calendar.walk("VEVENT")
    assert str(master["STATUS"]) == "CANCELLED"
    assert {status for _moment, status in expand_series(master, [])} == {"CANCELLED"}

    march = second_tuesday(year, 3)
    html = client.get(f"/en/events/?from={march}&to={march}").content.decode()
    assert "event-item--cancelled" in html and "Board dissolved" in html


def test_postponed_series_is_postponed_in_the_table_api_and_list(client, monthly_meeting):
    year = next_year()
    monthly_meeting.status = "postponed"
    monthly_meeting.status_reason = "New date to follow"
    monthly_meeting.save_revision().publish()

    assert {row.status for row in rows(monthly_meeting)} == {"postponed"}
    items = api_items(client, monthly_meeting, f"{year}-01-01", f"{year}-12-31")
    assert {item["status"] for item in items} == {"postponed"}
    master = fetch_calendar(client, f"{monthly_meeting.url}event.ics").walk("VEVENT")[0]
    assert str(master["STATUS"]) == "TENTATIVE"
    april = second_tuesday(year, 4)
    html = client.get(f"/en/events/?from={april}&to={april}").content.decode()
    assert "<strong>Postponed</strong>: New date to follow" in html


def test_single_occurrences_cancelled_postponed_rescheduled_and_moved_online(
    client, monthly_meeting
):
    year = next_year()
    feb, mar, apr, may = (second_tuesday(year, month) for month in (2, 3, 4, 5))
    moved_to = dt.datetime(year, mar.month, mar.day + 2, 17, 0)  # naive, as the admin stores it
    monthly_meeting.online_url = "https://meet.example.org/board"
    monthly_meeting.occurrence_changes = [
        change(feb, "postponed", "Waiting for the budget"),
        change(mar, "rescheduled", "Room booked", new_start=moved_to),
        change(apr, "moved_online", "Building closed"),
        change(may, "cancelled", "Holiday"),
    ]
    monthly_meeting.save_revision().publish()

    table = {row.original_start.astimezone(CHICAGO).date(): row for row in rows(monthly_meeting)}
    assert len(table) == 12
    expected = {
        feb: ("postponed", "Waiting for the budget"),
        mar: ("rescheduled", "Room booked"),
        apr: ("moved_online", "Building closed"),
        may: ("cancelled", "Holiday"),
    }
    for day, row in table.items():
        assert (row.status, row.reason, row.changed) == (
            (*expected[day], True) if day in expected else ("scheduled", "", False)
        ), day
    moved = table[mar]
    assert moved.start == local(year, mar.month, mar.day + 2, 17, 0)
    assert moved.end == local(year, mar.month, mar.day + 2, 19, 0)  # the same two hours
    assert table[apr].start == local(year, apr.month, apr.day)

    items = api_items(client, monthly_meeting, feb, may)
    assert [(item["status"], item["reason"]) for item in items] == list(expected.values())
    assert dt.datetime.fromisoformat(items[1]["start"]) == moved.start
    assert items[1]["original_start"].startswith(mar.isoformat())

    calendar = fetch_calendar(client, f"{monthly_meeting.url}event.ics")
    components = list(calendar.walk("VEVENT"))
    overrides = {
        c.decoded("RECURRENCE-ID").astimezone(CHICAGO).date(): c
        for c in components
        if "RECURRENCE-ID" in c
    }
    assert set(overrides) == {feb, mar, apr, may}
    assert str(overrides[may]["STATUS"]) == "CANCELLED"
    assert overrides[may].decoded("RECURRENCE-ID") == local(year, may.month, may.day)
    assert str(overrides[feb]["STATUS"]) == "TENTATIVE"
    assert overrides[mar].decoded("DTSTART") == moved.start
    assert str(overrides[apr]["LOCATION"]) == "https://meet.example.org/board"

    listed = {
        feb: ("Postponed", "Waiting for the budget"),
        moved.start.astimezone(CHICAGO).date(): ("Rescheduled", "Room booked"),
        apr: ("Moved online", "Building closed"),
        may: ("Cancelled", "Holiday"),
    }
    for day, (label, reason) in listed.items():
        html = client.get(f"/en/events/?from={day}&to={day}&topic=housing").content.decode()
        assert f"<strong>{label}</strong>: {reason}" in html, day
    html = client.get(f"/en/events/?from={mar}&to={mar}&topic=housing").content.decode()
    assert "Monthly board meeting" not in html  # it moved away from its usual day
