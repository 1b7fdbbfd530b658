"""Events index: upcoming list, filters, archive, month view, errors in the visitor's language."""

import datetime as dt

import pytest

from tests.engagement.conftest import CHICAGO, next_year, second_tuesday


def test_upcoming_list_shows_events_and_advertises_feeds(client, make_event):
    make_event("Garden meetup", topics="environment")
    html = client.get("/en/events/").content.decode()
    assert "Garden meetup" in html
    assert '<link rel="alternate" type="text/calendar" href="/en/events/calendar.ics"' in html


def test_filters_by_topic_format_language_and_council(client, make_event, demo_page):
    make_event("Parks walk", topics="parks", format="in_person", interpretation="hmn")
    make_event("Budget webinar", topics="budget", format="online", languages_spoken="so")
    assert "Parks walk" in client.get("/en/events/?topic=parks").content.decode()
    assert "Budget webinar" not in client.get("/en/events/?topic=parks").content.decode()
    assert "Budget webinar" in client.get("/en/events/?format=online").content.decode()
    html = client.get("/en/events/?language=hmn").content.decode()
    assert "Parks walk" in html and "Budget webinar" not in html
    council = demo_page("district-councils").get_children().live().specific().first()
    html = client.get(f"/en/events/?council={council.district_number}").content.decode()
    assert f"{council.title} board meeting" in html and "Parks walk" not in html
    assert f"/en/events/calendar/council/{council.district_number}.ics" in html


def test_date_range(client, make_event):
    # Midday, so the two-hour event never runs past midnight into the next day.
    start = (dt.datetime.now(CHICAGO) + dt.timedelta(days=40)).replace(
        hour=12, minute=0, second=0, microsecond=0
    )
    make_event("Far event", start=start)
    day = start.date().isoformat()
    assert "Far event" in client.get(f"/en/events/?from={day}&to={day}").content.decode()
    other = (start.date() + dt.timedelta(days=1)).isoformat()
    assert "Far event" not in client.get(f"/en/events/?from={other}&to={other}").content.decode()


@pytest.mark.parametrize(
    ("query", "english", "spanish"),
    [
        ("from=2026-02-30", "is not a valid date", "no es una fecha válida"),
        ("council=99", "There is no district council", "No existe el consejo de distrito"),
        ("council=abc", "There is no district council", "No existe el consejo de distrito"),
        ("from=2027-05-01&to=2027-04-01", "is before the start date", "es anterior a la fecha"),
        ("page=zero", "is not a page number", "no es un número de página"),
        ("page=500", "There is no page 500", "No hay una página 500"),
        ("topic=nope", "Unknown topic", "Tema desconocido"),
    ],
)
def test_bad_filters_give_400_with_message_in_visitors_language(
    client, db, query, english, spanish
):
    response = client.get(f"/en/events/?{query}")
    assert response.status_code == 400
    assert english in response.content.decode()
    response = client.get(f"/es/events/?{query}")
    assert response.status_code == 400
    assert spanish in response.content.decode()


def test_bad_month_is_400(client, db):
    response = client.get("/so/events/month/2026-13/")
    assert response.status_code == 400
    assert "Bishaas ma jirto." in response.content.decode()


def test_month_view_places_occurrences_on_their_days(client, monthly_meeting):
    year = next_year()
    march = second_tuesday(year, 3)  # the series is on the second Tuesday, at 6:30 pm
    html = client.get(f"/en/events/month/{year}-03/").content.decode()
    days = html.split('<time datetime="')
    cells = {day[:10]: day for day in days[1:]}
    assert "Monthly board meeting" in cells[march.isoformat()]
    assert "6:30" in cells[march.isoformat()]
    others = [text for day, text in cells.items() if day != march.isoformat()]
    assert len(others) >= 27 and not any("Monthly board meeting" in text for text in others)


def test_past_archive(client, make_event):
    start = dt.datetime.now(CHICAGO).replace(microsecond=0) - dt.timedelta(days=10)
    make_event("Last week's cleanup", slug="cleanup", start=start)
    assert "Last week" in client.get("/en/events/past/").content.decode()
    assert "Last week" not in client.get("/en/events/").content.decode()


def test_pagination(client, make_event):
    for number in range(25):
        make_event(f"Paged event {number}", slug=f"paged-{number}", topics="safety")
    first = client.get("/en/events/?topic=safety").content.decode()
    second = client.get("/en/events/?topic=safety&page=2").content.decode()
    assert first.count("Paged event") == 20 and second.count("Paged event") == 5
    assert "Page 1 of 2" in first


def test_cancelled_occurrence_is_marked_in_the_list_and_on_the_page(client, monthly_meeting):
    # The fixture's first meeting: the second Tuesday of January next year.
    first = second_tuesday(next_year(), 1)
    monthly_meeting.occurrence_changes = [
        (
            "change",
            {
                "original_date": first,
                "status": "cancelled",
                "reason": "Room flooded",
                "new_start": None,
                "new_end": None,
            },
        )
    ]
    monthly_meeting.save_revision().publish()
    for url in (
        f"/en/events/?from={first}&to={first}",
        monthly_meeting.url,
    ):
        html = client.get(url).content.decode()
        assert "Cancelled" in html and "Room flooded" in html


def test_dates_in_visitors_language(client, monthly_meeting):
    html = client.get(monthly_meeting.url.replace("/en/", "/es/")).content.decode()
    assert "martes" in html
    html = client.get(monthly_meeting.url.replace("/en/", "/so/")).content.decode()
    assert "Tuesday" not in html.split('class="occurrence-list"')[1].split("</ul>")[0]


def test_event_page_details_and_flyer(client, make_event):
    event = make_event(
        "Tenant workshop",
        venue_name="Central Library",
        address="90 W 4th St",
        interpretation="es,asl",
        childcare=True,
        step_free_access=True,
        online_url="https://meet.example.org/",
        format="hybrid",
    )
    html = client.get(event.url).content.decode()
    for text in (
        "Central Library",
        "Spanish, American Sign Language (ASL)",
        "Join online",
        "calendar.google.com",
        "event.ics",
        "Step-free access",
    ):
        assert text in html
    flyer = client.get(f"{event.url}flyer/").content.decode()
    assert 'media="print"' in flyer and 'src="data:image/svg+xml;base64,' in flyer
    spanish = client.get(f"{event.url.replace('/en/', '/es/')}flyer/").content.decode()
    assert "Escanee para ver detalles" in spanish


def test_home_page_teaser_lists_the_soonest_events(client, make_event, locales):
    from engagement.models import EventOccurrence

    now = dt.datetime.now(CHICAGO).replace(microsecond=0)
    # Sooner than anything the demo has coming up (or under way) whatever the hour of the run.
    soonest = EventOccurrence.objects.live().for_locale(locales["en"]).upcoming().first()
    start = min(now + dt.timedelta(hours=2), soonest.start - dt.timedelta(minutes=5))
    make_event("Soonest meetup", slug="soonest", start=start, end=now + dt.timedelta(hours=3))
    html = client.get("/en/").content.decode()
    assert "Upcoming meetings and events" in html and "Soonest meetup" in html


def test_unpublished_event_disappears_from_lists_and_feeds(client, make_event):
    event = make_event("Withdrawn talk", slug="withdrawn")
    assert "Withdrawn talk" in client.get("/en/events/").content.decode()
    event.unpublish()
    assert "Withdrawn talk" not in client.get("/en/events/").content.decode()
    assert b"Withdrawn talk" not in client.get("/en/events/calendar.ics").content
