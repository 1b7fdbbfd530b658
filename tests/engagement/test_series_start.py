"""A series' first occurrence is always a date its repeat rule gives (RFC 5545's DTSTART).

iCalendar counts DTSTART as an occurrence whether or not the RRULE produces it, while
the occurrence table (and so the events API) does not; both agree only when the start
is itself a date the rule gives.
"""

import datetime as dt
from io import StringIO

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError

import pytest
from dateutil.rrule import rrulestr

from engagement.demo import loader as demo
from engagement.models import EventPage
from tests.engagement.conftest import local, next_year

RULE = "FREQ=MONTHLY;BYDAY=+2TU"


def first_tuesday(year, month):
    first = dt.date(year, month, 1)
    return first + dt.timedelta(days=(1 - first.weekday()) % 7)


def board_meeting(year, day):
    """A monthly board meeting (second Tuesday) whose series starts on ``day`` of September."""
    return EventPage(
        title="Board",
        slug="board",
        summary="About the board.",
        start=local(year, 9, day.day),
        end=local(year, 9, day.day, 20, 30),
        recurrence=RULE,
    )


def test_model_refuses_a_start_the_rule_does_not_give(demo_page):
    year = next_year()
    day = first_tuesday(year, 9)  # a Tuesday, but never the second one
    page = board_meeting(year, day)
    with pytest.raises(ValidationError) as error:
        page.clean()
    assert "start" in error.value.message_dict
    assert f"{year}-09-{day.day + 7:02d} 18:30" in error.value.message_dict["start"][0]


def test_model_accepts_a_start_the_rule_gives():
    year = next_year()
    day = first_tuesday(year, 9) + dt.timedelta(days=7)
    page = board_meeting(year, day)
    page.clean()


@pytest.mark.django_db
def test_admin_form_names_the_first_real_date_once(demo_page):
    year = next_year()
    day = first_tuesday(year, 9)
    form_class = EventPage.get_edit_handler().get_form_class()
    user = get_user_model().objects.filter(is_superuser=True).first()
    streams = {
        f"{name}-count": "0"
        for name, field in form_class.base_fields.items()
        if hasattr(field, "block")
    }
    form = form_class(
        {
            **streams,
            "title": "Board",
            "slug": "board",
            "summary": "About the board.",
            "start": f"{year}-09-{day.day:02d} 18:30",
            "end": f"{year}-09-{day.day:02d} 20:30",
            "recurrence": RULE,
        },
        instance=EventPage(),
        for_user=user,
        parent_page=demo_page("events"),
    )
    assert not form.is_valid()
    assert len(form.errors["start"]) == 1
    assert f"{year}-09-{day.day + 7:02d}" in form.errors["start"][0]


def test_demo_series_start_on_a_date_their_rule_gives(db):
    events = EventPage.objects.exclude(recurrence="").filter(locale__language_code="en")
    assert events.count() == 17
    for event in events:
        naive = event.start.astimezone(local(2000, 1, 1).tzinfo).replace(tzinfo=None)
        first = next(iter(rrulestr(event.recurrence, dtstart=naive)))
        assert first == naive, (event.title, event.start, event.recurrence)


def test_demo_loader_builds_series_on_their_rule(db):
    demo.load_board_meetings(demo.ensure_councils(_home(), StringIO()), StringIO())
    for event in EventPage.objects.exclude(recurrence=""):
        event.full_clean()


def _home():
    from wagtail.models import Locale, Page

    return Page.objects.get(depth=2, locale=Locale.objects.get(language_code="en")).specific
