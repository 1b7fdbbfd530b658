"""Every public page says who answers for it and when it was checked, in HTML and the API."""

import re

import pytest

from district_councils.models import CouncilUpdatePage

pytestmark = pytest.mark.django_db


def page_meta(html):
    return re.search(r'<footer class="page-meta".*?</footer>', html, re.S).group(0)


def test_a_page_names_its_owner_contact_and_last_review(client, demo_page):
    page = demo_page("services")
    meta = page_meta(client.get(page.url).content.decode())
    assert "Page owner: <span>Safety and Inspections</span>" in meta
    assert f'Last reviewed: <time datetime="{page.last_reviewed.isoformat()}"' in meta
    assert "City information and complaint line" in meta and "651-266-8989" in meta


def test_the_owner_comes_in_the_readers_language_or_is_marked(client, demo_page):
    spanish = page_meta(client.get(demo_page("services", "es").url).content.decode())
    assert "Seguridad e Inspecciones" in spanish
    somali = page_meta(client.get("/so/services/").content.decode())
    assert re.search(r'<span lang="en"[^>]*>Safety and Inspections</span>', somali)


def test_council_pages_are_owned_by_their_council(client):
    update = CouncilUpdatePage.objects.live().filter(locale__language_code="en").first()
    council = update.get_parent()
    meta = page_meta(client.get(update.url).content.decode())
    assert f"Page owner: <span>{council.title}</span>" in meta


def test_the_api_gives_owner_contact_and_last_review(client, demo_page):
    page = demo_page("services")
    data = client.get(f"/api/v2/pages/{page.pk}/").json()["accountability"]
    assert data["owner"] == "Safety and Inspections"
    assert data["last_reviewed"] == page.last_reviewed.isoformat()
    assert data["contact"]["phone"] == "651-266-8989"
    spanish = demo_page("services", "es")
    data = client.get(f"/api/v2/pages/{spanish.pk}/").json()["accountability"]
    assert data["owner"] == "Seguridad e Inspecciones"


def test_every_section_shows_its_owner(client):
    for path in ("/en/", "/en/events/", "/en/district-councils/", "/en/how-it-works/"):
        assert "Page owner:" in page_meta(client.get(path).content.decode()), path
