"""Service topics: the categorised list and its filter, topic pages, search, API, rules."""

import re

from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.models import PageViewRestriction

import pytest

from engagement.models import ServiceTopicPage
from tests.query_budgets import assert_within_budget

pytestmark = pytest.mark.django_db

FORM = "https://www.stpaul.gov/departments/safety-inspections/city-information-complaints/"


def test_services_lists_topics_by_category_linking_into_the_intake(client):
    html = client.get("/en/services/").content.decode()
    assert '<h3 id="service-category-streets">Streets and sidewalks</h3>' in html
    assert '<h3 id="service-category-trash">Trash and recycling</h3>' in html
    assert '<a href="/en/services/pothole/">Pothole or street repair</a>' in html
    topic = client.get("/en/services/pothole/").content.decode()
    assert f'<a class="button" href="{FORM}' in topic
    assert 'href="tel:6512668989"' in topic


def test_somali_services_fall_back_to_english_topics_marked_as_english(client):
    response = client.get("/so/services/")
    html = response.content.decode()
    assert response.status_code == 200
    assert '<li data-terms="Pothole or street repair' in html
    item = html.split('<li data-terms="Pothole or street repair', 1)[1].split(">", 1)[0]
    assert 'lang="en"' in item
    assert '<a href="/so/services/pothole/">' in html


def test_spanish_topics_are_translated(client):
    html = client.get("/es/services/").content.decode()
    assert "Baches o reparación de calles" in html
    assert "Calles y aceras" in html  # the category, from the interface catalogue


def test_handled_elsewhere_is_said_plainly(client):
    emergency = client.get("/en/services/emergency/").content.decode()
    assert "This is an emergency: call 911 now." in emergency
    assert 'href="tel:911"' in emergency
    highway = client.get("/en/services/highway-pothole/").content.decode()
    assert "The City of Saint Paul does not handle this." in highway
    assert "Minnesota Department of Transportation (MnDOT)" in highway
    listing = client.get("/en/services/").content.decode()
    assert re.search(r"Handled by:</span>\s*Ramsey County", listing)
    assert "Call 911" in listing


def test_filter_works_without_javascript(client):
    html = client.get("/en/services/", {"q": "bache"}).content.decode()
    assert "Pothole or street repair" in html
    assert "Missed trash pickup" not in html
    assert "1 topic matches “bache”." in html


def test_filter_with_no_match_offers_the_phone(client):
    html = client.get("/en/services/", {"q": "zzzz"}).content.decode()
    assert "0 topics match" in html
    assert "No topic matches. Call 651-266-8989" in html


@pytest.mark.parametrize(
    ("value", "message"),
    [("a\x00b", "contiene caracteres que no se pueden escribir"), ("x" * 101, "demasiado largo")],
)
def test_bad_filter_text_is_a_400_in_the_visitors_language(client, value, message):
    response = client.get("/es/services/", {"q": value})
    assert response.status_code == 400
    assert message in response.content.decode()


def test_a_topic_needs_a_way_to_ask(demo_page):
    topic = ServiceTopicPage(title="Nowhere", slug="nowhere", description="No door.")
    with pytest.raises(ValidationError, match="at least one way to request"):
        topic.full_clean()
    topic.walk_in = "City Hall"
    topic.full_clean(exclude=["path", "depth"])
    agency = ServiceTopicPage(
        title="Elsewhere", slug="e", description="d", handled_by="agency", intake_phone="1"
    )
    with pytest.raises(ValidationError, match="Name the agency"):
        agency.full_clean(exclude=["path", "depth"])


@pytest.mark.parametrize(
    ("language", "query"), [("en", "pothole"), ("es", "bache"), ("en", "bache")]
)
def test_search_finds_the_street_repair_topic_by_residents_words(client, language, query):
    html = client.get(f"/{language}/search/", {"q": query}).content.decode()
    # The first result, through the search's click log.
    assert f"pos=1&amp;to=%2F{language}%2Fservices%2Fpothole%2F" in html


def test_topics_api_in_spanish_with_intake_and_category_filter(client):
    data = client.get("/api/v2/service-topics/", {"locale": "es", "category": "streets"}).json()
    titles = {item["title"]: item for item in data["items"]}
    pothole = titles["Baches o reparación de calles"]
    assert pothole["intake"]["phone"] == "651-266-8989"
    assert pothole["intake"]["url"].startswith(FORM)
    assert pothole["content_language"] == "es"
    assert "bache" in pothole["synonyms"]
    assert {item["category"] for item in data["items"]} == {"streets"}
    assert data["meta"]["total_count"] == len(data["items"]) == 6


def test_topics_api_refuses_unknown_category_in_the_callers_language(client):
    response = client.get(
        "/api/v2/service-topics/", {"category": "volcanoes"}, HTTP_ACCEPT_LANGUAGE="es"
    )
    assert response.status_code == 400
    assert "volcanoes" in response.json()["message"]
    assert response.json()["message"].startswith("Valor desconocido")


def test_restricted_topics_are_hidden_from_list_and_api(client, demo_page):
    topic = demo_page("services/graffiti")
    PageViewRestriction.objects.create(page=topic, restriction_type=PageViewRestriction.LOGIN)
    assert "/en/services/graffiti/" not in client.get("/en/services/").content.decode()
    # The Spanish translation is covered by the English page's restriction too.
    assert "/es/services/graffiti/" not in client.get("/es/services/").content.decode()
    titles = [i["title"] for i in client.get("/api/v2/service-topics/").json()["items"]]
    assert "Graffiti" not in titles and "Pothole or street repair" in titles


def _add_topics(index, count, offset):
    for number in range(offset, offset + count):
        topic = ServiceTopicPage(
            title=f"Load topic {number}",
            slug=f"load-topic-{number}",
            description="Load test.",
            category=["streets", "parks", "noise"][number % 3],
            synonyms="load",
            intake_phone="651-266-8989",
        )
        index.add_child(instance=topic)
        topic.save_revision().publish()


def _count(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_topic_list_and_api_query_counts_are_flat(client, demo_page):
    index = demo_page("services")
    urls = {"services index": "/en/services/", "service topics API": "/api/v2/service-topics/"}
    _add_topics(index, 10, 0)
    for url in urls.values():
        _count(client, url)
    before = {name: _count(client, url) for name, url in urls.items()}
    _add_topics(index, 10, 10)
    for url in urls.values():  # publishing empties the cached menus: warm them again
        _count(client, url)
    after = {name: _count(client, url) for name, url in urls.items()}
    assert after == before
    for name, count in after.items():
        assert_within_budget(name, count)
