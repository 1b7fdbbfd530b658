"""The search box's suggestions: JSON in the visitor's language, announced in it."""

import pytest

pytestmark = pytest.mark.django_db


def test_suggestions_start_with_the_typed_words(client, search_backend):
    data = client.get("/en/search/suggest/", {"q": "meetings and"}).json()
    assert data["results"][0] == {
        "title": "Meetings and events",
        "url": "/en/events/",
        "language": "en",
        "language_name": "English",
    }
    councils = client.get("/en/search/suggest/", {"q": "distr"}).json()["results"]
    assert "District councils" in [item["title"] for item in councils]
    assert "suggestion" in data["announcement"]


def test_suggestions_in_the_visitors_language(client, search_backend):
    titles = [
        item["title"]
        for item in client.get("/es/search/suggest/", {"q": "consej"}).json()["results"]
    ]
    assert titles == ["Consejos de distrito"]


def test_suggestions_from_other_languages_are_labelled(client, search_backend):
    data = client.get("/en/search/suggest/", {"q": "khib"}).json()
    assert data["results"][0]["language"] == "hmn"
    assert data["results"][0]["language_name"] == "Hmong"


def test_no_suggestions_is_announced(client, search_backend):
    data = client.get("/en/search/suggest/", {"q": "qqqzzz"}).json()
    assert data["results"] == []
    assert data["announcement"] == "No suggestions."
