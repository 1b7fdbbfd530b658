"""Every page type is searchable, and page types added later need nothing but search_fields."""

from pathlib import Path

from wagtail.models import get_page_models
from wagtail.search.index import get_indexed_models

import pytest

pytestmark = pytest.mark.django_db


def test_every_page_type_and_contacts_and_document_text_are_indexed():
    indexed = set(get_indexed_models())
    for model in get_page_models():
        assert model in indexed, model
    labels = {model._meta.label for model in indexed}
    assert {"cms.ContactPoint", "cms.Department", "search.DocumentText"} <= labels


def test_district_council_pages_are_found_with_their_type_as_facet(
    client, search_backend, demo_page, refresh_search
):
    from district_councils.models import DistrictCouncilPage

    index = demo_page("district-councils")
    council = DistrictCouncilPage(
        title="Frogtown Neighborhood Association",
        slug="frogtown",
        district_number=7,
        intro="Thomas-Dale district council.",
    )
    index.add_child(instance=council)
    council.save_revision().publish()
    refresh_search()
    try:
        html = client.get("/en/search/", {"q": "Frogtown"}).content.decode()
        assert "Frogtown Neighborhood Association" in html
        assert "District council page" in html
    finally:
        council.delete()


def test_a_page_type_search_never_names_is_found_generically(
    client, search_backend, demo_page, refresh_search
):
    """Results, facets and snippets come from each type's own search_fields and verbose name:
    engagement's how-it-works pages were added after search and search/ never names them."""
    from engagement.models import ProcessPage

    search_source = "".join(path.read_text() for path in Path("search").rglob("*.py"))
    assert "ProcessPage" not in search_source and "engagement" not in search_source

    page = ProcessPage(
        title="Getting a sidewalk cafe permit",
        slug="sidewalk-cafe-permit",
        intro="How restaurants put quinoabowl tables on the sidewalk.",
    )
    demo_page("how-it-works").add_child(instance=page)
    page.save_revision().publish()
    refresh_search()
    html = client.get("/en/search/", {"q": "quinoabowl"}).content.decode()
    assert "Getting a sidewalk cafe permit" in html
    assert "How-it-works page" in html  # its verbose name is the facet
    assert "quinoabowl" in html  # the snippet comes from its intro
