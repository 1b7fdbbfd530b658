"""What crawlers read: robots.txt, the sitemap with hreflang alternates, canonical links."""

import re
import xml.etree.ElementTree as ET

from wagtail.models import Page

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


def head_links(html, rel):
    return re.findall(rf'<link rel="{rel}"(?: hreflang="([^"]+)")? href="([^"]+)"', html)


def test_robots_txt_names_the_sitemap(client, db):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert "User-agent: *" in lines
    assert "Sitemap: http://testserver/sitemap.xml" in lines
    assert "Disallow: /admin/" in lines


def test_sitemap_lists_real_translations_as_alternates(client, db):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    root = ET.fromstring(response.content)  # noqa: S314 (our own test server's answer)
    urls = root.findall("s:url", NS)
    assert urls
    locations = {url.find("s:loc", NS).text for url in urls}
    with_alternates = 0
    for url in urls:
        location = url.find("s:loc", NS).text
        alternates = {link.get("hreflang"): link.get("href") for link in url.findall("x:link", NS)}
        assert alternates, f"{location} has no alternates"
        assert location in alternates.values(), "a URL lists itself among its alternates"
        assert "x-default" in alternates
        # Alternates are indexable pages of the sitemap, never untranslated aliases.
        assert set(alternates.values()) <= locations
        with_alternates += len(alternates) > 2
    assert with_alternates, "no page has a translation listed"
    about = next(url for url in urls if url.find("s:loc", NS).text.endswith("/en/about/"))
    langs = {link.get("hreflang") for link in about.findall("x:link", NS)}
    assert {"en", "es", "x-default"} <= langs


def test_every_page_names_its_canonical_url(client, db):
    page = Page.objects.get(url_path__endswith="/about/", locale__language_code="es")
    html = client.get(page.url).content.decode()
    assert head_links(html, "canonical") == [("", page.get_full_url())]


def test_untranslated_page_is_canonical_to_its_source(client, db):
    alias = Page.objects.get(slug="budget-listening-session", locale__language_code="ksw").specific
    assert alias.alias_of_id, "the demo's ksw version is an untranslated alias"
    html = client.get("/ksw/events/budget-listening-session/").content.decode()
    assert head_links(html, "canonical") == [("", alias.alias_of.get_full_url())]
    # Its hreflang alternates name real translations only, not the alias itself.
    assert "/ksw/" not in " ".join(url for _lang, url in head_links(html, "alternate"))


def test_sub_route_keeps_its_own_canonical_path(client, db):
    html = client.get("/en/events/past/").content.decode()
    assert head_links(html, "canonical") == [("", "http://testserver/en/events/past/")]
