"""The results page costs the same number of queries for 10 results as for 20."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from cms.models import ContentPage
from tests.query_budgets import assert_within_budget

pytestmark = pytest.mark.django_db


def make_pages(parent, count, start=0):
    for number in range(start, start + count):
        parent.add_child(
            instance=ContentPage(
                title=f"Leaf collection week {number}",
                slug=f"leaf-{number}",
                intro="Leaf collection bags and drop-off sites.",
            )
        )


def count_queries(client, per_page):
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/en/search/", {"q": "leaf collection"})
    assert response.status_code == 200
    assert response.content.decode().count('class="search-result search-result--page"') == per_page
    return len(queries)


def test_results_page_queries_do_not_grow_with_results(client, demo_page, settings):
    settings.WAGTAILSEARCH_BACKENDS = {"default": settings.DATABASE_SEARCH_BACKEND}
    parent = demo_page("about")
    make_pages(parent, 5)
    client.get("/en/search/", {"q": "leaf collection"})  # warm caches (sites, content types)
    five = count_queries(client, 5)
    make_pages(parent, 5, start=5)
    # Warm again: each result's text is cached after its first showing (search.presentation).
    client.get("/en/search/", {"q": "leaf collection"})
    ten = count_queries(client, 10)
    assert ten == five
    assert_within_budget("search results page", ten)
