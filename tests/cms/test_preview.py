"""Signed, expiring draft previews for external front ends."""

import html
import re
from urllib.parse import urlsplit

from django.test import override_settings

import pytest

from cms.preview import make_preview_token

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


def test_preview_link_expires(client, demo_page):
    revision = draft_of(demo_page("about", "en"), "Draft")
    token = make_preview_token(revision)
    with override_settings(HEADLESS_PREVIEW_MAX_AGE=-1):
        response = client.get(f"/api/v2/preview/?token={token}")
    assert response.status_code == 410
    assert "expired" in response.json()["message"]


def test_tampered_or_missing_token_is_refused(client, demo_page):
    token = make_preview_token(draft_of(demo_page("about", "en"), "Draft"))
    assert client.get(f"/api/v2/preview/?token={token[:-2]}xx").status_code == 403
    assert client.get("/api/v2/preview/").status_code == 400


def test_people_who_cannot_edit_get_no_link(client_as, demo_page):
    about = demo_page("about", "en")
    assert client_as("staff").get(f"/admin/frontend-preview/{about.pk}/").status_code in (
        302,
        403,
    )
