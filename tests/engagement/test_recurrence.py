"""Recurring meetings land on the right local dates and times, with exceptions and changes."""

import datetime as dt

from django.core.exceptions import ValidationError

import pytest
from dateutil.rrule import rrulestr

from engagement import recurrence
from tests.engagement.conftest import CHICAGO, local, next_year, second_tuesday


def test_second_tuesday_stays_at_630_pm_across_both_dst_changes():
    year = next_year()
    jan = second_tuesday(year, 1)
    occurrences = recurrence.expand(
        start=local(year, 1, jan.day),
        end=local(year, 1, jan.day, 20, 30),
        rule="FREQ=MONTHLY;BYDAY=+2TU;COUNT=12",
    )
    assert len(occurrences) == 12
    by_month = {occ.start.month: occ for occ in occurrences}
    for month in (1, 3, 7, 11, 12):
        occ = by_month[month]
        assert occ.start.date() == second_tuesday(year, month)
        assert (occ.start.hour, occ.start.minute) == (18, 30)
        assert (occ.end.hour, occ.end.minute) == (20, 30)
    # Standard time in winter (UTC-6), daylight time in summer (UTC-5).
    assert by_month[1].start.utcoffset() == dt.timedelta(hours=-6)
    assert by_month[4].start.utcoffset() == dt.timedelta(hours=-5)
    assert by_month[11].start.utcoffset() == dt.timedelta(hours=-6)
    assert by_month[4].start.astimezone(dt.UTC).hour == 23
    assert by_month[11].start.astimezone(dt.UTC).hour == 0


def test_weekly_meeting_keeps_its_wall_clock_time_over_the_spring_change():
    year = next_year()
    march = dt.date(year, 3, 1)
    dst_sunday = march + dt.timedelta(days=(6 - march.weekday()) % 7 + 7)
    before = dst_sunday - dt.timedelta(days=5)  # the Tuesday before the change
    occurrences = recurrence.expand(
        start=local(year, 3, before.day),
        end=local(year, 3, before.day, 20, 30),
        rule="FREQ=WEEKLY;COUNT=2",
    )
    first, second = occurrences
    assert (first.start.hour, second.start.hour) == (18, 18)
    in_utc = second.start.astimezone(dt.UTC) - first.start.astimezone(dt.UTC)
    assert in_utc == dt.timedelta(days=7, hours=-1)  # the clocks went forward an hour


def test_skipped_dates_and_one_off_changes():
    year = next_year()
    jan, feb, mar = (second_tuesday(year, m) for m in (1, 2, 3))
    new_start = local(year, mar.month, mar.day + 2, 18, 0)
    occurrences = recurrence.expand(
        start=local(year, 1, jan.day),
        end=local(year, 1, jan.day, 20, 30),
        rule="FREQ=MONTHLY;BYDAY=+2TU;COUNT=4",
        exdates=[feb],
        changes=[
            recurrence.Change(
                original_date=mar, status="rescheduled", reason="Room booked", new_start=new_start
            ),
            recurrence.Change(
                original_date=second_tuesday(year, 4), status="cancelled", reason="Holiday"
            ),
        ],
    )
    assert [occ.original_start.date() for occ in occurrences] == [jan, mar, second_tuesday(year, 4)]
    moved = occurrences[1]
    assert moved.status == "rescheduled" and moved.start == new_start
    assert moved.end == new_start + dt.timedelta(hours=2)
    assert occurrences[2].is_cancelled and occurrences[2].reason == "Holiday"


def test_nonexistent_spring_forward_time_moves_forward():
    year = next_year()
    march = dt.date(year, 3, 1)
    dst_sunday = march + dt.timedelta(days=(6 - march.weekday()) % 7 + 7)
    occurrences = recurrence.expand(
        start=local(year, 3, dst_sunday.day - 1, 2, 30),
        end=local(year, 3, dst_sunday.day - 1, 3, 0),
        rule="FREQ=DAILY;COUNT=3",
    )
    gap = occurrences[1]
    assert gap.start.date() == dst_sunday
    assert (gap.start.hour, gap.start.minute) == (3, 30)


@pytest.mark.parametrize(
    "rule",
    [
        "FREQ=SECONDLY",
        "BYDAY=TU",
        "FREQ=MONTHLY;BYDAY=XX",
        "DTSTART:20260101T000000\nFREQ=DAILY",
        "FREQ=DAILY;UNTIL=20270101T000000Z",
    ],
)
def test_bad_rules_are_rejected(rule):
    with pytest.raises(ValidationError):
        recurrence.validate_rule(rule)


def test_good_rule_with_prefix_is_accepted():
    recurrence.validate_rule("RRULE:FREQ=WEEKLY;BYDAY=MO,WE;UNTIL=20271231")
    assert recurrence.normalise_rule("rrule:freq=weekly") == "FREQ=WEEKLY"


def test_single_event_keeps_its_status_and_times():
    start = local(next_year(), 6, 1, 10, 0)
    (only,) = recurrence.expand(start=start, end=None, status="postponed", reason="Rain")
    assert only.start.tzinfo == CHICAGO and only.end.tzinfo == CHICAGO
    assert (only.start, only.end, only.status, only.reason) == (start, start, "postponed", "Rain")
    assert only.original_start is None and not only.changed
    (default,) = recurrence.expand(start=start, end=start + dt.timedelta(hours=1))
    assert default.status == "scheduled" and default.reason == ""
    assert default.end == start + dt.timedelta(hours=1)


def test_series_status_applies_to_every_occurrence_without_a_change():
    year = next_year()
    jan, feb = second_tuesday(year, 1), second_tuesday(year, 2)
    occurrences = recurrence.expand(
        start=local(year, 1, jan.day),
        end=local(year, 1, jan.day, 20, 30),
        rule="FREQ=MONTHLY;BYDAY=+2TU;COUNT=3",
        status="cancelled",
        reason="Board dissolved",
        changes=[recurrence.Change(original_date=feb, status="scheduled", reason="Special")],
    )
    assert [(o.status, o.reason, o.changed) for o in occurrences] == [
        ("cancelled", "Board dissolved", False),
        ("scheduled", "Special", True),
        ("cancelled", "Board dissolved", False),
    ]
    assert all(o.start == o.original_start for o in occurrences)
    assert occurrences[0].end - occurrences[0].start == dt.timedelta(hours=2)


def test_changed_occurrence_with_its_own_end():
    year = next_year()
    jan = second_tuesday(year, 1)
    new_start = dt.datetime(year, 1, jan.day + 1, 12, 0, tzinfo=dt.UTC)  # 6 am in Saint Paul
    new_end = dt.datetime(year, 1, jan.day + 1, 15, 0, tzinfo=dt.UTC)
    (moved,) = recurrence.expand(
        start=local(year, 1, jan.day),
        end=local(year, 1, jan.day, 20, 30),
        rule="FREQ=MONTHLY;BYDAY=+2TU;COUNT=1",
        changes=[recurrence.Change(jan, "rescheduled", new_start=new_start, new_end=new_end)],
    )
    assert moved.start == new_start and moved.end == new_end
    assert moved.start.tzinfo == CHICAGO and moved.end.tzinfo == CHICAGO
    assert moved.start.hour == 6 and moved.end.hour == 9
    assert moved.original_start == local(year, 1, jan.day)


def test_horizon_includes_its_last_moment_and_nothing_after():
    start = local(next_year(), 1, 5, 9, 0)
    horizon = start + dt.timedelta(days=9)
    occurrences = recurrence.expand(start=start, end=start, rule="FREQ=DAILY", horizon=horizon)
    assert len(occurrences) == 10
    assert occurrences[-1].start == horizon
    just_before = recurrence.expand(
        start=start, end=start, rule="FREQ=DAILY", horizon=horizon - dt.timedelta(seconds=1)
    )
    assert len(just_before) == 9


def test_default_horizon_is_731_days_from_the_first_date_in_the_future():
    assert dt.timedelta(days=731) == recurrence.HORIZON
    start = local(next_year() + 1, 1, 5, 9, 0)
    occurrences = recurrence.expand(start=start, end=start, rule="FREQ=WEEKLY;INTERVAL=1")
    last = occurrences[-1].start
    assert last <= start + recurrence.HORIZON < last + dt.timedelta(days=7)


def test_default_horizon_counts_from_today_for_a_series_that_began_long_ago():
    start = dt.datetime(2020, 1, 6, 9, 0, tzinfo=CHICAGO)
    occurrences = recurrence.expand(
        start=start, end=start, rule="FREQ=MONTHLY;BYMONTHDAY=6", horizon=None
    )
    last = occurrences[-1].start
    today = dt.datetime.now(CHICAGO)
    assert today + recurrence.HORIZON - dt.timedelta(days=31) < last <= today + recurrence.HORIZON


def test_no_more_than_max_occurrences():
    assert recurrence.MAX_OCCURRENCES == 1000
    start = local(next_year(), 1, 1, 9, 0)
    far = start + dt.timedelta(days=5000)
    occurrences = recurrence.expand(start=start, end=start, rule="FREQ=DAILY", horizon=far)
    assert len(occurrences) == 1000
    assert occurrences[-1].start.date() == (start + dt.timedelta(days=999)).date()
    exactly = recurrence.expand(start=start, end=start, rule="FREQ=DAILY;COUNT=1000", horizon=far)
    assert len(exactly) == 1000


def test_skipped_date_that_is_not_an_occurrence_changes_nothing():
    start = local(next_year(), 1, 5, 9, 0)
    occurrences = recurrence.expand(
        start=start, end=start, rule="FREQ=DAILY;COUNT=3", exdates=[dt.date(1999, 1, 1)]
    )
    assert len(occurrences) == 3


FREQUENCY = (
    "Start the rule with FREQ=DAILY, WEEKLY, MONTHLY or YEARLY, e.g. FREQ=MONTHLY;BYDAY=+2TU."
)
DTSTART = "Give the first date in the Start field, not in the rule."
UNTIL = "Give UNTIL as a local date, e.g. UNTIL=20271231."


@pytest.mark.parametrize(
    ("rule", "code", "text"),
    [
        ("FREQ=SECONDLY", "frequency", FREQUENCY),
        ("BYDAY=TU", "frequency", FREQUENCY),
        ("COUNT", "frequency", FREQUENCY),
        ("FREQ=DAILY;DTSTART=20260101", "dtstart", DTSTART),
        ("FREQ=DAILY;COUNT=2\nBYDAY=MO", "dtstart", DTSTART),
        ("FREQ=DAILY;UNTIL=20270101T000000Z", "until", UNTIL),
        ("FREQ=MONTHLY;BYDAY=XX", "invalid", "This is not a valid repeat rule: "),
        ("FREQ=DAILY;COUNT=x", "invalid", "This is not a valid repeat rule: "),
    ],
)
def test_bad_rules_are_refused_with_a_reason(rule, code, text):
    with pytest.raises(ValidationError) as error:
        recurrence.validate_rule(rule)
    assert error.value.code == code
    (message,) = error.value.messages
    if code == "invalid":  # dateutil's own reason follows
        with pytest.raises((ValueError, TypeError)) as reason:
            rrulestr(rule, dtstart=dt.datetime(2000, 1, 1, 12))
        text += str(reason.value)
    assert message == text


@pytest.mark.parametrize(
    "rule", ["", None, "  ", "RRULE:", "FREQ=YEARLY", "FREQ=DAILY;UNTIL=20271231T120000"]
)
def test_empty_and_good_rules_pass(rule):
    assert recurrence.validate_rule(rule) is None


def test_normalise_rule():
    assert recurrence.normalise_rule(None) == ""
    assert recurrence.normalise_rule("") == ""
    assert recurrence.normalise_rule("  RRULE: freq=daily ") == "FREQ=DAILY"
    assert recurrence.normalise_rule("Rrule:FREQ=WEEKLY") == "FREQ=WEEKLY"
    assert recurrence.normalise_rule("FREQ=WEEKLY;X=RRULE:") == "FREQ=WEEKLY;X=RRULE:"


def test_parse_dates():
    assert recurrence.parse_dates(None) == []
    assert recurrence.parse_dates("") == []
    text = "2027-02-09\n\n  2027-03-09  \n"
    assert recurrence.parse_dates(text) == [dt.date(2027, 2, 9), dt.date(2027, 3, 9)]
    for bad in ("2027-02-30", "next week", "2027-02-09\n09/03/2027"):
        with pytest.raises(ValidationError) as error:
            recurrence.parse_dates(bad)
        assert error.value.code == "date"
        value = bad.splitlines()[-1]
        assert error.value.messages == [
            f"“{value}” is not a date. Write one date a line as YYYY-MM-DD."
        ]


def test_localise_moves_a_time_in_the_spring_gap_forward_and_keeps_others():
    year = next_year()
    march = dt.date(year, 3, 1)
    dst_sunday = march + dt.timedelta(days=(6 - march.weekday()) % 7 + 7)
    gap = dt.datetime.combine(dst_sunday, dt.time(2, 30))
    moved = recurrence._localise(gap, CHICAGO)
    assert (moved.hour, moved.minute, moved.tzinfo) == (3, 30, CHICAGO)
    assert moved.utcoffset() == dt.timedelta(hours=-5)
    normal = recurrence._localise(dt.datetime(year, 7, 1, 18, 30), CHICAGO)
    assert normal == dt.datetime(year, 7, 1, 18, 30, tzinfo=CHICAGO)
    assert recurrence.city_zone() == CHICAGO


def test_a_start_the_rule_does_not_give_is_refused_with_the_date_to_use():
    year = next_year()
    monday = local(year, 2, 1, 18, 30)
    while monday.weekday() != 0:
        monday += dt.timedelta(days=1)
    tuesday = monday + dt.timedelta(days=1)
    recurrence.validate_start(tuesday, "FREQ=WEEKLY;BYDAY=TU")  # the rule gives it: no error
    with pytest.raises(ValidationError) as error:
        recurrence.validate_start(monday, "FREQ=WEEKLY;BYDAY=TU")
    assert error.value.code == "start_not_in_rule"
    assert error.value.messages == [
        "The start is not a date the repeat rule gives, so calendar apps would show a meeting "
        "that never happens. The rule's first date from it is "
        f"{tuesday:%Y-%m-%d} 18:30: start the series then."
    ]


def test_a_rule_that_ends_before_the_start_is_refused():
    start = local(next_year(), 3, 10)
    with pytest.raises(ValidationError) as error:
        recurrence.validate_start(start, f"FREQ=DAILY;UNTIL={start.year - 1}0101")
    assert error.value.code == "no_occurrence"
    assert error.value.messages == ["The repeat rule gives no date from the start on."]


def test_a_series_without_its_start_yet_has_no_first_date_to_check():
    # The event form reports the missing start itself; the rule check must not fail on it.
    assert recurrence.first_occurrence(None, "FREQ=WEEKLY;BYDAY=TU") is None
    start = local(next_year(), 3, 10)
    assert recurrence.first_occurrence(start, "") == start
