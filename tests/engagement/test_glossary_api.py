"""``/api/v2/glossary/``: glossary terms in the language asked for.

Engagement registers the endpoint in its ``wagtail_hooks.py`` with
``cms.api.snippets.SnippetEndpoint``.
"""

import pytest

pytestmark = pytest.mark.django_db


def test_glossary_terms_in_english(client):
    data = client.get("/api/v2/glossary/?locale=en&limit=100").json()
    terms = {item["term"]: item["definition"] for item in data["items"]}
    assert terms["zoning"] == "City rules about what can be built where, and how it can be used."
    assert data["meta"]["locale"] == "en"


def test_glossary_falls_back_to_english(client):
    data = client.get("/api/v2/glossary/?locale=so&limit=100").json()
    assert "zoning" in {item["term"] for item in data["items"]}


@pytest.mark.parametrize(("language", "words"), [("en", "Unknown language"), ("es", "Idioma")])
def test_glossary_bad_locale_in_callers_language(client, language, words):
    response = client.get("/api/v2/glossary/?locale=xx", HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 400
    assert words in response.json()["message"]


def test_glossary_in_the_schema(client):
    assert "/api/v2/glossary/" in client.get("/api/schema/").json()["paths"]
