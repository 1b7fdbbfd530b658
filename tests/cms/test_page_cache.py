"""The whole-page cache: anonymous public pages are served from it, in their language;
signed-in visitors, private pages and pages with a form's CSRF token never are; publishing,
unpublishing, moving, deleting and editing what a page shows take effect on the next request.

The cache here is local memory; tests/deploy runs the same rules on Redis behind Varnish.
"""

from django.contrib.auth.models import AnonymousUser
from django.core.cache import cache
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.test import RequestFactory, override_settings

from wagtail.models import Page

import pytest

from cms import page_cache
from cms.models import FooterText

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_cache_on():
    cache.clear()
    with override_settings(PAGE_CACHE_SECONDS=300, PAGE_CACHE_PROXY_SECONDS=45):
        yield
    cache.clear()


def served(client, url, **extra):
    response = client.get(url, **extra)
    assert response.status_code == 200, url
    return response.headers.get("X-Page-Cache"), response


def test_an_anonymous_page_is_served_from_the_cache_with_proxy_headers(client):
    assert served(client, "/en/about/")[0] == "miss"
    state, response = served(client, "/en/about/")
    assert state == "hit"
    directives = {part.strip() for part in response["Cache-Control"].split(",")}
    assert {"public", "s-maxage=45", "max-age=0"} <= directives
    assert "Cookie" in response["Vary"]
    assert response["Content-Language"] == "en"
    assert '<html lang="en"' in response.content.decode()


def test_each_language_has_its_own_copy(client):
    served(client, "/en/about/")
    state, response = served(client, "/es/about/")
    assert state == "miss"
    assert '<html lang="es"' in response.content.decode()
    assert served(client, "/es/about/")[0] == "hit"


def test_a_signed_in_editor_never_gets_the_cached_page(client, client_as):
    served(client, "/en/about/")
    assert served(client, "/en/about/")[0] == "hit"
    state, response = served(client_as("communications"), "/en/about/")
    assert state is None
    assert "wagtail-userbar" in response.content.decode()  # the editor's own page
    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]


def test_a_private_page_is_never_stored(client, client_as, demo_page):
    staff_guide = demo_page("staff/staff-guide")
    staff = client_as("staff")
    for _ in range(2):
        state, response = served(staff, staff_guide.url)
        assert state is None
        assert "no-store" in response["Cache-Control"]
    response = client.get(staff_guide.url)
    assert response.status_code == 302  # the public is asked to sign in, never sent a copy


def anonymous_get(path):
    request = RequestFactory().get(path)
    request.user = AnonymousUser()
    return request


def test_a_page_with_a_csrf_token_is_never_stored():
    """A form's token is one visitor's; a page that rendered one is not shared."""
    with_token = page_cache.PageCacheMiddleware(lambda request: _page(request, True))
    without = page_cache.PageCacheMiddleware(lambda request: _page(request, False))
    for _ in range(2):
        response = with_token(anonymous_get("/en/about/"))
        assert "X-Page-Cache" not in response
        assert "no-store" in response["Cache-Control"]
    assert without(anonymous_get("/en/about/"))["X-Page-Cache"] == "miss"
    assert without(anonymous_get("/en/about/"))["X-Page-Cache"] == "hit"


def _page(request, with_form):
    page_cache.mark_page(Page.objects.get(depth=2, locale__language_code="en"), request, (), {})
    token = get_token(request) if with_form else ""
    return HttpResponse(f"<form>{token}</form>")


def test_publishing_shows_the_change_on_the_next_request(client, demo_page):
    about = demo_page("about")
    served(client, about.url)
    about.title = "About the portal, updated"
    about.save_revision().publish()
    state, response = served(client, about.url)
    assert state == "miss"
    assert "About the portal, updated" in response.content.decode()


def test_unpublishing_and_deleting_take_the_page_away(client, demo_page):
    about = demo_page("about")
    served(client, about.url)
    about.unpublish()
    # The address now falls back to the Spanish version, never the cached English page.
    state, response = served(client, about.url)
    assert state == "miss"
    assert about.intro not in response.content.decode()
    assert 'lang="es"' in response.content.decode()
    events = demo_page("events")
    served(client, events.url)
    title = events.title
    events.delete()
    state, response = served(client, "/en/events/")
    assert state == "miss"
    assert title not in response.content.decode()


def test_moving_a_page_changes_the_links_to_it_at_once(client, demo_page):
    about, events = demo_page("about"), demo_page("events")
    old_url = about.url
    assert f'href="{old_url}"' in served(client, "/en/")[1].content.decode()
    about.move(events, pos="last-child")
    state, response = served(client, "/en/")
    assert state == "miss"
    assert f'href="{old_url}"' not in response.content.decode()


def test_a_footer_edit_shows_on_every_cached_page(client):
    served(client, "/en/about/")
    footer = FooterText.objects.get(locale__language_code="en")
    footer.body = "<p>Footer changed for the cache test.</p>"
    footer.save()
    state, response = served(client, "/en/about/")
    assert state == "miss"
    assert "Footer changed for the cache test." in response.content.decode()


def test_a_new_translation_synced_from_english_is_shown_at_once(client, demo_page, locales):
    """A page created in English and synchronised into Spanish (an alias) appears in the
    Spanish menu-free listing of its parent as soon as it exists."""
    from cms.models import ContentPage

    about_es = demo_page("about", "es")
    served(client, about_es.url)
    parent = demo_page("about")
    child = parent.add_child(instance=ContentPage(title="Cache sync child", slug="cache-sync"))
    child.copy_for_translation(locales["es"], copy_parents=True, alias=True)
    assert served(client, "/es/about/cache-sync/")[1].status_code == 200
    state, _response = served(client, about_es.url)
    assert state == "miss"
