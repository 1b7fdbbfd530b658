"""Every Atom feed a page advertises parses cleanly with feedparser, and each entry says
the language its text is in."""

from html.parser import HTMLParser
from urllib.parse import urlsplit

from django.conf import settings

from wagtail.models import Page

import feedparser

from district_councils.models import DistrictCouncilIndexPage, DistrictCouncilPage

LANGUAGES = [code for code, _name in settings.LANGUAGES]


class HeadFeeds(HTMLParser):
    """The ``href`` of each Atom ``<link rel="alternate">`` in the document's head."""

    def __init__(self):
        super().__init__()
        self.feeds, self._in_head = [], True

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "body":
            self._in_head = False
        if (
            self._in_head
            and tag == "link"
            and attrs.get("rel") == "alternate"
            and attrs.get("type") == "application/atom+xml"
        ):
            self.feeds.append(attrs["href"])


def head_feeds(html):
    parser = HeadFeeds()
    parser.feed(html)
    return parser.feeds


def advertised_feeds(client):
    """``{feed path: language}`` from the heads of home, council index and council pages."""
    pages = [f"/{code}/" for code in LANGUAGES]
    for model in (DistrictCouncilIndexPage, DistrictCouncilPage):
        pages += [page.url for page in model.objects.live().filter(locale__language_code="en")]
        pages += [page.url for page in model.objects.live().filter(locale__language_code="ksw")]
    feeds = {}
    for url in pages:
        response = client.get(url)
        assert response.status_code == 200, url
        for href in head_feeds(response.content.decode()):
            feeds[urlsplit(href).path] = url.split("/")[1]
    return feeds


def test_home_pages_advertise_the_all_councils_feed_in_their_head(client, db):
    for code in LANGUAGES:
        html = client.get(f"/{code}/").content.decode()
        assert head_feeds(html) == [f"/{code}/district-councils/feed/"], code


def test_every_advertised_feed_parses_and_entries_carry_their_text_language(client, db):
    feeds = advertised_feeds(client)
    assert len(feeds) >= 5 + 2 * 17
    entries = 0
    for path, language in sorted(feeds.items()):
        response = client.get(path)
        assert response.status_code == 200, path
        parsed = feedparser.parse(response.content)
        assert not parsed.bozo, (path, parsed.get("bozo_exception"))
        assert parsed.version == "atom10", path
        assert parsed.feed.language == language, path
        for entry in parsed.entries:
            entries += 1
            page = Page.objects.get(
                url_path__endswith=urlsplit(entry.link).path.split("/", 2)[2],
                locale__language_code=language,
            ).specific
            assert entry.title_detail.language == page.content_language, (path, entry.link)
            assert entry.summary_detail.language == page.content_language, (path, entry.link)
    assert entries
    print(f"feedparser: {len(feeds)} feeds, {entries} entries")


def test_fallback_entries_are_marked_in_their_source_language(client, db):
    parsed = feedparser.parse(client.get("/ksw/district-councils/feed/").content)
    languages = {entry.title_detail.language for entry in parsed.entries}
    assert parsed.feed.language == "ksw"
    assert "en" in languages, "the ksw feed shows English fallback entries as English"
