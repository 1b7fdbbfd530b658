"""The events pages' query count does not grow with the number of events."""

import datetime as dt

from django.db import connection
from django.test.utils import CaptureQueriesContext

from engagement.models import EventPage
from tests.engagement.conftest import CHICAGO
from tests.query_budgets import assert_within_budget


def add_events(parent, count, offset):
    start = dt.datetime.now(CHICAGO).replace(microsecond=0) + dt.timedelta(days=1)
    for number in range(offset, offset + count):
        recurring = number % 3 == 0
        page = EventPage(
            title=f"Load event {number}",
            slug=f"load-{number}",
            summary="Load test.",
            start=start + dt.timedelta(hours=number),
            end=start + dt.timedelta(hours=number + 1),
            recurrence="FREQ=WEEKLY;COUNT=20" if recurring else "",
            topics="housing",
        )
        parent.add_child(instance=page)
        page.save_revision().publish()


def count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def test_index_query_count_is_flat(client, demo_page):
    index = demo_page("events")
    urls = [
        "/en/events/?topic=housing",
        "/en/events/month/",
        "/en/events/calendar.ics",
        "/api/v2/events/?topic=housing",
    ]
    add_events(index, 15, 0)
    for url in urls:  # warm caches (site root paths, settings) before counting
        count_queries(client, url)
    before = {url: count_queries(client, url) for url in urls}
    add_events(index, 15, 15)  # twice as many events, a third of them weekly
    for url in urls:  # publishing forgot the cached menus: a first visitor fills them again
        count_queries(client, url)
    after = {url: count_queries(client, url) for url in urls}
    for url in ("/en/events/?topic=housing", "/en/events/month/", "/api/v2/events/?topic=housing"):
        assert after[url] == before[url], (url, before[url], after[url])
    # The feed reads each event once plus a constant.
    assert after["/en/events/calendar.ics"] == before["/en/events/calendar.ics"]
    budgets = {
        "/en/events/?topic=housing": "events list",
        "/en/events/month/": "events month",
        "/en/events/calendar.ics": "events calendar feed",
        "/api/v2/events/?topic=housing": "events API",
    }
    for url, name in budgets.items():
        assert_within_budget(name, after[url])
