"""The README's deployment steps, run from a clean copy under production settings (DEBUG
off, hashed static files from the manifest, Redis, PostgreSQL), serve one page of every
page type in two languages, the views outside the page tree and the API, and every static
file those pages name resolves."""

import json
import re
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

import pytest

from tests.deploy.conftest import get

# Hashed by the manifest storage: name.<12 hex digits>.ext
HASHED = re.compile(r"\.[0-9a-f]{12}\.\w+$")
CSS_URL = re.compile(r"url\(['\"]?(?!data:)([^'\")]+)['\"]?\)")
OTHER_URLS = [
    "/robots.txt",
    "/sitemap.xml",
    "/en/search/?q=council",
    "/es/search/?q=consejo",
    "/en/events/month/",
    "/en/events/calendar.ics",
    "/en/district-councils/feed/",
    "/api/v2/pages/",
    "/api/v2/events/",
    "/api/v2/district-councils/",
    "/api/v2/search/?q=council",
    "/api/schema/",
]


class StaticReferences(HTMLParser):
    def __init__(self):
        super().__init__()
        self.urls = set()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        for name in ("href", "src"):
            value = attrs.get(name) or ""
            if value.startswith("/static/"):
                self.urls.add(value)


def one_page_of_each_type(site):
    """Path of one live page per page type and language, found through the API."""
    pages, offset = {}, 0
    while True:
        status, _headers, body = get(
            f"{site.url}/api/v2/pages/?limit=100&offset={offset}&fields=locale"
        )
        assert status == 200
        items = json.loads(body)["items"]
        for item in items:
            key = (item["meta"]["type"], item["meta"]["locale"])
            pages.setdefault(key, urlsplit(item["meta"]["html_url"]).path)
        if len(items) < 100:
            return pages
        offset += 100


@pytest.fixture(scope="module")
def page_paths(deployed_site):
    pages = one_page_of_each_type(deployed_site)
    types = {page_type.split(".")[1] for page_type, _locale in pages}
    assert types >= {
        "HomePage",
        "ContentPage",
        "ProcessIndexPage",
        "ProcessPage",
        "DistrictCouncilIndexPage",
        "DistrictCouncilPage",
        "CouncilUpdatePage",
        "EventIndexPage",
        "EventPage",
    }
    return sorted(path for (_type, locale), path in pages.items() if locale in ("en", "es"))


def test_every_page_type_answers_in_production(deployed_site, page_paths):
    failures = [
        (path, status)
        for path in page_paths + OTHER_URLS
        if (status := get(deployed_site.url + path)[0]) != 200
    ]
    assert not failures, deployed_site.log_tail()


def test_static_files_the_pages_name_resolve(deployed_site, page_paths):
    referenced = set()
    for path in page_paths:
        parser = StaticReferences()
        parser.feed(get(deployed_site.url + path)[2].decode())
        referenced |= parser.urls
    assert any("leaflet" in url and url.endswith(".js") for url in referenced)
    stylesheets = [url for url in referenced if url.endswith(".css")]
    for url in stylesheets:  # images named by the stylesheets (Leaflet's markers)
        body = get(deployed_site.url + url)[2].decode()
        referenced |= {urljoin(url, found) for found in CSS_URL.findall(body)}
    for url in sorted(referenced):
        status, headers, body = get(deployed_site.url + url.split("#")[0])
        assert status == 200, url
        assert body, url
        assert HASHED.search(urlsplit(url).path), url  # from the manifest, cacheable forever
        assert "immutable" in headers.get("Cache-Control", ""), url


def test_debug_is_off(deployed_site):
    status, _headers, body = get(f"{deployed_site.url}/en/no-such-page/")
    assert status == 404
    assert b"Technical details" not in body and b"URLconf" not in body
