"""Recurring meetings land on the right local dates and times, with exceptions and changes."""

import datetime as dt

from django.core.exceptions import ValidationError

import pytest

from engagement import recurrence
from tests.engagement.conftest import local, next_year, second_tuesday


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
