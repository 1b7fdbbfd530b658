"""Page tree rules and content blocks."""

from django.core.exceptions import ValidationError

from wagtail.blocks import StructBlockValidationError
from wagtail.models import Page

import pytest

from cms.blocks import ImageBlock, LinkBlock
from cms.models import ContentPage, HomePage
from district_councils.models import DistrictCouncilIndexPage
from engagement.models import EventIndexPage, ProcessIndexPage

pytestmark = pytest.mark.django_db


def test_section_pages_live_only_under_a_home_page(demo_page):
    home = demo_page("")
    about = demo_page("about")
    for model in (DistrictCouncilIndexPage, EventIndexPage, ProcessIndexPage):
        assert model.can_create_at(home) is False  # one per home page, already there
        assert model.can_create_at(about) is False
    assert ContentPage.can_create_at(home)
    assert ContentPage.can_create_at(about)
    assert HomePage.can_create_at(Page.get_first_root_node())


def test_image_block_requires_alt_text():
    block = ImageBlock()
    with pytest.raises((ValidationError, StructBlockValidationError)):
        block.clean(block.to_python({"image": None, "alt_text": "", "caption": ""}))


def test_link_block_needs_exactly_one_target(demo_page):
    block = LinkBlock()
    with pytest.raises(StructBlockValidationError):
        block.clean(block.to_python({"label": "x", "page": None, "url": ""}))
    with pytest.raises(StructBlockValidationError):
        block.clean(block.to_python({"label": "", "page": None, "url": "https://example.org"}))
    value = block.clean(block.to_python({"label": "", "page": demo_page("about").pk, "url": ""}))
    assert value.href() == "/en/about/"


def test_content_page_renders_every_block_type(client, demo_page):
    response = client.get("/en/about/")
    content = response.content.decode()
    assert '<h2 class="block-heading">Why we built it</h2>' in content
    assert 'class="callout callout--important"' in content
    assert '<details class="accordion__item">' in content
    services = client.get("/en/services/").content.decode()
    assert 'class="contact-card"' in services
    assert 'href="tel:6512668989"' in services


def test_home_page_shows_top_tasks_and_service_request(client):
    content = client.get("/en/").content.decode()
    assert "Find your district council" in content
    assert 'href="/en/district-councils/"' in content
    assert "651-266-8989" in content


def test_navigation_and_footer_follow_the_language(client):
    spanish = client.get("/es/").content.decode()
    assert ">Consejos de distrito</a>" in spanish
    assert "Un servicio de la Ciudad de Saint Paul" in spanish
    somali = client.get("/so/").content.decode()
    # No Somali menu yet: the English one, with links into the Somali tree.
    assert 'href="/so/district-councils/"' in somali
