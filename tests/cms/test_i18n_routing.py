"""Language prefixes, the root redirect, the switcher, hreflang and the untranslated fallback."""

import re

from django.conf import settings
from django.utils import translation

from wagtail.models import Locale

import pytest

from cms.models import ContentPage

pytestmark = pytest.mark.django_db
LANGUAGES = [code for code, _name in settings.LANGUAGES]


def html_lang(response):
    return re.search(r'<html lang="([^"]+)" dir="([^"]+)"', response.content.decode()).groups()


def test_root_redirects_to_english_by_default(client):
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"] == "/en/"


def test_root_redirect_follows_accept_language(client):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="so,en;q=0.5")
    assert response["Location"] == "/so/"


def test_language_cookie_wins_over_accept_language(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "hmn"
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="es")
    assert response["Location"] == "/hmn/"


def test_unknown_accept_language_falls_back_to_english(client):
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="fr-CA")["Location"] == "/en/"


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_language_home_page_answers_with_its_lang(client, language):
    response = client.get(f"/{language}/")
    assert response.status_code == 200
    assert html_lang(response) == (language, "ltr")


def test_switcher_leads_to_the_same_page_in_each_language(client):
    content = client.get("/en/about/").content.decode()
    switcher = content[content.index('class="language-switcher"') :]
    switcher = switcher[: switcher.index("</nav>")]
    for language in LANGUAGES:
        assert f'href="/{language}/about/"' in switcher


def test_switcher_marks_current_language_and_names_languages_in_their_own_language(client):
    content = client.get("/es/about/").content.decode()
    assert 'lang="es" hreflang="es" aria-current="true">Español</a>' in content
    assert 'lang="hmn" hreflang="hmn">Hmoob</a>' in content


def test_hreflang_lists_real_translations_and_x_default(client):
    content = client.get("/es/about/").content.decode()
    pattern = r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">'
    alternates = dict(re.findall(pattern, content))
    assert set(alternates) == {"en", "es", "x-default"}
    assert alternates["en"].endswith("/en/about/")
    assert alternates["es"].endswith("/es/about/")
    assert alternates["x-default"] == alternates["en"]


def test_translated_page_shows_translation_without_notice(client):
    response = client.get("/es/about/")
    content = response.content.decode()
    assert "Acerca de este portal" in content
    assert 'class="notice notice--translation"' not in content
    # The content is in the page's language, so it needs no lang of its own.
    assert html_lang(response)[0] == "es"
    assert '<div class="content">' in content


@pytest.mark.parametrize("language", ["hmn", "so", "ksw"])
def test_untranslated_page_shows_source_with_notice_and_lang(client, language):
    response = client.get(f"/{language}/about/")
    assert response.status_code == 200
    content = response.content.decode()
    assert html_lang(response)[0] == language
    assert "About this portal" in content
    with translation.override(language):
        notice = translation.gettext(
            "This page is not yet available in your language. It is shown in %(language)s."
        )
    assert notice.split("%(language)s")[0].strip() in content
    assert '<div class="content" lang="en" dir="ltr">' in content


def test_page_written_first_in_hmong_is_reachable_from_every_language(client, demo_page):
    hmong_home = demo_page("", "hmn")
    hmong_home.add_child(
        instance=ContentPage(
            title="Kev pab rau cov neeg laus", slug="kev-pab", intro="Cov ntaub ntawv hauv Hmoob."
        )
    )
    hmong_page = ContentPage.objects.get(slug="kev-pab")
    hmong_page.save_revision().publish()

    response = client.get("/hmn/kev-pab/")
    assert response.status_code == 200
    assert 'class="notice notice--translation"' not in response.content.decode()

    response = client.get("/en/kev-pab/")
    assert response.status_code == 200
    content = response.content.decode()
    assert html_lang(response)[0] == "en"
    assert "Kev pab rau cov neeg laus" in content
    assert "This page is not yet available in your language. It is shown in Hmong." in content
    assert '<div class="content" lang="hmn"' in content


def test_missing_page_is_404_in_visitors_language(client):
    response = client.get("/es/no-existe/")
    assert response.status_code == 404
    with translation.override("es"):
        expected = translation.gettext("Page not found")
    assert expected != "Page not found"
    assert expected in response.content.decode()
    assert html_lang(response)[0] == "es"


def test_server_error_page_is_in_visitors_language(rf):
    from cms.views import server_error

    with translation.override("so"):
        response = server_error(rf.get("/so/"))
        expected = translation.gettext("Something went wrong")
    assert response.status_code == 500
    assert expected != "Something went wrong"
    assert expected in response.content.decode()
    assert '<html lang="so" dir="ltr">' in response.content.decode()


def test_locales_exist_for_every_language(db):
    assert set(Locale.objects.values_list("language_code", flat=True)) >= set(LANGUAGES)


def test_interface_text_inside_fallback_content_keeps_visitors_language(client):
    content = client.get("/ksw/").content.decode()
    assert '<div class="content" lang="en" dir="ltr">' in content
    assert '<h2 id="top-tasks-heading" lang="ksw" dir="ltr">' in content
    services = client.get("/so/services/").content.decode()
    assert '<dt lang="so" dir="ltr">' in services
