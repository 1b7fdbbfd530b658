"""What the events lists show (``engagement/models/schedule.py``, ``engagement/filters.py``):
which dates a series has, each date's status, and which events a visitor's filters keep.

Events are saved like an editor saves them; the lists, feeds and API all read the
occurrence table those saves write (``EventOccurrence.objects.listing``).
"""

import datetime as dt
import zoneinfo

from django.core.exceptions import ValidationError
from django.db import connection
from django.http import QueryDict
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from wagtail.models import Locale

import pytest
import time_machine

from district_councils.models import DistrictCouncilPage
from engagement.filters import FilterError, councils_for_locale, parse_filters
from engagement.models import EventOccurrence, EventPage

pytestmark = pytest.mark.django_db

CHICAGO = zoneinfo.ZoneInfo("America/Chicago")
YEAR = dt.date.today().year + 1  # always ahead, so every date is upcoming


def at(month, day, hour=18, minute=30, year=YEAR):
    return dt.datetime(year, month, day, hour, minute, tzinfo=CHICAGO)


@pytest.fixture
def make_event(add_page):
    def make(title, start, end=None, parent=None, **fields):
        return add_page(
            title,
            parent=parent,
            page=EventPage(
                summary=f"About {title}.",
                start=start,
                end=end or start + dt.timedelta(hours=2),
                **fields,
            ),
        )

    return make


def listed(event, **filters):
    """(local start, status, reason) of the event's dates the public lists show."""
    english = Locale.objects.get(language_code="en")
    params = QueryDict(mutable=True)
    params.update(filters)
    rows = EventOccurrence.objects.listing(english, parse_filters(params, english)).filter(
        event=event
    )
    return [
        (row.start.astimezone(CHICAGO).replace(tzinfo=None), row.status, row.reason) for row in rows
    ]


def local(year, month, day, hour=18, minute=30):
    return dt.datetime(year, month, day, hour, minute)


# --- schedule: dates and statuses ---------------------------------------------------------


def test_a_one_off_event_is_listed_once_with_its_status(make_event):
    event = make_event(
        "Budget hearing", at(3, 10), status="postponed", status_reason="Snow emergency"
    )
    assert listed(event) == [(local(YEAR, 3, 10), "postponed", "Snow emergency")]


def test_a_cancelled_series_shows_every_date_cancelled_with_the_reason(make_event):
    event = make_event(
        "Weekly office hours",
        at(3, 2, 10, 0),
        recurrence="FREQ=WEEKLY;COUNT=3",
        status="cancelled",
        status_reason="The office has moved",
    )
    assert listed(event) == [
        (local(YEAR, 3, day, 10, 0), "cancelled", "The office has moved") for day in (2, 9, 16)
    ]


def test_one_cancelled_date_leaves_the_rest_of_the_series_scheduled(make_event):
    event = make_event(
        "Board meeting",
        at(4, 1),
        recurrence="FREQ=DAILY;COUNT=3",
        occurrence_changes=[
            ("change", {"original_date": dt.date(YEAR, 4, 2), "status": "cancelled"}),
        ],
    )
    assert listed(event) == [
        (local(YEAR, 4, 1), "scheduled", ""),
        (local(YEAR, 4, 2), "cancelled", ""),
        (local(YEAR, 4, 3), "scheduled", ""),
    ]


def test_a_change_keeps_its_own_status_and_reason_in_a_postponed_series(make_event):
    event = make_event(
        "Zoning committee",
        at(5, 4),
        recurrence="FREQ=WEEKLY;COUNT=2",
        status="postponed",
        status_reason="Waiting for the new map",
        occurrence_changes=[
            (
                "change",
                {
                    "original_date": dt.date(YEAR, 5, 11),
                    "status": "moved_online",
                    "reason": "Room unavailable",
                },
            ),
            ("change", {"original_date": None, "status": "cancelled"}),  # half-filled: ignored
        ],
    )
    assert listed(event) == [
        (local(YEAR, 5, 4), "postponed", "Waiting for the new map"),
        (local(YEAR, 5, 11), "moved_online", "Room unavailable"),
    ]


def test_a_rescheduled_date_moves_with_its_new_times_in_city_time(make_event):
    event = make_event(
        "Parks workshop",
        at(6, 1),
        at(6, 1, 20, 0),
        recurrence="FREQ=WEEKLY;COUNT=2",
        occurrence_changes=[
            (
                "change",
                {
                    "original_date": dt.date(YEAR, 6, 8),
                    "status": "rescheduled",
                    "reason": "Moved to Thursday",
                    "new_start": dt.datetime(YEAR, 6, 11, 17, 0),  # as the editor types it
                    "new_end": dt.datetime(YEAR, 6, 11, 19, 15),
                },
            ),
        ],
    )
    assert listed(event) == [
        (local(YEAR, 6, 1), "scheduled", ""),
        (local(YEAR, 6, 11, 17, 0), "rescheduled", "Moved to Thursday"),
    ]
    moved = EventOccurrence.objects.get(event=event, status="rescheduled")
    assert moved.end == at(6, 11, 19, 15)
    assert moved.original_start == at(6, 8)
    assert moved.changed


def test_a_new_start_without_a_new_end_keeps_the_length(make_event):
    event = make_event(
        "Budget walk",
        at(6, 1),
        at(6, 1, 19, 45),
        recurrence="FREQ=WEEKLY;COUNT=2",
        occurrence_changes=[
            (
                "change",
                {
                    "original_date": dt.date(YEAR, 6, 8),
                    "status": "rescheduled",
                    "new_start": dt.datetime(YEAR, 6, 9, 12, 0),
                },
            ),
        ],
    )
    moved = EventOccurrence.objects.get(event=event, status="rescheduled")
    assert (moved.start, moved.end) == (at(6, 9, 12, 0), at(6, 9, 13, 15))


def test_new_times_are_city_time_whatever_zone_is_active(make_event):
    """Wagtail's admin activates each editor's own time zone; the new times an editor types
    for a date are still the city's."""
    with timezone.override(zoneinfo.ZoneInfo("Asia/Tokyo")):
        event = make_event(
            "Ward walk",
            at(6, 1),
            at(6, 1, 20, 0),
            recurrence="FREQ=WEEKLY;COUNT=2",
            occurrence_changes=[
                (
                    "change",
                    {
                        "original_date": dt.date(YEAR, 6, 8),
                        "status": "rescheduled",
                        "new_start": dt.datetime(YEAR, 6, 11, 17, 0),
                        "new_end": dt.datetime(YEAR, 6, 11, 19, 15),
                    },
                ),
            ],
        )
    moved = EventOccurrence.objects.get(event=event, status="rescheduled")
    assert (moved.start, moved.end) == (at(6, 11, 17, 0), at(6, 11, 19, 15))


def test_a_change_with_no_date_is_passed_over_and_the_next_one_applies(make_event):
    event = make_event(
        "Council office hours",
        at(7, 1),
        recurrence="FREQ=DAILY;COUNT=3",
        occurrence_changes=[
            ("change", {"original_date": None, "status": "cancelled"}),
            ("change", {"original_date": dt.date(YEAR, 7, 3), "status": "postponed"}),
        ],
    )
    assert [status for _start, status, _reason in listed(event)] == [
        "scheduled",
        "scheduled",
        "postponed",
    ]


def test_a_series_without_an_end_is_expanded_up_to_the_horizon_asked_for(make_event):
    event = make_event("Weekly clinic", at(2, 2), recurrence="FREQ=WEEKLY")
    dates = event.expand(horizon=at(2, 23))
    assert [occurrence.start for occurrence in dates] == [at(2, day) for day in (2, 9, 16, 23)]


def test_a_draft_event_is_not_listed(make_event):
    event = make_event("Draft hearing", at(3, 3), live=False)
    assert listed(event) == []


def test_a_change_without_a_status_cancels_the_date(make_event):
    event = make_event(
        "Library talk",
        at(7, 1),
        recurrence="FREQ=DAILY;COUNT=2",
        occurrence_changes=[("change", {"original_date": dt.date(YEAR, 7, 2), "status": ""})],
    )
    assert [status for _start, status, _reason in listed(event)] == ["scheduled", "cancelled"]


def test_skipped_dates_are_left_out(make_event):
    event = make_event(
        "Daily clinic",
        at(8, 3, 9, 0),
        recurrence="FREQ=DAILY;COUNT=4",
        skipped_dates=f"{YEAR}-08-04\n\n  {YEAR}-08-06  \n",
    )
    assert [start.day for start, _status, _reason in listed(event)] == [3, 5]


def test_an_all_day_event_covers_the_whole_day_in_city_time(make_event):
    event = make_event("Cleanup day", at(9, 12, 14, 0), at(9, 13, 9, 0), all_day=True)
    row = EventOccurrence.objects.get(event=event)
    assert row.all_day
    assert row.start == at(9, 12, 0, 0)
    assert row.end == at(9, 13, 23, 59)


def test_the_rows_carry_the_event_s_filters(make_event):
    event = make_event(
        "Transit forum",
        at(10, 5),
        topics="transportation,budget",
        languages_spoken="en",
        interpretation="so,es",
        format="hybrid",
    )
    row = EventOccurrence.objects.get(event=event)
    assert row.topics == ",transportation,budget,"
    assert row.languages == ",en,es,so,"
    assert row.format == "hybrid"
    assert row.locale_id == event.locale_id
    bare = make_event("Quiet meeting", at(10, 6))
    row = EventOccurrence.objects.get(event=bare)
    assert (row.topics, row.languages) == ("", "")


def test_saving_again_replaces_the_dates_instead_of_adding_to_them(make_event):
    event = make_event("Walk", at(3, 3), recurrence="FREQ=DAILY;COUNT=2")
    event.recurrence = "FREQ=DAILY;COUNT=3"
    event.save()
    assert len(listed(event)) == 3


def test_the_page_lists_the_next_twelve_dates_from_now(make_event):
    event = make_event("Daily standup", at(1, 1, 9, 0), recurrence="FREQ=DAILY;COUNT=20")
    upcoming = event.upcoming_occurrences
    assert len(upcoming) == 12
    assert upcoming[0] == {
        "start": at(1, 1, 9, 0).isoformat(),
        "end": at(1, 1, 11, 0).isoformat(),
        "status": "scheduled",
        "reason": "",
        "original_start": at(1, 1, 9, 0).isoformat(),
    }
    assert upcoming[11]["start"] == at(1, 12, 9, 0).isoformat()


def test_the_page_lists_twelve_dates_when_the_series_has_twelve_or_thirteen(make_event):
    for count in (12, 13):
        event = make_event(
            f"Clinic {count}", at(1, 1, 9, 0), recurrence=f"FREQ=DAILY;COUNT={count}"
        )
        assert [occ["start"] for occ in event.upcoming_occurrences] == [
            at(1, day, 9, 0).isoformat() for day in range(1, 13)
        ]


def test_a_one_off_event_has_no_original_start(make_event):
    event = make_event("Open house", at(2, 2))
    assert event.upcoming_occurrences[0]["original_start"] is None
    assert not event.is_recurring
    assert make_event("Weekly", at(2, 3), recurrence="FREQ=WEEKLY;COUNT=2").is_recurring


def test_a_date_is_upcoming_until_its_last_minute(make_event):
    event = make_event("Daily walk", at(3, 1, 9, 0), recurrence="FREQ=DAILY;COUNT=6")
    with time_machine.travel(at(3, 4, 11, 0), tick=False):  # the 4th walk ends at 11:00
        assert [occ.start.day for occ in EventPage.objects.get(pk=event.pk).upcoming] == [
            4,
            5,
            6,
        ]
    with time_machine.travel(at(3, 4, 11, 0) + dt.timedelta(seconds=1), tick=False):
        assert [occ.start.day for occ in EventPage.objects.get(pk=event.pk).upcoming] == [5, 6]


def first_monday_of_march():
    first = dt.date(YEAR, 3, 1)
    return first + dt.timedelta(days=-first.weekday() % 7)


def test_a_series_starts_at_its_rule_s_first_date(make_event):
    monday = first_monday_of_march()
    event = EventPage(
        title="Wednesday series",
        # A date the rule does not give, as pages saved before validation existed have.
        start=at(3, monday.day),
        end=at(3, monday.day, 20, 0),
        recurrence="FREQ=WEEKLY;BYDAY=WE;COUNT=2",
    )
    assert event.series_start == at(3, monday.day + 2)
    assert event.series_end == at(3, monday.day + 2, 20, 0)
    one_off = EventPage(title="One-off", start=at(3, 1), end=at(3, 1, 20, 0))
    assert (one_off.series_start, one_off.series_end) == (at(3, 1), at(3, 1, 20, 0))


# --- schedule: what the editor is told -----------------------------------------------------


def clean_errors(**fields):
    page = EventPage(title="Meeting", slug="meeting", summary="About it.", **fields)
    with pytest.raises(ValidationError) as caught:
        page.clean()
    return {field: list(messages) for field, messages in caught.value.message_dict.items()}


def test_an_end_before_the_start_is_refused_at_the_end_field():
    errors = clean_errors(start=at(3, 3), end=at(3, 3, 18, 29))
    assert errors == {"end": ["The end must be after the start."]}


def test_an_end_equal_to_the_start_is_accepted():
    page = EventPage(title="Meeting", slug="meeting", summary="x", start=at(3, 3), end=at(3, 3))
    page.clean()


def test_a_bad_skipped_date_is_refused_at_that_field():
    errors = clean_errors(start=at(3, 3), end=at(3, 3, 20), skipped_dates="2027-02-30")
    assert errors == {
        "skipped_dates": ["“2027-02-30” is not a date. Write one date a line as YYYY-MM-DD."]
    }


def test_a_start_the_rule_does_not_give_is_refused_at_the_start_field():
    monday = first_monday_of_march()
    errors = clean_errors(
        start=at(3, monday.day),
        end=at(3, monday.day, 20),
        recurrence="rrule:freq=weekly;byday=we",
    )
    assert list(errors) == ["start"]
    assert errors["start"][0].startswith("The start is not a date the repeat rule gives")
    assert f"{YEAR}-03-{monday.day + 2:02d} 18:30" in errors["start"][0]


def test_a_rule_that_gives_no_date_is_refused_at_the_start_field():
    errors = clean_errors(
        start=at(3, 3), end=at(3, 3, 20), recurrence=f"FREQ=DAILY;UNTIL={YEAR - 2}0101"
    )
    assert errors == {"start": ["The repeat rule gives no date from the start on."]}


def test_the_rule_is_stored_in_its_plain_form():
    wednesday = first_monday_of_march() + dt.timedelta(days=2)
    page = EventPage(
        title="Meeting",
        summary="x",
        start=at(3, wednesday.day),
        end=at(3, wednesday.day, 20),
        recurrence=" rrule:freq=weekly;byday=we ",
    )
    page.clean()
    assert page.recurrence == "FREQ=WEEKLY;BYDAY=WE"


def test_a_page_with_a_bad_skipped_date_still_lists_its_dates(make_event):
    event = make_event("Legacy series", at(4, 6), recurrence="FREQ=DAILY;COUNT=2")
    EventPage.objects.filter(pk=event.pk).update(skipped_dates="not a date")
    event.refresh_from_db()
    event.refresh_occurrences()
    assert len(listed(event)) == 2


def test_a_schedule_change_is_a_new_calendar_sequence_and_other_edits_are_not(make_event):
    event = make_event("Housing forum", at(5, 5))
    assert event.sequence == 0
    event.venue_name = "Rondo Library"
    event.save()
    assert event.sequence == 1  # where it happens is part of what calendars show
    event.body = []
    event.search_description = "A forum."
    event.save()
    assert event.sequence == 1
    for field, value in [
        ("end", at(5, 5, 21, 0)),
        ("status", "cancelled"),
        ("status_reason", "Flooding"),
        ("skipped_dates", f"{YEAR}-05-05"),
        ("online_url", "https://meet.example.org/forum"),
        ("summary", "A new summary."),
        ("title", "Housing forum (new date)"),
        ("format", "online"),
        ("address", "461 N Dale St"),
        ("all_day", True),
        ("start", at(5, 5, 17, 0)),
        ("recurrence", "FREQ=WEEKLY;COUNT=2"),
        ("occurrence_changes", [("change", {"original_date": dt.date(YEAR, 5, 12)})]),
    ]:
        before = event.sequence
        setattr(event, field, value)
        event.save()
        assert event.sequence == before + 1, field


# --- filters ------------------------------------------------------------------------------


@pytest.fixture
def councils(add_page, spanish):
    index = add_page("Councils")
    made = {}
    # Numbers the demo's councils do not use, so a full run's demo councils never match.
    for number in (42, 41, 43):
        made[number] = add_page(
            f"District {number} council",
            parent=index,
            page=DistrictCouncilPage(district_number=number),
        )
    made[43].unpublish()
    return made


def filters_of(**params):
    query = QueryDict(mutable=True)
    query.update(params)
    return parse_filters(query, Locale.objects.get(language_code="en"))


def refused(message, **params):
    with pytest.raises(FilterError) as caught:
        filters_of(**params)
    assert caught.value.message == message


def test_no_filters_lists_the_published_councils_in_number_order(councils):
    filters = filters_of()
    assert not filters.active
    ours = {council.pk for council in councils.values()}
    offered = [council.district_number for council in filters.councils if council.pk in ours]
    assert offered == [41, 42]


def test_each_filter_on_its_own_makes_the_list_filtered(councils):
    for params in (
        {"from": f"{YEAR}-01-01"},
        {"to": f"{YEAR}-01-01"},
        {"council": "42"},
        {"topic": "housing"},
        {"format": "online"},
        {"language": "so"},
    ):
        assert filters_of(**params).active, params


def test_a_council_is_chosen_by_its_number(councils):
    assert filters_of(council=" 42 ").council.pk == councils[42].pk
    refused(
        "There is no district council “43”. Choose a council number from 1 to 17.",
        council="43",
    )
    refused(
        "There is no district council “two”. Choose a council number from 1 to 17.",
        council="two",
    )


def test_the_api_names_the_council_parameter_host(councils):
    query = QueryDict("host=41&council=42")
    filters = parse_filters(query, Locale.objects.get(language_code="en"), council_param="host")
    assert filters.council.pk == councils[41].pk


def test_a_spanish_list_offers_the_spanish_councils_only(councils, spanish):
    filters = parse_filters(QueryDict(), spanish)
    assert not {council.pk for council in filters.councils} & {c.pk for c in councils.values()}


def test_topic_format_and_language_must_be_known_codes(db):
    filters = filters_of(topic=" housing ", format="hybrid", language="hmn")
    assert (filters.topic, filters.format, filters.language) == ("housing", "hybrid", "hmn")
    refused("Unknown topic “zoning”.", topic="zoning")
    refused("Unknown format “virtual”. Use in_person, online or hybrid.", format="virtual")
    refused("Unknown language “fr”.", language="fr")
    empty_dates = filters_of(**{"from": "", "to": " "})
    assert (empty_dates.date_from, empty_dates.date_to, empty_dates.active) == (None, None, False)
    blank = filters_of(topic=" ", format="", language=" ")
    assert (blank.topic, blank.format, blank.language, blank.active) == ("", "", "", False)


def test_the_date_range_keeps_the_whole_last_day_in_city_time(make_event):
    late = make_event("Late meeting", at(3, 10, 23, 30), at(3, 10, 23, 45))
    next_morning = make_event("Early meeting", at(3, 11, 0, 0), at(3, 11, 1, 0))
    before = make_event("Evening before", at(3, 9, 22, 0), at(3, 9, 23, 59))
    day = {"from": f"{YEAR}-03-10", "to": f"{YEAR}-03-10"}
    assert listed(late, **day)
    assert not listed(next_morning, **day)
    assert not listed(before, **day)
    assert listed(next_morning, **{"from": f"{YEAR}-03-11"})
    assert listed(before, **{"to": f"{YEAR}-03-09"})
    assert not listed(late, **{"to": f"{YEAR}-03-09"})


def test_a_range_ending_before_it_starts_is_refused(db):
    refused(
        "The end date (“to”) is before the start date (“from”).",
        **{"from": f"{YEAR}-03-10", "to": f"{YEAR}-03-09"},
    )
    same_day = filters_of(**{"from": f"{YEAR}-03-10", "to": f"{YEAR}-03-10"})
    assert same_day.date_from == same_day.date_to == dt.date(YEAR, 3, 10)


def test_filters_keep_matching_events_only(make_event, councils):
    housing = make_event(
        "Housing meeting",
        at(4, 4),
        topics="housing",
        interpretation="so",
        format="online",
        parent=councils[41],
    )
    parks = make_event("Parks meeting", at(4, 4), topics="parks", languages_spoken="hmn")
    assert listed(housing, topic="housing") and not listed(parks, topic="housing")
    assert listed(housing, language="so") and not listed(parks, language="so")
    assert listed(parks, language="hmn") and not listed(housing, language="hmn")
    assert listed(housing, format="online") and not listed(parks, format="online")
    assert listed(housing, council="41") and not listed(parks, council="41")
    assert not listed(housing, council="42")


def test_the_date_range_is_in_city_time_whatever_zone_is_active(db):
    """A visitor's "from" and "to" are the city's days even when another zone is active
    (Wagtail's admin activates each editor's own time zone for their requests)."""
    filters = filters_of(**{"from": f"{YEAR}-03-10", "to": f"{YEAR}-03-11"})
    with timezone.override(zoneinfo.ZoneInfo("Asia/Tokyo")):
        start, end = filters.window()
    assert (start, end) == (at(3, 10, 0, 0), at(3, 12, 0, 0))
    assert start.tzinfo == end.tzinfo == CHICAGO
    assert filters_of().window() == (None, None)


def test_the_offered_councils_are_read_in_one_go(councils):
    """The filter form and the council links read every field they show from the one
    query: a field left out of it would cost a query per council."""
    english = Locale.objects.get(language_code="en")
    with CaptureQueriesContext(connection) as queries:
        offered = councils_for_locale(english)
        loaded = len(queries)
        fields = [(c.pk, c.title, c.district_number, c.locale_id, c.alias_of_id) for c in offered]
    assert len(queries) == loaded
    ours = [field for field in fields if field[0] in {c.pk for c in councils.values()}]
    assert ours == [
        (councils[41].pk, "District 41 council", 41, english.pk, None),
        (councils[42].pk, "District 42 council", 42, english.pk, None),
    ]
