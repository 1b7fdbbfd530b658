"""Query counts stay flat as lists grow."""

import re

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from cms.models import ContentPage
from tests.query_budgets import assert_within_budget

pytestmark = pytest.mark.django_db


def add_pages(parent, count, start=0):
    for number in range(start, start + count):
        page = ContentPage(title=f"Guide {number}", slug=f"guide-{number}", intro="Text")
        parent.add_child(instance=page)
        page.save_revision().publish()


def count_queries(client, url):
    client.get(url)  # warm per-site caches, as any earlier visitor would
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def test_pages_api_listing_queries_do_not_grow_with_page_count(client, demo_page):
    services = demo_page("services")
    add_pages(services, 5)
    url = f"/api/v2/pages/?type=cms.ContentPage&child_of={services.pk}&limit=100&fields=intro"
    few = count_queries(client, url)
    add_pages(services, 10, start=5)
    many = count_queries(client, url)
    assert many == few
    assert_within_budget("pages API listing", many)


def nest_pages(parent, depth, prefix):
    """A chain of ``depth`` pages, each the child of the one before; returns the deepest."""
    for level in range(depth):
        page = ContentPage(title=f"{prefix} level {level}", slug=f"{prefix}-{level}", intro="Text")
        parent.add_child(instance=page)
        page.save_revision().publish()
        parent = page
    return parent


def breadcrumb_titles(client, page):
    html = client.get(page.url).content.decode()
    trail = html.split('class="breadcrumbs"', 1)[1].split("</nav>", 1)[0]
    return re.findall(r"<a [^>]*>([^<]+)</a>", trail)


@pytest.fixture
def short_and_long_trail(demo_page):
    services = demo_page("services")
    return services, nest_pages(services, 2, "short"), nest_pages(services, 8, "long")


def test_breadcrumbs_show_every_level(client, short_and_long_trail):
    services, short, long = short_and_long_trail
    assert breadcrumb_titles(client, short) == [services.title, "short level 0"]
    assert breadcrumb_titles(client, long) == [services.title] + [
        f"long level {n}" for n in range(7)
    ]


def test_content_page_eight_levels_deep_is_within_its_budget(client, short_and_long_trail):
    _services, _short, long = short_and_long_trail
    assert_within_budget("content page", count_queries(client, long.url))


def test_content_page_queries_do_not_grow_with_breadcrumb_length(client, short_and_long_trail):
    _services, short, long = short_and_long_trail
    assert count_queries(client, long.url) == count_queries(client, short.url)
