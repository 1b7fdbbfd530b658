"""/api/v2/events/: occurrences in a window, recurrences expanded, clear 400s."""

import datetime as dt

import pytest

from tests.engagement.conftest import CHICAGO, next_year, second_tuesday


def test_window_returns_expanded_occurrences(client, monthly_meeting):
    year = next_year()
    data = client.get(f"/api/v2/events/?from={year}-03-01&to={year}-11-30&topic=housing").json()
    mine = [item for item in data["items"] if item["event"]["id"] == monthly_meeting.pk]
    assert len(mine) == 9
    for item in mine:
        start = dt.datetime.fromisoformat(item["start"])
        assert start.astimezone(CHICAGO).strftime("%H:%M") == "18:30"
        assert start.date() == second_tuesday(year, start.month)
    assert data["meta"]["total_count"] >= 9


def test_cancelled_occurrence_in_api(client, monthly_meeting):
    year = next_year()
    apr = second_tuesday(year, 4)
    monthly_meeting.occurrence_changes = [
        (
            "change",
            {
                "original_date": apr,
                "status": "cancelled",
                "reason": "Holiday",
                "new_start": None,
                "new_end": None,
            },
        )
    ]
    monthly_meeting.save_revision().publish()
    data = client.get(f"/api/v2/events/?from={apr}&to={apr}&topic=housing").json()
    (item,) = data["items"]
    assert item["status"] == "cancelled" and item["reason"] == "Holiday"
    assert item["original_start"].startswith(apr.isoformat())


def test_filters_host_format_and_locale(client, make_event, demo_page):
    make_event("Online only", format="online", topics="environment")
    today = dt.date.today()
    to = (today + dt.timedelta(days=30)).isoformat()
    data = client.get(f"/api/v2/events/?format=online&to={to}").json()
    assert {item["format"] for item in data["items"]} == {"online"}
    council = demo_page("district-councils").get_children().live().specific().first()
    data = client.get(f"/api/v2/events/?host={council.district_number}&to={to}").json()
    assert data["items"] and {item["host"]["council"] for item in data["items"]} == {
        council.district_number
    }
    data = client.get(f"/api/v2/events/?locale=es&host={council.district_number}&to={to}").json()
    assert all("/es/" in item["event"]["html_url"] for item in data["items"])


@pytest.mark.parametrize(
    "query",
    [
        "from=2026-01-01&to=2027-06-01",
        "from=yesterday",
        "host=42",
        "format=carrier-pigeon",
        "locale=xx",
        "from=2027-02-01&to=2027-01-01",
        "limit=-1",
        "colour=blue",
    ],
)
def test_bad_parameters_are_400_with_message(client, db, query):
    response = client.get(f"/api/v2/events/?{query}")
    assert response.status_code == 400
    assert response.json()["message"]


def test_errors_in_callers_language(client, db):
    response = client.get(
        "/api/v2/events/?from=2026-01-01&to=2027-06-01", HTTP_ACCEPT_LANGUAGE="es"
    )
    assert response.status_code == 400
    assert "puede durar como máximo 366 días" in response.json()["message"]


def test_openapi_describes_events(client, db):
    schema = client.get("/api/schema/").json()
    operation = schema["paths"]["/api/v2/events/"]["get"]
    assert {p["name"] for p in operation["parameters"]} >= {
        "from",
        "to",
        "host",
        "topic",
        "format",
        "locale",
    }
    assert "EventOccurrence" in schema["components"]["schemas"]


def test_event_page_api_fields(client, monthly_meeting):
    data = client.get(f"/api/v2/pages/{monthly_meeting.pk}/").json()
    assert data["recurrence"] == "FREQ=MONTHLY;BYDAY=+2TU;COUNT=12"
    assert len(data["upcoming_occurrences"]) == 12
    assert data["topic_list"] == ["housing"]


def test_window_of_366_days_is_allowed_and_367_refused(client, db):
    from engagement.api import MAX_WINDOW_DAYS

    assert MAX_WINDOW_DAYS == 366
    start = dt.date(next_year(), 1, 1)
    last = start + dt.timedelta(days=MAX_WINDOW_DAYS - 1)
    assert client.get(f"/api/v2/events/?from={start}&to={last}").status_code == 200
    past = client.get(f"/api/v2/events/?from={start}&to={last + dt.timedelta(days=1)}")
    assert past.status_code == 400
    assert past.json()["message"] == (
        "The window from “from” to “to” is 367 days long; it can be at most 366 days."
    )


def test_limit_is_cut_to_500(client, make_event):
    from engagement.api import MAX_LIMIT

    assert MAX_LIMIT == 500
    start = dt.datetime(next_year(), 1, 1, 7, 0, tzinfo=CHICAGO)
    for title in ("Morning walk", "Evening walk"):  # 2 × 366 occurrences in the window
        make_event(title, start=start, recurrence="FREQ=DAILY;COUNT=400")
    window = f"from={start.date()}&to={start.date() + dt.timedelta(days=365)}"
    at_max = client.get(f"/api/v2/events/?{window}&limit=500").json()
    assert at_max["meta"]["total_count"] > 500
    assert len(at_max["items"]) == 500
    past = client.get(f"/api/v2/events/?{window}&limit=501").json()
    assert len(past["items"]) == 500
