"""Right-to-left: switching on an RTL language (Arabic) gives dir="rtl" pages."""

from django.test import override_settings
from django.urls import clear_url_caches

from wagtail.models import Locale

import pytest

from cms.languages import PORTAL_LANGUAGES, django_languages

pytestmark = pytest.mark.django_db


@pytest.fixture
def arabic_enabled(demo_page):
    languages = django_languages() + [("ar", "Arabic")]
    with override_settings(LANGUAGES=languages, WAGTAIL_CONTENT_LANGUAGES=languages):
        clear_url_caches()
        arabic = Locale.objects.create(language_code="ar")
        demo_page("").copy_for_translation(arabic, alias=True)
        yield
    clear_url_caches()


def test_rtl_language_page_has_dir_rtl(client, arabic_enabled):
    response = client.get("/ar/")
    assert response.status_code == 200
    content = response.content.decode()
    assert '<html lang="ar" dir="rtl">' in content
    # The English content inside keeps its own direction.
    assert '<div class="content" lang="en" dir="ltr">' in content
    # And the switcher offers Arabic, right-to-left, in its own script.
    assert 'lang="ar" hreflang="ar" aria-current="true" dir="rtl">العربية</a>' in content


def test_portal_languages_are_left_to_right():
    assert not any(language.bidi for language in PORTAL_LANGUAGES)
