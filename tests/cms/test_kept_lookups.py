"""What every page and API answer reads, kept between requests (``cms.sections.kept``): the
site's settings, a page's breadcrumbs and its language versions, the site's roots. Each
follows an edit on the next request, and kept, they cost no queries."""

from django.core.cache import cache
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext

import pytest

from cms.models import ContentPage, SiteSettings

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def kept_lookups():
    cache.clear()
    with override_settings(SECTION_CACHE_SECONDS=60):
        yield
    cache.clear()


def detail(client, page):
    response = client.get(f"/api/v2/pages/{page.pk}/")
    assert response.status_code == 200
    return response.json()


def test_a_settings_change_shows_on_the_next_page_and_api_answer(client, demo_page):
    about = demo_page("about")
    assert "Saint Paul" in detail(client, about)["seo"]["document_title"]
    assert "Saint Paul" in client.get(about.url).content.decode()
    settings = SiteSettings.objects.get()
    settings.city_name = "Minneapolis"
    settings.save()
    assert "Minneapolis" in detail(client, about)["seo"]["document_title"]
    assert "<title>About" in client.get(about.url).content.decode()
    assert "Minneapolis Community Portal</title>" in client.get(about.url).content.decode()


def test_breadcrumbs_follow_a_renamed_parent(client, demo_page):
    about = demo_page("about")
    child = about.add_child(instance=ContentPage(title="Kept crumbs", slug="kept-crumbs"))
    child.save_revision().publish()
    assert [crumb["title"] for crumb in detail(client, child)["breadcrumbs"]][-1] == about.title
    about.title = "About the portal (renamed)"
    about.save_revision().publish()
    crumbs = [crumb["title"] for crumb in detail(client, child)["breadcrumbs"]]
    assert crumbs[-1] == "About the portal (renamed)"


def test_a_new_language_version_is_listed_at_once(client, demo_page, locales):
    about = demo_page("about")
    child = about.add_child(instance=ContentPage(title="Kept versions", slug="kept-versions"))
    child.save_revision().publish()
    assert [version["locale"] for version in detail(client, child)["translations"]] == ["en"]
    child.copy_for_translation(locales["es"], copy_parents=True, alias=True)
    languages = [version["locale"] for version in detail(client, child)["translations"]]
    assert languages == ["en", "es"]


def test_kept_lookups_spare_their_queries(client, demo_page):
    about = demo_page("about")
    with CaptureQueriesContext(connection) as first:
        fresh = detail(client, about)
    with CaptureQueriesContext(connection) as second:
        kept = detail(client, about)
    assert kept == fresh
    # settings, breadcrumbs, language versions and the site's roots (two) are kept
    assert len(second) <= len(first) - 5
