"""Configured list lengths, at their value and one past it: a council's updates feed
(``FEED_LENGTH``) and the updates on a council page (``UPDATES_PER_PAGE``)."""

import datetime

import feedparser
import pytest

from district_councils.feeds import FEED_LENGTH
from district_councils.models import CouncilUpdatePage
from district_councils.views import UPDATES_PER_PAGE

pytestmark = pytest.mark.django_db

OLDEST = "Demo update: park clean-up day"  # council 1's older demo update
NEWEST_DEMO = "Demo update: board elections this spring"


def add_updates(council, count, start=0):
    for number in range(start, start + count):
        update = CouncilUpdatePage(
            title=f"Update {number}",
            slug=f"update-{number}",
            date=datetime.date(2027, 1, 1) + datetime.timedelta(days=number),
            summary=f"Summary {number}.",
        )
        council.add_child(instance=update)
        update.save_revision().publish()


def feed_titles(client, council):
    response = client.get(f"{council.url}feed/")
    assert response.status_code == 200
    return [entry.title for entry in feedparser.parse(response.content).entries]


def test_the_feed_holds_thirty_updates_and_drops_the_oldest_after(client, council):
    assert FEED_LENGTH == 30
    page = council(1)
    add_updates(page, 28)  # with the demo's two: thirty
    titles = feed_titles(client, page)
    assert len(titles) == 30
    assert titles[0] == "Update 27"
    assert titles[-2:] == [NEWEST_DEMO, OLDEST]
    add_updates(page, 1, start=28)
    titles = feed_titles(client, page)
    assert len(titles) == 30
    assert titles[0] == "Update 28"
    assert titles[-1] == NEWEST_DEMO


def test_ten_updates_fit_one_page_and_the_eleventh_opens_a_second(client, council):
    assert UPDATES_PER_PAGE == 10
    page = council(1)
    add_updates(page, 8)  # with the demo's two: ten
    first = client.get(page.url).content.decode()
    assert "Update 7" in first and OLDEST in first
    assert client.get(f"{page.url}?page=2").status_code == 404
    add_updates(page, 1, start=8)
    first = client.get(page.url).content.decode()
    assert "Update 8" in first and OLDEST not in first
    second = client.get(f"{page.url}?page=2")
    assert second.status_code == 200
    assert OLDEST in second.content.decode()
    assert "Update 0" not in second.content.decode()
