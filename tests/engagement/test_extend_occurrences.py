"""``extend_occurrences``: a series nobody edits stays listed two years ahead, and a run
started while another holds the lock (a second server's scheduler) does nothing."""

import datetime as dt
from io import StringIO

from django.core.cache import cache
from django.core.management import call_command
from django.db import connection
from django.utils import timezone

import pytest

from cms.locks import _advisory_key
from engagement.management.commands.extend_occurrences import LOCK_NAME
from engagement.models import EventOccurrence

pytestmark = pytest.mark.django_db


@pytest.fixture
def weekly_series(make_event):
    event = make_event("Weekly clinic", recurrence="FREQ=WEEKLY")
    # As the series looks a year after it was last saved: a year of dates left.
    cut = timezone.now() + dt.timedelta(days=365)
    EventOccurrence.objects.filter(event=event, start__gt=cut).delete()
    return event


def last_start(event):
    return EventOccurrence.objects.filter(event=event).latest("start").start


def run():
    output = StringIO()
    call_command("extend_occurrences", stdout=output)
    return output.getvalue()


def test_the_series_is_extended_to_two_years_ahead(weekly_series):
    assert last_start(weekly_series) < timezone.now() + dt.timedelta(days=366)
    assert "recurring events extended" in run()
    assert last_start(weekly_series) > timezone.now() + dt.timedelta(days=723)
    starts = list(EventOccurrence.objects.filter(event=weekly_series).values_list("start"))
    assert len(starts) == len(set(starts))


def test_a_run_while_another_holds_the_lock_does_nothing(weekly_series):
    before = last_start(weekly_series)
    if connection.vendor == "postgresql":
        import psycopg

        settings = connection.settings_dict
        other = psycopg.connect(
            host=settings["HOST"],
            port=settings["PORT"],
            user=settings["USER"],
            password=settings["PASSWORD"],
            dbname=settings["NAME"],
            autocommit=True,
        )
        other.execute("SELECT pg_advisory_lock(%s)", [_advisory_key(LOCK_NAME)])
    else:
        other = None
        cache.add(f"portal:lock:{LOCK_NAME}", "another-server", 60)
    try:
        assert "nothing done" in run()
        assert last_start(weekly_series) == before
    finally:
        if other:
            other.close()
        else:
            cache.delete(f"portal:lock:{LOCK_NAME}")
    assert "recurring events extended" in run()  # released: the next run works
    assert last_start(weekly_series) > before
