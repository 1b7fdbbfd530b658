"""Draft preview links for an external front end (``cms/preview.py``): what the link shows,
how long it works, and what a front end is told when it does not."""

import datetime as dt
from urllib.parse import parse_qs, urlsplit

from django.core import signing

from wagtail.models import Revision

import pytest
import time_machine

from cms.models import ContentPage
from cms.preview import preview_url

pytestmark = pytest.mark.django_db

EXPIRED = "This preview link has expired. Ask for a new one in the editor."
INVALID = "This preview link is not valid."


@pytest.fixture
def draft(add_page):
    """A published page ("Parking rules") with an unpublished draft ("Parking rules
    (draft)")."""
    page = add_page("Parking rules", page=ContentPage(intro="Published intro."))
    page.save_revision().publish()
    page.title = "Parking rules (draft)"
    page.intro = "Draft intro."
    return page.save_revision()


def path_of(url):
    parts = urlsplit(url)
    return f"{parts.path}?{parts.query}"


def test_the_link_shows_the_draft_while_the_public_api_shows_the_published_page(client, draft):
    page = draft.content_object
    url = preview_url(draft)
    assert url.startswith("http://testserver/api/v2/preview/?token=")
    data = client.get(path_of(url)).json()
    assert data["id"] == page.pk
    assert data["title"] == "Parking rules (draft)"
    assert data["intro"] == "Draft intro."
    assert data["meta"]["preview"] == {
        "revision": draft.pk,
        "created_at": draft.created_at.isoformat(),
    }
    published = client.get(f"/api/v2/pages/{page.pk}/").json()
    assert published["title"] == "Parking rules"
    # Same shape as the pages detail endpoint, so a front end renders both alike.
    assert set(data) == set(published)
    assert set(data["meta"]) == set(published["meta"]) | {"preview"}
    assert data["meta"]["type"] == published["meta"]["type"] == "cms.ContentPage"


def test_the_link_works_for_its_whole_lifetime_and_expires_one_second_after(
    client, draft, settings
):
    settings.HEADLESS_PREVIEW_MAX_AGE = 60 * 60
    signed_at = dt.datetime(2026, 5, 4, 9, 0, tzinfo=dt.UTC)
    with time_machine.travel(signed_at, tick=False) as clock:
        path = path_of(preview_url(draft))
        clock.move_to(signed_at + dt.timedelta(seconds=60 * 60))
        assert client.get(path).json()["title"] == "Parking rules (draft)"
        clock.move_to(signed_at + dt.timedelta(seconds=60 * 60 + 1))
        response = client.get(path)
    assert response.status_code == 410
    assert response.json() == {"message": EXPIRED}


def test_a_shorter_configured_lifetime_is_the_one_applied(client, draft, settings):
    settings.HEADLESS_PREVIEW_MAX_AGE = 90
    signed_at = dt.datetime(2026, 5, 4, 9, 0, tzinfo=dt.UTC)
    with time_machine.travel(signed_at, tick=False) as clock:
        path = path_of(preview_url(draft))
        clock.move_to(signed_at + dt.timedelta(seconds=90))
        assert client.get(path).status_code == 200
        clock.move_to(signed_at + dt.timedelta(seconds=91))
        assert client.get(path).status_code == 410


def test_a_missing_or_empty_token_is_asked_for(client):
    for path in ("/api/v2/preview/", "/api/v2/preview/?token="):
        response = client.get(path)
        assert response.status_code == 400
        assert response.json() == {"message": "A preview token is required."}


def test_a_changed_token_is_refused(client, draft):
    token = parse_qs(urlsplit(preview_url(draft)).query)["token"][0]
    tampered = token[:-2] + ("xx" if not token.endswith("xx") else "yy")
    response = client.get(f"/api/v2/preview/?token={tampered}")
    assert response.status_code == 403
    assert response.json() == {"message": INVALID}


def test_a_token_signed_for_something_else_is_refused(client, draft):
    """The same site key signs other things (sessions, password resets): their tokens,
    even naming this revision, open no preview."""
    for token in (
        signing.dumps({"revision": draft.pk}),
        signing.dumps({"revision": draft.pk}, salt="another.purpose", compress=True),
    ):
        response = client.get(f"/api/v2/preview/?token={token}")
        assert response.status_code == 403
        assert response.json() == {"message": INVALID}


def test_a_link_to_a_deleted_draft_says_so(client, draft):
    path = path_of(preview_url(draft))
    Revision.objects.filter(pk=draft.pk).delete()
    response = client.get(path)
    assert response.status_code == 404
    assert response.json() == {"message": "This draft no longer exists."}


def test_links_point_at_the_configured_front_end(client, draft, settings):
    settings.HEADLESS_PREVIEW_URL = "https://www.example.org/preview"
    url = preview_url(draft)
    assert url.startswith("https://www.example.org/preview?token=")
    assert client.get(path_of(url).replace("/preview?", "/api/v2/preview/?")).status_code == 200

    settings.HEADLESS_PREVIEW_URL = "https://www.example.org/preview?lang=es"
    url = preview_url(draft)
    assert url.startswith("https://www.example.org/preview?lang=es&token=")
    assert parse_qs(urlsplit(url).query)["lang"] == ["es"]


def test_without_a_front_end_links_use_the_api_address(draft, settings):
    settings.HEADLESS_PREVIEW_URL = ""
    settings.WAGTAILAPI_BASE_URL = "https://api.example.org/"
    assert preview_url(draft).startswith("https://api.example.org/api/v2/preview/?token=")
    # Only slashes are trimmed from the end of the address, not the letters before them.
    settings.WAGTAILAPI_BASE_URL = "https://example.org/CMS-X"
    assert preview_url(draft).startswith("https://example.org/CMS-X/api/v2/preview/?token=")
