"""The demo loader builds the Saint Paul site and can be run again safely."""

from io import StringIO

from django.core.management import call_command

from wagtail.models import Page

import pytest

pytestmark = pytest.mark.django_db

SECTION_PATHS = [
    "/en/",
    "/en/about/",
    "/en/district-councils/",
    "/en/events/",
    "/en/how-it-works/",
    "/en/services/",
    "/en/search/",
]


@pytest.mark.parametrize("path", SECTION_PATHS)
def test_demo_paths_answer(client, path):
    assert client.get(path).status_code == 200


def test_load_demo_is_idempotent_and_shows_progress():
    before = Page.objects.count()
    output = StringIO()
    call_command("load_demo", stdout=output)
    assert Page.objects.count() == before
    lines = output.getvalue().splitlines()
    assert lines[0].startswith("[1/")
    assert any("password" in line for line in lines)


def test_spanish_translations_are_real_translations(demo_page):
    for path in ("", "about", "services", "district-councils", "events", "how-it-works"):
        page = demo_page(path, "es")
        assert page.alias_of_id is None, path
        assert page.title != demo_page(path, "en").title, path


def test_other_languages_follow_english_until_translated(demo_page):
    for language in ("hmn", "so", "ksw"):
        about = demo_page("about", language)
        assert about.alias_of_id == demo_page("about", "en").pk
