"""Atom feeds of council updates, per council and for all councils, in each language."""

import datetime

from django.test import Client

import feedparser
import pytest

from district_councils.models import CouncilUpdatePage

pytestmark = pytest.mark.django_db


def parse(url):
    response = Client().get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.bozo_exception
    assert feed.version == "atom10"
    return feed


def test_council_feed_lists_that_councils_updates_newest_first(council):
    page = council(1)
    feed = parse(f"{page.url}feed/")
    assert feed.feed.title == "Southeast Community Organization: updates"
    assert feed.feed.link == f"http://testserver{page.url}"
    titles = [entry.title for entry in feed.entries]
    assert titles == ["Demo update: board elections this spring", "Demo update: park clean-up day"]
    entry = feed.entries[0]
    assert entry.link.startswith(f"http://testserver{page.url}demo-board-election/")
    assert entry.summary == "This is demo content. How to stand for the board and vote."
    assert [tag.term for tag in entry.tags] == ["Board", "Elections"]


def test_all_councils_feed_has_updates_from_every_council(council_index):
    feed = parse(f"{council_index().url}feed/")
    titles = {entry.title for entry in feed.entries}
    assert {
        "Demo update: board elections this spring",
        "Demo update: comments invited on a downtown plan",
        "Demo update: community safety meeting",
    } <= titles


def test_feeds_exist_per_language(council):
    hmong = parse(f"{council(5, 'hmn').url}feed/")
    assert hmong.feed.language == "hmn"
    assert "Piv txwv: Lub rooj sib tham txog kev nyab xeeb hauv zej zog" in [
        entry.title for entry in hmong.entries
    ]
    english = parse(f"{council(5).url}feed/")
    assert english.feed.language == "en"
    assert [entry.title for entry in english.entries] == ["Demo update: community safety meeting"]
    assert all("/en/" in entry.link for entry in english.entries)


def test_new_update_appears_in_both_feeds(council, council_index):
    page = council(9)
    page.add_child(
        instance=CouncilUpdatePage(
            title="Street festival",
            slug="street-festival",
            date=datetime.date(2026, 12, 1),
            summary="Music on West 7th.",
        )
    )
    CouncilUpdatePage.objects.get(slug="street-festival").save_revision().publish()
    assert parse(f"{page.url}feed/").entries[0].title == "Street festival"
    assert parse(f"{council_index().url}feed/").entries[0].title == "Street festival"


def test_pages_advertise_their_feeds(client, council, council_index):
    def alternate(html, href):
        head = html.split("</head>")[0]
        return 'type="application/atom+xml"' in head and f'href="{href}"' in head

    page = council(1)
    index_html = client.get(council_index().url).content.decode()
    assert alternate(index_html, f"{council_index().url}feed/")
    council_html = client.get(page.url).content.decode()
    assert alternate(council_html, f"{page.url}feed/")
    update = CouncilUpdatePage.objects.child_of(page).first()
    assert alternate(client.get(update.url).content.decode(), f"{page.url}feed/")


def test_unknown_feed_path_is_404(client, council):
    assert client.get(f"{council(1).url}feed/nope/").status_code == 404
