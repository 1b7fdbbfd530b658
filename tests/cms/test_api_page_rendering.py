"""Page details carry what a front end needs to render a page as the HTML site does;
listings stay flat; every /api/ answer supports conditional requests."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from tests.cms.test_queries import add_pages

pytestmark = pytest.mark.django_db


def detail(client, page, query=""):
    return client.get(f"/api/v2/pages/{page.pk}/{query}").json()


def test_breadcrumbs_match_the_html_trail(client, demo_page):
    update = demo_page("district-councils/southeast-community-organization/demo-board-election")
    crumbs = detail(client, update)["breadcrumbs"]
    assert [crumb["title"] for crumb in crumbs] == [
        "District councils",
        "Southeast Community Organization",
    ]
    assert crumbs[0]["url"] == "http://testserver/en/district-councils/"
    html = client.get("/en/district-councils/southeast-community-organization/demo-board-election/")
    assert b'<nav class="breadcrumbs"' in html.content
    assert detail(client, demo_page("about"))["breadcrumbs"] == []


def test_breadcrumbs_in_the_pages_language(client, demo_page):
    council = demo_page("district-councils/southeast-community-organization", "es")
    crumbs = detail(client, council)["breadcrumbs"]
    assert crumbs == [
        {
            "id": demo_page("district-councils", "es").pk,
            "title": "Consejos de distrito",
            "url": "http://testserver/es/district-councils/",
            "content_language": "es",
        }
    ]
    # An untranslated ancestor's title is in its source's language, and says so.
    karen = detail(client, demo_page("district-councils/southeast-community-organization", "ksw"))
    assert [crumb["content_language"] for crumb in karen["breadcrumbs"]] == ["en"]


def test_translated_page_shows_no_notice(client, demo_page):
    data = detail(client, demo_page("about", "es"))
    assert data["content_language"] == "es"
    assert data["translation_notice"] == {"shown": False, "text": None}


def test_untranslated_page_notice_in_the_visitors_language(client, demo_page):
    somali = detail(client, demo_page("about", "so"))
    assert somali["translation_notice"]["shown"] is True
    html = client.get("/so/about/").content.decode()
    assert somali["translation_notice"]["text"] in html
    spanish = detail(client, demo_page("about", "so"), "?locale=es")
    assert spanish["translation_notice"]["text"] == (
        "Esta página todavía no está disponible en su idioma. Se muestra en inglés."
    )


def test_fallback_page_asked_for_in_another_language_shows_the_notice(client, demo_page):
    english = demo_page("about", "en")
    assert detail(client, english)["translation_notice"]["shown"] is False
    assert detail(client, english, "?locale=hmn")["translation_notice"]["shown"] is True


def test_hreflang_matches_the_html_head(client, demo_page):
    data = detail(client, demo_page("about", "en"))
    assert data["hreflang"] == [
        {"hreflang": "en", "url": "http://testserver/en/about/"},
        {"hreflang": "es", "url": "http://testserver/es/about/"},
        {"hreflang": "x-default", "url": "http://testserver/en/about/"},
    ]
    html = client.get("/en/about/").content.decode()
    for link in data["hreflang"]:
        assert f'<link rel="alternate" hreflang="{link["hreflang"]}" href="{link["url"]}">' in html


def test_seo_and_canonical_url(client, demo_page):
    about = demo_page("about", "en")
    about.seo_title = "About the Saint Paul portal"
    about.search_description = "Why the city built one portal."
    about.save_revision().publish()
    seo = detail(client, about)["seo"]
    assert seo == {
        "title": "About the Saint Paul portal",
        "description": "Why the city built one portal.",
        "document_title": "About the Saint Paul portal · Saint Paul Community Portal",
        "canonical_url": "http://testserver/en/about/",
    }
    html = client.get("/en/about/").content.decode()
    assert f"<title>{seo['document_title']}</title>" in html
    assert '<link rel="canonical" href="http://testserver/en/about/">' in html


def test_untranslated_page_is_canonical_to_its_source(client, demo_page):
    seo = detail(client, demo_page("about", "ksw"))["seo"]
    assert seo["canonical_url"] == "http://testserver/en/about/"
    assert seo["document_title"].startswith("About this portal · Saint Paul ")


def test_last_reviewed_and_last_published(client, demo_page):
    import datetime as dt

    services = demo_page("services", "en")
    services.last_reviewed = dt.date(2026, 9, 14)
    services.save_revision().publish()
    data = detail(client, services)
    assert data["last_reviewed"] == "2026-09-14"
    published = dt.datetime.fromisoformat(data["last_published_at"])
    services.refresh_from_db()
    assert abs(published - services.last_published_at) < dt.timedelta(seconds=1)


def test_process_page_owner_is_in_the_api(client, demo_page):
    data = detail(client, demo_page("how-it-works/zoning-variance", "en"))
    assert data["process_owner"] == "Department of Safety and Inspections, Zoning"


def test_rich_text_embeds_and_document_links_resolved(client, demo_page):
    services = demo_page("services", "en")
    services.body.append(
        ("paragraph", '<p>Read <a linktype="document" id="999999">the form</a>.</p>')
    )
    services.save_revision().publish()
    body = detail(client, services)["body"]
    assert "linktype" not in body[-1]["value"]


def test_detail_only_fields_stay_out_of_listings(client, demo_page):
    services = demo_page("services")
    url = f"/api/v2/pages/?type=cms.ContentPage&child_of={services.pk}&limit=100&fields=*"
    add_pages(services, 3)
    item = client.get(url).json()["items"][0]
    assert "breadcrumbs" not in item and "seo" not in item and "hreflang" not in item
    assert "last_published_at" in item
    response = client.get(f"/api/v2/pages/?fields=breadcrumbs&child_of={services.pk}")
    assert response.status_code == 400


def test_listing_with_every_field_stays_flat(client, demo_page):
    services = demo_page("services")
    url = (
        f"/api/v2/pages/?type=cms.ContentPage&child_of={services.pk}&limit=100"
        "&fields=intro,last_published_at"
    )
    add_pages(services, 3)
    client.get(url)
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    add_pages(services, 8, start=3)
    with CaptureQueriesContext(connection) as many:
        client.get(url)
    assert len(many) == len(few)


CONDITIONAL_URLS = [
    "/api/v2/pages/?locale=en",
    "/api/v2/site-settings/",
    "/api/v2/navigation/?locale=es",
    "/api/v2/footer/",
    "/api/v2/contacts/",
    "/api/v2/redirects/",
    "/api/v2/i18n/es/",
    "/api/schema/",
]


@pytest.mark.parametrize("url", CONDITIONAL_URLS)
def test_etag_and_304_on_every_endpoint(client, url):
    first = client.get(url)
    assert first.status_code == 200
    assert first["ETag"]
    assert "Accept-Language" in first["Vary"]
    again = client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304
    assert again.content == b""


def test_page_detail_has_last_modified_and_answers_if_modified_since(client, demo_page):
    about = demo_page("about")
    first = client.get(f"/api/v2/pages/{about.pk}/")
    assert first["Last-Modified"]
    again = client.get(f"/api/v2/pages/{about.pk}/", HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
    assert again.status_code == 304
    assert (
        client.get(f"/api/v2/pages/{about.pk}/", HTTP_IF_NONE_MATCH=first["ETag"]).status_code
        == 304
    )


def test_etag_differs_by_language(client):
    english = client.get("/api/v2/navigation/", HTTP_ACCEPT_LANGUAGE="en")
    spanish = client.get("/api/v2/navigation/", HTTP_ACCEPT_LANGUAGE="es")
    assert english["ETag"] != spanish["ETag"]
    stale = client.get(
        "/api/v2/navigation/", HTTP_ACCEPT_LANGUAGE="es", HTTP_IF_NONE_MATCH=english["ETag"]
    )
    assert stale.status_code == 200


def test_changed_content_gets_a_new_etag(client, demo_page):
    about = demo_page("about")
    before = client.get(f"/api/v2/pages/{about.pk}/")
    about.title = "About the portal"
    about.save_revision().publish()
    after = client.get(f"/api/v2/pages/{about.pk}/", HTTP_IF_NONE_MATCH=before["ETag"])
    assert after.status_code == 200
    assert after.json()["title"] == "About the portal"


def test_304_keeps_cors_headers(client, settings):
    settings.CORS_ALLOWED_ORIGINS = ["https://front.example.org"]
    first = client.get("/api/v2/footer/", HTTP_ORIGIN="https://front.example.org")
    again = client.get(
        "/api/v2/footer/", HTTP_ORIGIN="https://front.example.org", HTTP_IF_NONE_MATCH=first["ETag"]
    )
    assert again.status_code == 304
    assert again["Access-Control-Allow-Origin"] == "https://front.example.org"
