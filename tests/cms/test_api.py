"""The headless API: locale filter, translations, StreamField JSON, errors, CORS, OpenAPI."""

from django.test import override_settings

import pytest
from openapi_spec_validator import validate

from cms.api.router import api_router

pytestmark = pytest.mark.django_db


def test_pages_filtered_by_locale(client):
    data = client.get("/api/v2/pages/?locale=es&fields=title&limit=100").json()
    assert data["meta"]["total_count"] >= 6
    assert {item["meta"]["locale"] for item in data["items"]} == {"es"}
    assert "Acerca de este portal" in {item["title"] for item in data["items"]}


def test_page_detail_lists_its_translations(client, demo_page):
    about = demo_page("about", "en")
    data = client.get(f"/api/v2/pages/{about.pk}/").json()
    translations = {item["locale"]: item for item in data["translations"]}
    assert set(translations) == {"en", "es", "hmn", "so", "ksw"}
    assert translations["es"]["translated"] is True
    assert translations["hmn"]["translated"] is False
    assert translations["es"]["url"].endswith("/es/about/")
    assert translations["es"]["id"] == demo_page("about", "es").pk
    assert data["content_language"] == "en"


def test_untranslated_page_reports_its_content_language(client, demo_page):
    data = client.get(f"/api/v2/pages/{demo_page('about', 'so').pk}/").json()
    assert data["meta"]["locale"] == "so"
    assert data["content_language"] == "en"


def test_streamfield_is_structured_json_with_links_resolved(client, demo_page):
    home = demo_page("", "es")
    data = client.get(f"/api/v2/pages/{home.pk}/").json()
    task = data["top_tasks"][0]
    assert task["type"] == "task"
    assert task["value"]["title"] == "Encuentre su consejo de distrito"
    assert task["value"]["link"]["url"] == "/es/district-councils/"

    services = client.get(f"/api/v2/pages/{demo_page('services', 'en').pk}/").json()
    types = [block["type"] for block in services["body"]]
    assert "contact" in types and "heading" in types
    contact = next(block for block in services["body"] if block["type"] == "contact")
    assert contact["value"]["phone"] == "651-266-8989"
    paragraph = next(block for block in services["body"] if block["type"] == "paragraph")
    assert paragraph["value"].startswith("<p>")
    assert "linktype" not in paragraph["value"]


def test_rich_text_internal_links_are_urls(client, demo_page):
    about = demo_page("about", "en")
    services = demo_page("services", "en")
    services.body.append(("paragraph", f'<p>See <a linktype="page" id="{about.pk}">about</a>.</p>'))
    services.save_revision().publish()
    body = client.get(f"/api/v2/pages/{services.pk}/").json()["body"]
    assert '<a href="/en/about/">about</a>' in body[-1]["value"]


def test_staff_only_page_never_in_api(client, demo_page):
    staff_guide = demo_page("staff/staff-guide", "en")
    listing = client.get("/api/v2/pages/?limit=100&locale=en").json()
    assert staff_guide.pk not in {item["id"] for item in listing["items"]}
    assert client.get(f"/api/v2/pages/{staff_guide.pk}/").status_code == 404


@pytest.mark.parametrize(
    "query",
    ["locale=xx", "limit=abc", "offset=-1", "type=nope.Nope", "colour=red", "order=nonsense"],
)
def test_bad_parameters_get_400_with_message(client, query):
    response = client.get(f"/api/v2/pages/?{query}")
    assert response.status_code == 400
    assert response.json()["message"]


def test_api_errors_in_callers_language(client):
    spanish = client.get("/api/v2/pages/?locale=xx", HTTP_ACCEPT_LANGUAGE="es").json()["message"]
    english = client.get("/api/v2/pages/?locale=xx", HTTP_ACCEPT_LANGUAGE="en").json()["message"]
    assert english == "Unknown language “xx”. Use one of: en, es, hmn, so, ksw."
    assert spanish == "Idioma desconocido: “xx”. Use uno de estos: en, es, hmn, so, ksw."


def test_a_malformed_number_is_a_400_not_a_server_error(client):
    response = client.get("/api/v2/events/?limit=--1")
    assert response.status_code == 400
    assert response.json()["message"] == "limit must be a whole number of 0 or more."


@override_settings(CORS_ALLOWED_ORIGINS=["https://front.example.org"])
def test_cors_allows_configured_origin_only(client):
    allowed = client.get("/api/v2/pages/", HTTP_ORIGIN="https://front.example.org")
    assert allowed["Access-Control-Allow-Origin"] == "https://front.example.org"
    other = client.get("/api/v2/pages/", HTTP_ORIGIN="https://evil.example.com")
    assert "Access-Control-Allow-Origin" not in other


def test_images_and_documents_endpoints(client):
    assert client.get("/api/v2/images/").status_code == 200
    assert client.get("/api/v2/documents/").status_code == 200


def test_openapi_schema_is_valid_and_covers_every_endpoint(client):
    response = client.get("/api/schema/")
    assert response.status_code == 200
    schema = response.json()
    validate(schema)
    assert schema["openapi"].startswith("3.")
    for endpoint_name in api_router._endpoints:
        assert f"/api/v2/{endpoint_name}/" in schema["paths"], endpoint_name


def test_pages_limit_at_its_maximum_and_one_past_it(client, settings):
    assert settings.WAGTAILAPI_LIMIT_MAX == 100
    at_max = client.get("/api/v2/pages/?limit=100")
    assert at_max.status_code == 200
    past = client.get("/api/v2/pages/?limit=101")
    assert past.status_code == 400
    assert past.json()["message"] == "limit cannot be higher than 100."
