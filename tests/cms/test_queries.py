"""Query counts stay flat as lists grow."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from cms.models import ContentPage

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


def test_content_page_queries_do_not_grow_with_breadcrumb_or_menu_length(client, demo_page):
    services = demo_page("services")
    few = count_queries(client, "/en/services/")
    add_pages(services, 10)
    assert count_queries(client, "/en/services/") == few
