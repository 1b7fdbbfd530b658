"""The schedule side of event pages: skipped dates, the occurrence table, the sequence."""

from django.core.exceptions import ValidationError

import pytest

from engagement.models import EventOccurrence
from tests.engagement.conftest import CHICAGO


def test_page_rejects_bad_skipped_dates(make_event):
    event = make_event("Skip test")
    event.skipped_dates = "2027-02-30"
    with pytest.raises(ValidationError) as error:
        event.full_clean()
    assert "skipped_dates" in error.value.message_dict


def test_occurrence_rows_follow_the_page(monthly_meeting):
    rows = EventOccurrence.objects.filter(event=monthly_meeting).order_by("start")
    assert rows.count() == 12
    assert all(row.start.astimezone(CHICAGO).hour == 18 for row in rows)
    monthly_meeting.recurrence = "FREQ=MONTHLY;BYDAY=+2TU;COUNT=6"
    monthly_meeting.save_revision().publish()
    assert EventOccurrence.objects.filter(event=monthly_meeting).count() == 6


def test_sequence_goes_up_only_when_the_schedule_changes(monthly_meeting):
    assert monthly_meeting.sequence == 0
    monthly_meeting.save_revision().publish()
    monthly_meeting.refresh_from_db()
    assert monthly_meeting.sequence == 0
    monthly_meeting.status = "cancelled"
    monthly_meeting.status_reason = "Board dissolved"
    monthly_meeting.save_revision().publish()
    monthly_meeting.refresh_from_db()
    assert monthly_meeting.sequence == 1
