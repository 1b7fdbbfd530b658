"""Site-wide endpoints a front end calls on every page: settings, navigation, footer,
contacts, redirects and interface strings."""

from django.test import override_settings

from wagtail.contrib.redirects.models import Redirect
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Site

import pytest

from cms.models import SiteSettings

pytestmark = pytest.mark.django_db

NEW_ENDPOINTS = [
    "/api/v2/site-settings/",
    "/api/v2/navigation/",
    "/api/v2/footer/",
    "/api/v2/contacts/",
    "/api/v2/redirects/",
    "/api/v2/glossary/",
]


def nav_labels(client, query=""):
    items = client.get(f"/api/v2/navigation/{query}").json()["items"]
    return [(item["value"]["text"], item["value"]["url"]) for item in items]


def test_site_settings_give_the_city_and_service_request_intake(client):
    data = client.get("/api/v2/site-settings/").json()
    assert data["city_name"] == "Saint Paul"
    assert data["service_request_phone"] == "651-266-8989"
    assert data["service_request_hours"] == "Monday to Friday, 7:30 a.m. to 4:30 p.m."
    assert data["service_request_url"].startswith("https://")
    assert data["logo"] is None
    assert data["default_language"] == "en"
    assert [language["code"] for language in data["languages"]] == ["en", "es", "hmn", "so", "ksw"]
    assert {"code": "so", "name": "Somali", "name_local": "Soomaali", "bidi": False} in data[
        "languages"
    ]


def test_site_settings_logo_is_a_rendition_url(client):
    image = Image.objects.create(title="City seal", file=get_test_image_file(size=(800, 800)))
    site_settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    site_settings.logo = image
    site_settings.save()
    logo = client.get("/api/v2/site-settings/").json()["logo"]
    assert logo["id"] == image.pk
    assert logo["title"] == "City seal"
    assert logo["url"].startswith("http") and "/images/" in logo["url"]
    assert logo["width"] <= 400 and logo["height"] <= 200


def test_navigation_in_the_requested_language_links_within_it(client):
    spanish = nav_labels(client, "?locale=es")
    assert ("Consejos de distrito", "/es/district-councils/") in spanish
    assert ("Acerca de este portal", "/es/about/") in spanish


def test_navigation_without_translation_falls_back_to_default_with_localized_links(client):
    somali = nav_labels(client, "?locale=so")
    assert ("District councils", "/so/district-councils/") in somali
    data = client.get("/api/v2/navigation/?locale=so").json()
    assert data["locale"] == "en"


def test_navigation_follows_accept_language_without_locale(client):
    response = client.get("/api/v2/navigation/", HTTP_ACCEPT_LANGUAGE="es")
    assert response.json()["locale"] == "es"


def test_footer_rich_text_in_each_language(client):
    english = client.get("/api/v2/footer/?locale=en").json()
    assert english["body"].startswith("<p>A service of the City of Saint Paul")
    spanish = client.get("/api/v2/footer/?locale=es").json()
    assert spanish["body"].startswith("<p>Un servicio de la Ciudad de Saint Paul")
    hmong = client.get("/api/v2/footer/?locale=hmn").json()
    assert hmong["locale"] == "en" and hmong["body"] == english["body"]


def test_contacts_listed_in_the_requested_language(client):
    spanish = client.get("/api/v2/contacts/?locale=es").json()
    # Nine public contact points; the two staff-only lines are not listed to the public.
    assert spanish["meta"] == {"total_count": 9, "locale": "es"}
    by_name = {item["name"]: item for item in spanish["items"]}
    contact = by_name["Línea de información y quejas de la Ciudad"]
    assert contact["phone"] == "651-266-8989"
    assert contact["department"] == "Seguridad e Inspecciones"
    assert contact["languages"] == ["en", "es", "hmn", "so", "ksw"]
    assert contact["interpreter_by_phone"] is True
    assert contact["locale"] == "es"


def test_contacts_fall_back_to_default_language(client):
    somali = client.get("/api/v2/contacts/?locale=so").json()
    assert {item["locale"] for item in somali["items"]} == {"en"}
    assert "City information and complaint line" in [item["name"] for item in somali["items"]]


def test_contact_detail_answers_the_translation(client):
    english = client.get("/api/v2/contacts/?locale=en").json()["items"]
    services = next(
        item for item in english if item["name"] == "City information and complaint line"
    )
    spanish = client.get(f"/api/v2/contacts/{services['id']}/?locale=es").json()
    assert spanish["name"] == "Línea de información y quejas de la Ciudad"
    assert (
        client.get(f"/api/v2/contacts/{services['id']}/?locale=so").json()["id"] == services["id"]
    )
    assert client.get("/api/v2/contacts/999999/").status_code == 404


def test_contacts_paging(client):
    data = client.get("/api/v2/contacts/?locale=en&limit=1&offset=1").json()
    assert data["meta"]["total_count"] == 9
    assert [item["name"] for item in data["items"]] == ["City information and complaint line"]


def test_redirects_to_pages_and_links(client, demo_page):
    about = demo_page("about", "es")
    Redirect.objects.create(old_path="/acerca", redirect_page=about, is_permanent=True)
    Redirect.objects.create(
        old_path="/old-forms", redirect_link="https://www.stpaul.gov/forms", is_permanent=False
    )
    items = {item["old_path"]: item for item in client.get("/api/v2/redirects/").json()["items"]}
    assert items["/acerca"]["redirect_to"] == "/es/about/"
    assert items["/acerca"]["redirect_page"] == about.pk
    assert items["/acerca"]["is_permanent"] is True and items["/acerca"]["status"] == 301
    assert items["/old-forms"]["redirect_to"] == "https://www.stpaul.gov/forms"
    assert items["/old-forms"]["status"] == 302
    found = client.get("/api/v2/redirects/?old_path=/Acerca/").json()
    assert found["meta"]["total_count"] == 0  # paths are case-sensitive, as the middleware
    found = client.get("/api/v2/redirects/?old_path=/acerca/").json()
    assert [item["redirect_to"] for item in found["items"]] == ["/es/about/"]


def test_redirects_app_is_installed_and_migrated(client):
    from django.apps import apps
    from django.db import connection

    assert apps.is_installed("wagtail.contrib.redirects")
    assert "wagtailredirects_redirect" in connection.introspection.table_names()


def test_interface_strings_in_each_language(client):
    spanish = client.get("/api/v2/i18n/es/").json()
    assert spanish["catalog"]["Last reviewed"] == "Última revisión"
    assert spanish["catalog"]["January"] == "enero"  # Django's own catalogue is included
    assert "DATE_FORMAT" in spanish["formats"]
    assert client.get("/api/v2/i18n/so/").json()["catalog"]["Last reviewed"]
    english = client.get("/api/v2/i18n/en/").json()
    assert "Last reviewed" not in english["catalog"]  # the msgid is the English text


def test_interface_strings_include_app_catalogues(client):
    catalog = client.get("/api/v2/i18n/es/").json()["catalog"]
    assert catalog["Glossary"]  # engagement's catalogue
    assert catalog["District councils"]


@pytest.mark.parametrize(
    ("language", "words"), [("en", "Unknown language"), ("es", "Idioma desconocido")]
)
def test_unknown_interface_language_is_a_json_404(client, language, words):
    response = client.get("/api/v2/i18n/xx/", HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    assert words in response.json()["message"]


@pytest.mark.parametrize(
    ("language", "words"), [("en", "Unknown query parameter"), ("es", "desconocido")]
)
def test_interface_strings_refuse_parameters(client, language, words):
    response = client.get("/api/v2/i18n/es/?colour=red", HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 400
    assert words in response.json()["message"]
    assert "colour" in response.json()["message"]


@pytest.mark.parametrize("url", NEW_ENDPOINTS)
@pytest.mark.parametrize(
    ("language", "unknown_language", "unknown_parameter"),
    [
        ("en", "Unknown language “xx”", "Unknown query parameter: colour"),
        ("es", "Idioma desconocido: “xx”", "colour"),
    ],
)
def test_bad_input_is_a_json_400_in_callers_language(
    client, url, language, unknown_language, unknown_parameter
):
    response = client.get(f"{url}?locale=xx", HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 400
    assert unknown_language in response.json()["message"]
    response = client.get(f"{url}?colour=red", HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 400
    assert unknown_parameter in response.json()["message"]
    if language == "es":
        assert "Unknown" not in response.json()["message"]


@pytest.mark.parametrize(
    ("language", "message"),
    [("en", "limit must be a whole number"), ("es", "limit debe ser un número entero")],
)
def test_bad_limits_in_callers_language(client, language, message):
    for url in ("/api/v2/contacts/?limit=-3", "/api/v2/redirects/?limit=abc"):
        response = client.get(url, HTTP_ACCEPT_LANGUAGE=language)
        assert response.status_code == 400
        assert message in response.json()["message"]


@pytest.mark.parametrize("url", [*NEW_ENDPOINTS, "/api/v2/i18n/es/", "/api/v2/pages/"])
@override_settings(CORS_ALLOWED_ORIGINS=["https://front.example.org"])
def test_cors_allow_list_on_every_new_endpoint(client, url):
    allowed = client.get(url, HTTP_ORIGIN="https://front.example.org")
    assert allowed["Access-Control-Allow-Origin"] == "https://front.example.org"
    other = client.get(url, HTTP_ORIGIN="https://evil.example.com")
    assert "Access-Control-Allow-Origin" not in other


EDGE_VALUES = [
    "99999999999999999999",  # past every integer column
    "-1",
    "1e9",
    "\x00",  # NUL: PostgreSQL refuses it in any text value
    '"',
    "' OR 1=1 --",
    "\ud800".encode("utf-8", "surrogatepass").decode("latin-1"),  # not valid UTF-8
]


@pytest.mark.parametrize("url", NEW_ENDPOINTS)
@pytest.mark.parametrize("name", ["locale", "limit", "offset", "old_path"])
@pytest.mark.parametrize("value", EDGE_VALUES)
def test_edge_values_never_break_an_endpoint(client, url, name, value):
    """Every parameter, known to the endpoint or not, gets an answer in JSON: 200 when the
    value is usable (an old path nobody redirected), else 400 — never a server error."""
    response = client.get(url, {name: value}, HTTP_ACCEPT_LANGUAGE="es")
    assert response["Content-Type"] == "application/json"
    if response.status_code == 200:
        assert name == "old_path" and url.endswith("/redirects/")
        assert response.json()["items"] == []
    else:
        assert response.status_code == 400, response.content
        assert response.json()["message"]


@pytest.mark.parametrize("value", ["99999999999999999999", "abc", "-1", "\x00"])
def test_edge_ids_on_detail_routes_are_a_json_404(client, value):
    for endpoint in ("contacts", "glossary"):
        response = client.get(f"/api/v2/{endpoint}/{value}/", HTTP_ACCEPT_LANGUAGE="es")
        assert response.status_code == 404
        assert response.json() == {"message": "No se encontró."}
