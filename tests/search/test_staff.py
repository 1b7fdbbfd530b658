"""Staff-only guidance and private documents: City staff find them, nobody else does."""

import pytest

pytestmark = pytest.mark.django_db

STAFF_PAGE = "Staff guide: routing resident requests"
STAFF_DOCUMENT = "Staff handbook: snow emergency call routing"


def test_anonymous_visitors_never_see_staff_pages(client, search_backend):
    for query in ("staff guide", "routing resident requests", "frontline staff"):
        html = client.get("/en/search/", {"q": query}).content.decode()
        assert STAFF_PAGE not in html
        assert "staff-guide" not in html


def test_city_staff_find_staff_guidance(staff_client, search_backend):
    html = staff_client.get("/en/search/", {"q": "routing resident requests"}).content.decode()
    assert STAFF_PAGE in html


def test_communications_and_admins_find_staff_guidance(client_as, search_backend):
    for username in ("communications", "admin"):
        html = client_as(username).get("/en/search/", {"q": "frontline staff"}).content.decode()
        assert STAFF_PAGE in html, username


def test_translators_do_not_see_staff_guidance(client_as, search_backend):
    html = client_as("translator").get("/en/search/", {"q": "frontline staff"}).content.decode()
    assert STAFF_PAGE not in html


def test_private_documents_only_for_staff(client, staff_client, search_backend):
    anonymous = client.get("/en/search/", {"q": "snowplow dispatcher roster"}).content.decode()
    assert STAFF_DOCUMENT not in anonymous
    assert "<mark>dispatcher</mark>" not in anonymous
    staff = staff_client.get("/en/search/", {"q": "dispatcher roster"}).content.decode()
    assert STAFF_DOCUMENT in staff


def test_autocomplete_hides_staff_pages_from_anonymous(client, staff_client, search_backend):
    anonymous = client.get("/en/search/suggest/", {"q": "staff gu"}).json()
    assert STAFF_PAGE not in [item["title"] for item in anonymous["results"]]
    staff = staff_client.get("/en/search/suggest/", {"q": "staff gu"}).json()
    assert STAFF_PAGE in [item["title"] for item in staff["results"]]


def test_api_hides_staff_content_from_anonymous(client, staff_client, search_backend):
    anonymous = client.get("/api/v2/search/", {"q": "frontline staff"}).json()
    assert STAFF_PAGE not in [item["title"] for item in anonymous["items"]]
    documents = client.get("/api/v2/search/", {"q": "dispatcher roster"}).json()
    assert STAFF_DOCUMENT not in [item["title"] for item in documents["items"]]
    staff = staff_client.get("/api/v2/search/", {"q": "frontline staff"}).json()
    assert STAFF_PAGE in [item["title"] for item in staff["items"]]
    suggest = client.get("/api/v2/search/suggest/", {"q": "staff gu"}).json()
    assert STAFF_PAGE not in [item["title"] for item in suggest["items"]]
