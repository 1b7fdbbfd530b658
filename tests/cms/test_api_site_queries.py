"""The site-wide endpoints cost the same number of queries for a long list as for a short
one, within a fixed ceiling (``tests/query_budgets.py``)."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Locale

import pytest

from cms.models import ContactPoint, NavigationMenu
from engagement.models import GlossaryTerm
from tests.query_budgets import assert_within_budget

pytestmark = pytest.mark.django_db


def count_queries(client, url):
    client.get(url)  # warm per-site caches, as any earlier visitor would
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries), response.json()


def add_contacts(count, start):
    locale = Locale.get_default()
    for number in range(start, start + count):
        ContactPoint.objects.create(name=f"Desk {number}", phone="651-266-8989", locale=locale)


def add_terms(count, start):
    locale = Locale.get_default()
    for number in range(start, start + count):
        GlossaryTerm.objects.create(term=f"term {number}", definition="A word.", locale=locale)


def add_redirects(demo_page, count, start):
    about = demo_page("about")
    for number in range(start, start + count):
        Redirect.objects.create(old_path=f"/old-{number}", redirect_page=about)


@pytest.mark.parametrize(
    ("url", "add", "budget"),
    [
        ("/api/v2/contacts/?locale=es&limit=100", "contacts", "contacts API"),
        ("/api/v2/glossary/?locale=es&limit=100", "terms", "glossary API"),
        ("/api/v2/redirects/?limit=100", "redirects", "redirects API"),
    ],
)
def test_listings_are_flat(client, demo_page, url, add, budget):
    grow = {
        "contacts": add_contacts,
        "terms": add_terms,
        "redirects": lambda count, start: add_redirects(demo_page, count, start),
    }[add]
    grow(5, 0)
    few, first = count_queries(client, url)
    grow(10, 5)
    many, second = count_queries(client, url)
    assert second["meta"]["total_count"] == first["meta"]["total_count"] + 10
    assert many == few
    assert_within_budget(budget, many)


def test_navigation_is_flat_in_its_links(client, demo_page):
    menu = NavigationMenu.objects.get(locale=Locale.get_default())
    pages = [demo_page(slug) for slug in ("about", "events", "services")]
    menu.items = [("link", {"label": "", "page": page, "url": ""}) for page in pages[:1]]
    menu.save()
    few, first = count_queries(client, "/api/v2/navigation/?locale=en")
    menu.items = [("link", {"label": "", "page": page, "url": ""}) for page in pages]
    menu.save()
    many, second = count_queries(client, "/api/v2/navigation/?locale=en")
    assert len(second["items"]) == 3 and len(first["items"]) == 1
    assert many == few  # the links' translations come from one query, however many
    assert_within_budget("navigation API", many)
