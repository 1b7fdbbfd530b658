"""Signed, expiring draft previews for external front ends."""

import datetime as dt
import html
import re
from urllib.parse import urlsplit

from django.conf import settings

import pytest
import time_machine

from cms.models import ContentPage
from cms.preview import make_preview_token
from district_councils.models import DistrictCouncilPage

pytestmark = pytest.mark.django_db


def draft_of(page, title):
    page.title = title
    return page.save_revision()


def test_editor_gets_a_preview_link_that_shows_the_draft(client_as, client, demo_page):
    about = demo_page("about", "en")
    draft_of(about, "About this portal (draft)")
    editor = client_as("communications")
    response = editor.get(f"/admin/frontend-preview/{about.pk}/")
    assert response.status_code == 200
    url = re.search(r'value="(http[^"]+token=[^"]+)"', response.content.decode()).group(1)
    parts = urlsplit(html.unescape(url))
    assert parts.path == "/api/v2/preview/"
    path = f"{parts.path}?{parts.query}"

    data = client.get(path).json()
    assert data["title"] == "About this portal (draft)"
    assert data["id"] == about.pk
    assert data["meta"]["preview"]["revision"] == about.latest_revision.pk
    # The public API still shows the published title.
    assert client.get(f"/api/v2/pages/{about.pk}/").json()["title"] == "About this portal"


def assert_refused(response):
    """Wagtail answers the view's PermissionDenied by sending the user back to the dashboard."""
    assert response.status_code == 302
    assert response["Location"] == "/admin/"


def preview_link(response):
    """The preview URL (path and query) the admin page offers, or None."""
    found = re.search(r'value="(http[^"]+token=[^"]+)"', response.content.decode())
    if found is None:
        return None
    parts = urlsplit(html.unescape(found.group(1)))
    return f"{parts.path}?{parts.query}"


def test_preview_lifetime_is_one_hour_by_default():
    # The configured value the next test is run at (HEADLESS_PREVIEW_MAX_AGE, seconds).
    assert settings.HEADLESS_PREVIEW_MAX_AGE == 60 * 60


def test_preview_link_works_for_its_whole_lifetime_and_expires_just_after(client, demo_page):
    revision = draft_of(demo_page("about", "en"), "Draft")
    max_age = settings.HEADLESS_PREVIEW_MAX_AGE
    signed_at = dt.datetime(2026, 5, 4, 9, 0, tzinfo=dt.UTC)
    with time_machine.travel(signed_at, tick=False) as clock:
        token = make_preview_token(revision)
        clock.move_to(signed_at + dt.timedelta(seconds=max_age))
        response = client.get(f"/api/v2/preview/?token={token}")
        assert response.status_code == 200
        assert response.json()["title"] == "Draft"
        clock.move_to(signed_at + dt.timedelta(seconds=max_age + 1))
        response = client.get(f"/api/v2/preview/?token={token}")
    assert response.status_code == 410
    assert response.json()["message"] == (
        "This preview link has expired. Ask for a new one in the editor."
    )


def test_tampered_or_missing_token_is_refused(client, demo_page):
    token = make_preview_token(draft_of(demo_page("about", "en"), "Draft"))
    assert client.get(f"/api/v2/preview/?token={token[:-2]}xx").status_code == 403
    assert client.get("/api/v2/preview/").status_code == 400


def test_staff_without_admin_access_are_sent_to_the_login(client_as, demo_page):
    about = demo_page("about", "en")
    response = client_as("staff").get(f"/admin/frontend-preview/{about.pk}/")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


def test_translator_gets_links_for_translations_only(client_as, client, demo_page):
    # Translators reach the admin and edit the other languages, not the English pages.
    translator = client_as("translator")
    english = demo_page("about", "en")
    draft_of(english, "English draft")
    refused = translator.get(f"/admin/frontend-preview/{english.pk}/")
    assert_refused(refused)

    spanish = demo_page("about", "es")
    draft_of(spanish, "Borrador")
    path = preview_link(translator.get(f"/admin/frontend-preview/{spanish.pk}/"))
    assert client.get(path).json()["title"] == "Borrador"


def test_council_editor_gets_links_for_their_own_council_only(client_as, client, demo_page):
    editor = client_as("council1-editor")
    own = DistrictCouncilPage.objects.get(district_number=1, locale__language_code="en")
    other = DistrictCouncilPage.objects.get(district_number=17, locale__language_code="en")
    for page in (other, demo_page("about", "en")):
        draft_of(page, "Not theirs")
        refused = editor.get(f"/admin/frontend-preview/{page.pk}/")
        assert_refused(refused)

    draft_of(own, "Council 1 draft")
    path = preview_link(editor.get(f"/admin/frontend-preview/{own.pk}/"))
    assert client.get(path).json()["title"] == "Council 1 draft"


def test_a_token_shows_its_own_revision_not_a_later_draft(client, demo_page):
    about = demo_page("about", "en")
    first = draft_of(about, "First draft")
    token = make_preview_token(first)
    draft_of(about, "Second draft")
    data = client.get(f"/api/v2/preview/?token={token}").json()
    assert data["title"] == "First draft"
    assert data["meta"]["preview"]["revision"] == first.pk


def test_a_never_published_page_can_be_previewed(client, demo_page):
    draft = ContentPage(title="Winter parking rules (draft)", slug="winter-parking", live=False)
    demo_page("about", "en").add_child(instance=draft)
    revision = draft.save_revision()
    assert not ContentPage.objects.get(pk=draft.pk).live
    assert client.get(f"/api/v2/pages/{draft.pk}/").status_code == 404  # not public

    response = client.get(f"/api/v2/preview/?token={make_preview_token(revision)}")
    assert response.status_code == 200
    assert response.json()["title"] == "Winter parking rules (draft)"
    assert response.json()["id"] == draft.pk


def test_a_token_is_refused_once_its_page_is_deleted(client, demo_page):
    page = ContentPage(title="Short-lived notice", slug="short-lived-notice")
    demo_page("about", "en").add_child(instance=page)
    token = make_preview_token(draft_of(page, "Short-lived notice (draft)"))
    assert client.get(f"/api/v2/preview/?token={token}").status_code == 200
    page.delete()
    response = client.get(f"/api/v2/preview/?token={token}")
    assert response.status_code == 404
    assert response.json()["message"] == "This draft no longer exists."
    assert "Short-lived notice" not in response.content.decode()


@pytest.mark.parametrize("extra", ["type=nope", "type=cms.ContentPage", "fields=*", "x=1"])
def test_unknown_parameters_next_to_a_valid_token_are_a_400(client, demo_page, extra):
    token = make_preview_token(draft_of(demo_page("about", "en"), "Draft"))
    response = client.get(f"/api/v2/preview/?token={token}&{extra}")
    assert response.status_code == 400
    name = extra.split("=")[0]
    assert response.json()["message"] == f"Unknown query parameter: {name}"


def test_the_parameter_message_is_in_the_callers_language(client, demo_page):
    token = make_preview_token(draft_of(demo_page("about", "en"), "Draft"))
    response = client.get(f"/api/v2/preview/?token={token}&type=nope", HTTP_ACCEPT_LANGUAGE="es")
    assert response.status_code == 400
    assert response.json()["message"].startswith("Parámetro de consulta desconocido")
