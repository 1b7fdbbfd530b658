"""Bad search input gets a clear 400 in the visitor's language, never a 500."""

from django.utils import translation

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("x" * 201, "Your search is too long. Use %(max)d characters or fewer."),
        ("pot\x00holes", "Your search contains characters that cannot be searched."),
        ("council&page=abc", "The page number must be a whole number."),
    ],
)
def test_bad_search_input_is_400_in_visitors_language(client, query, message):
    if "&" in query:
        query, extra = query.split("&")
        response = client.get("/es/search/", {"q": query, extra.split("=")[0]: "abc"})
    else:
        response = client.get("/es/search/", {"q": query})
    assert response.status_code == 400
    with translation.override("es"):
        expected = translation.gettext(message)
    assert expected != message
    assert expected.split("%(")[0] in response.content.decode()


def test_search_finds_pages_in_visitors_language(client):
    content = client.get("/es/search/", {"q": "consejos"}).content.decode()
    assert "Consejos de distrito" in content
