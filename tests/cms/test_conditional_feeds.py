"""Feeds (Atom, iCalendar) and the events and search APIs carry validators and answer 304
to a conditional request that still matches, so readers and proxies re-download nothing;
the Atom feeds also say when they last changed (``Last-Modified``)."""

import pytest

pytestmark = pytest.mark.django_db

FEEDS = [
    "/en/district-councils/feed/",
    "/es/district-councils/feed/",
    "/en/events/calendar.ics",
    "/en/events/calendar/council/1.ics",
    "/api/v2/events/",
    "/api/v2/district-councils/",
    "/api/v2/search/?q=council",
]


@pytest.mark.parametrize("url", FEEDS)
def test_feeds_answer_304_when_their_etag_still_matches(client, url):
    first = client.get(url)
    assert first.status_code == 200
    assert first.content
    again = client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304
    assert again.content == b""
    assert client.get(url, HTTP_IF_NONE_MATCH='"something-else"').status_code == 200


def test_a_council_feed_answers_if_modified_since(client):
    from district_councils.models import DistrictCouncilPage

    council = DistrictCouncilPage.objects.live().filter(locale__language_code="en").first()
    url = council.url + "feed/"
    first = client.get(url)
    assert first.status_code == 200
    assert first["Last-Modified"]
    again = client.get(url, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
    assert again.status_code == 304
    older = client.get(url, HTTP_IF_MODIFIED_SINCE="Mon, 01 Jan 2001 00:00:00 GMT")
    assert older.status_code == 200
