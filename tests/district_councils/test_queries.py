"""Council index and council page render with a query count that does not grow with content."""

import datetime

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

import pytest

from district_councils.models import CouncilUpdatePage, DistrictCouncilPage
from tests.query_budgets import assert_within_budget

pytestmark = pytest.mark.django_db


def queries_for(url):
    client = Client()
    client.get(url)  # warm caches (site root paths, prepared geometries)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured.captured_queries), response


def add_councils(index, template, count, start):
    for number in range(start, start + count):
        page = DistrictCouncilPage(
            title=f"Test council {number}",
            slug=f"test-council-{number}",
            district_number=number,
            boundary=template.boundary,
            neighborhoods=[("neighborhood", f"Test neighborhood {number}")],
        )
        index.add_child(instance=page)
        page.save_revision().publish()


def add_updates(council, count, start=0):
    for i in range(start, start + count):
        update = CouncilUpdatePage(
            title=f"Update {i}",
            slug=f"update-{i}",
            date=datetime.date(2026, 1, 1) + datetime.timedelta(days=i),
            summary=f"Summary {i}",
            topics=[("topic", "Test")],
        )
        council.add_child(instance=update)
        update.save_revision().publish()


def test_council_index_query_count_is_flat_in_the_number_of_councils(council, council_index):
    index = council_index()
    url = index.url
    add_councils(index, council(1), 3, start=100)  # N = 17 + 3 = 20
    n_queries, response = queries_for(url)
    assert response.content.decode().count('class="dc-council-list__item"') == 20
    add_councils(index, council(1), 20, start=200)  # 2N = 40
    doubled, response = queries_for(url)
    assert response.content.decode().count('class="dc-council-list__item"') == 40
    print(f"council index: {n_queries} queries for 20 councils, {doubled} for 40")
    assert doubled == n_queries
    assert_within_budget("council index", doubled)


def test_council_index_with_a_point_lookup_is_flat_too(council, council_index):
    index = council_index()
    url = f"{index.url}?lat=44.9443&lon=-93.0934"
    n_queries, _ = queries_for(url)
    add_councils(index, council(2), 17, start=300)
    doubled, response = queries_for(url)
    assert "CapitolRiver Council" in response.content.decode()
    assert doubled == n_queries
    assert_within_budget("council index with a point lookup", doubled)


def test_council_page_query_count_is_flat_with_200_updates(council):
    page = council(8)
    add_updates(page, 100)
    n_queries, response = queries_for(page.url)
    assert "Page 1 of 10" in response.content.decode()
    add_updates(page, 100, start=100)
    doubled, response = queries_for(page.url)
    html = response.content.decode()
    assert "Page 1 of 20" in html
    assert html.count('class="dc-update"') == 10
    assert "Update 199" in html  # newest first
    print(f"council page: {n_queries} queries with 100 updates, {doubled} with 200")
    assert doubled == n_queries
    last_page, response = queries_for(f"{page.url}?page=20")
    assert "Update 0<" in response.content.decode()
    assert last_page == doubled
    assert_within_budget("council page", doubled)


def test_home_page_updates_teaser_is_flat(council):
    add_updates(council(8), 5)
    n_queries, _ = queries_for("/en/")
    add_updates(council(9), 10, start=50)
    doubled, response = queries_for("/en/")
    assert "Update 59" in response.content.decode()
    assert doubled == n_queries
    assert_within_budget("home page", doubled)


def test_feed_query_count_is_flat(council):
    page = council(8)
    add_updates(page, 10)
    n_queries, _ = queries_for(f"{page.url}feed/")
    add_updates(page, 20, start=10)
    doubled, _ = queries_for(f"{page.url}feed/")
    assert doubled == n_queries
    assert_within_budget("council feed", doubled)
