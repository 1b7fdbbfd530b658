"""/api/v2/search/: same rules as the search page, clear 400s, documented in OpenAPI."""

from django.utils import translation

import pytest
from openapi_spec_validator import validate

pytestmark = pytest.mark.django_db


def test_api_search_in_the_requested_language(client, search_backend):
    data = client.get("/api/v2/search/", {"q": "consejos de distrito", "locale": "es"}).json()
    assert data["meta"]["locale"] == "es"
    assert data["items"][0]["title"] == "Consejos de distrito"
    assert {item["locale"] for item in data["items"] if item["kind"] != "document"} == {"es"}
    assert data["items"][0]["url"] == "http://testserver/es/district-councils/"


def test_api_offers_other_languages_labelled(client, search_backend):
    data = client.get("/api/v2/search/", {"q": "khib nyiab", "locale": "en"}).json()
    assert data["meta"]["other_languages"] is True
    assert data["items"][0]["locale"] == "hmn"
    assert data["items"][0]["other_language"] is True


def test_api_type_filter_and_facets(client, search_backend):
    data = client.get("/api/v2/search/", {"q": "district", "locale": "en"}).json()
    keys = {facet["key"] for facet in data["meta"]["facets"]}
    assert {"district_councils.districtcouncilindexpage", "wagtaildocs.document"} <= keys
    documents = client.get(
        "/api/v2/search/", {"q": "district", "locale": "en", "type": "wagtaildocs.document"}
    ).json()
    assert [item["kind"] for item in documents["items"]] == ["document"]
    assert "<mark>" in documents["items"][0]["snippet"]


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"q": ""}, "Type what you are looking for."),
        ({}, "Type what you are looking for."),
        ({"q": "x" * 201}, "Your search is too long. Use %(max)d characters or fewer."),
        ({"q": "pot\x07holes"}, "Your search contains characters that cannot be searched."),
        ({"q": "council", "locale": "xx"}, "Unknown language “%(code)s”. Use one of: %(codes)s."),
        ({"q": "council", "limit": "many"}, "%(name)s must be a whole number of 0 or more."),
    ],
)
def test_bad_api_queries_get_400_in_callers_language(client, params, message):
    response = client.get("/api/v2/search/", params, HTTP_ACCEPT_LANGUAGE="es")
    assert response.status_code == 400
    with translation.override("es"):
        expected = translation.gettext(message)
    assert expected != message
    assert response.json()["message"].startswith(expected.split("%(")[0].split("“")[0])


def test_search_api_is_documented(client):
    schema = client.get("/api/schema/").json()
    validate(schema)
    operation = schema["paths"]["/api/v2/search/"]["get"]
    assert {parameter["name"] for parameter in operation["parameters"]} >= {"q", "locale", "type"}
    assert "400" in operation["responses"]
    assert "/api/v2/search/suggest/" in schema["paths"]


def test_bad_page_queries_get_400(client):
    assert client.get("/es/search/", {"q": "a" * 201}).status_code == 400
    assert client.get("/es/search/suggest/", {"q": "\x00"}).status_code == 400


def test_limit_and_query_length_at_their_maximum_and_one_past_it(client):
    from search.api import MAX_LIMIT

    assert MAX_LIMIT == 50
    assert client.get("/api/v2/search/", {"q": "council", "limit": "50"}).status_code == 200
    past = client.get("/api/v2/search/", {"q": "council", "limit": "51"})
    assert past.status_code == 400
    assert past.json()["message"] == "limit cannot be higher than 50."
    assert client.get("/api/v2/search/", {"q": "c" * 200}).status_code == 200
    assert client.get("/api/v2/search/", {"q": "c" * 201}).status_code == 400
