"""Every page type is searchable, and page types added later need nothing but search_fields."""

from wagtail.models import get_page_models
from wagtail.search.index import get_indexed_models

import pytest

from cms.models import ContentPage

pytestmark = pytest.mark.django_db


def test_every_page_type_and_contacts_and_document_text_are_indexed():
    indexed = set(get_indexed_models())
    for model in get_page_models():
        assert model in indexed, model
    labels = {model._meta.label for model in indexed}
    assert {"cms.Contact", "search.DocumentText"} <= labels


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


def test_a_later_page_type_is_found_generically(client, search_backend, demo_page):
    """Results, facets and snippets come from each type's own search_fields and verbose name,
    so an events or council-updates type needs no change in search."""
    page = demo_page("how-it-works")
    assert isinstance(demo_page("about"), ContentPage)
    html = client.get("/en/search/", {"q": "plain-language guides"}).content.decode()
    assert page.title in html
    assert "How-it-works index page" in html
