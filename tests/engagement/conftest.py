"""Helpers for the engagement tests: events created under the demo site's pages."""

import datetime as dt
import zoneinfo

import pytest

from engagement.models import EventPage
from tests.search.conftest import (  # noqa: F401 (the search fixtures, both backends)
    engine_index,
    engine_prefix,
    search_backend,
    search_node_url,
    staff_client,
)

CHICAGO = zoneinfo.ZoneInfo("America/Chicago")


def next_year():
    return dt.date.today().year + 1


def second_tuesday(year, month):
    first = dt.date(year, month, 1)
    return first + dt.timedelta(days=(1 - first.weekday()) % 7 + 7)


def local(year, month, day, hour=18, minute=30):
    return dt.datetime(year, month, day, hour, minute, tzinfo=CHICAGO)


@pytest.fixture
def make_event(demo_page):
    """``make_event(title, start=..., **fields)``: a published event under /en/events/."""

    def make(title, *, parent=None, start=None, end=None, **fields):
        parent = parent or demo_page("events")
        # 10 am three days ahead: never across midnight, whatever the hour the tests run.
        start = start or (dt.datetime.now(CHICAGO) + dt.timedelta(days=3)).replace(
            hour=10, minute=0, second=0, microsecond=0
        )
        page = EventPage(
            title=title,
            slug=fields.pop("slug", None) or title.lower().replace(" ", "-"),
            summary=fields.pop("summary", f"About {title}."),
            start=start,
            end=end or start + dt.timedelta(hours=2),
            **fields,
        )
        parent.add_child(instance=page)
        page.save_revision().publish()
        page.refresh_from_db()
        return page

    return make


@pytest.fixture
def monthly_meeting(make_event):
    """Second Tuesday of every month at 6:30 pm from January next year; DST changes inside."""
    year = next_year()
    day = second_tuesday(year, 1)
    return make_event(
        "Monthly board meeting",
        start=local(year, 1, day.day),
        recurrence="FREQ=MONTHLY;BYDAY=+2TU;COUNT=12",
        topics="housing",
        interpretation="es",
    )


@pytest.fixture(scope="session")
def _remote_server():
    from tests.engagement.remote_server import RemoteServer

    server = RemoteServer().start()
    yield server
    server.stop()


@pytest.fixture
def remote(_remote_server):
    """The local stand-in for the city's Open311 server and open-data portal, emptied."""
    _remote_server.reset()
    yield _remote_server
    _remote_server.reset()


@pytest.fixture
def refused_url():
    """A loopback URL where nothing listens: connections are refused."""
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}"
