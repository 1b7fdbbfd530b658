"""Every public page type and API endpoint stays within its fixed query ceiling however big
its lists grow: at most 15 queries a page and 12 an API call (``tests/query_budgets.py``).

Each case counts the queries of one uncached request (after a first request has warmed
the per-site caches, as any earlier visitor would), then grows what the URL shows — more
updates, events, occurrences, glossary terms, councils — and counts again: the two counts
must be equal. Pages and endpoints with a test of their own elsewhere (council index and
page, events list and month, feeds, search, the pages listing, snippets) are not repeated.
"""

import datetime as dt

from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.models import Locale

import pytest

from district_councils.models import CouncilUpdatePage, DistrictCouncilPage
from engagement.models import EventPage, GlossaryTerm, ProcessPage
from tests.engagement.conftest import CHICAGO
from tests.query_budgets import API_CEILING, BUDGETS, PAGE_CEILING, assert_within_budget

pytestmark = pytest.mark.django_db


def count_queries(client, url):
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return len(queries)


def first_council(language="en"):
    return (
        DistrictCouncilPage.objects.live()
        .filter(locale__language_code=language, alias_of__isnull=True)
        .order_by("district_number")
        .first()
    )


def add_updates(council, count, start):
    for number in range(start, start + count):
        update = CouncilUpdatePage(
            title=f"Budget update {number}",
            slug=f"budget-update-{number}",
            date=dt.date.today() - dt.timedelta(days=number),
            summary="Summary.",
            topics=[("topic", f"Topic {number}")],
        )
        council.add_child(instance=update)
        update.save_revision().publish()


def add_events(parent, count, start):
    begin = dt.datetime.now(CHICAGO).replace(microsecond=0) + dt.timedelta(days=1)
    for number in range(start, start + count):
        event = EventPage(
            title=f"Budget event {number}",
            slug=f"budget-event-{number}",
            summary="Summary.",
            start=begin + dt.timedelta(hours=number),
            end=begin + dt.timedelta(hours=number + 1),
            recurrence="FREQ=WEEKLY;COUNT=10" if number % 2 else "",
            topics="housing",
        )
        parent.add_child(instance=event)
        event.save_revision().publish()


def grow_site(demo_page, start):
    """More council updates and events: what the home page's teasers list."""
    add_updates(first_council(), 4, start * 4)
    add_events(demo_page("events"), 4, start * 4)


def recurring_event(demo_page):
    return EventPage.objects.live().filter(locale__language_code="en").exclude(recurrence="")[0]


def lengthen_series(demo_page, start):
    """More occurrences of the event shown (its page lists the upcoming ones)."""
    event = recurring_event(demo_page).specific
    event.recurrence = f"FREQ=WEEKLY;COUNT={30 + 30 * start}"
    event.save_revision().publish()


def add_glossary_terms(demo_page, start):
    """More glossary terms chosen on the explainer (each shown with its definition)."""
    process = ProcessPage.objects.live().filter(locale__language_code="en").first()
    locale = Locale.get_default()
    for number in range(start * 4, start * 4 + 4):
        term = GlossaryTerm.objects.create(
            term=f"word {number}", definition="Meaning.", locale=locale
        )
        process.glossary_terms.append(("term", term))
    process.save_revision().publish()


def add_councils(demo_page, start):
    template = first_council()
    index = template.get_parent()
    for number in range(start * 3, start * 3 + 3):
        council = DistrictCouncilPage(
            title=f"Budget council {number}",
            slug=f"budget-council-{number}",
            district_number=100 + number,
            boundary=template.boundary,
            neighborhoods=[("neighborhood", f"Budget neighborhood {number}")],
        )
        index.add_child(instance=council)
        council.save_revision().publish()


# (budget name, URL for the demo site, what grows)
CASES = [
    ("home page", lambda demo_page: "/en/", grow_site),
    ("home page (es)", lambda demo_page: "/es/", grow_site),
    ("home page (hmn)", lambda demo_page: "/hmn/", grow_site),
    (
        "council update",
        lambda demo_page: first_council().get_children().live().type(CouncilUpdatePage)[0].url,
        lambda demo_page, start: add_updates(first_council(), 4, start * 4),
    ),
    ("event page", lambda demo_page: recurring_event(demo_page).url, lengthen_series),
    ("event flyer", lambda demo_page: recurring_event(demo_page).url + "flyer/", lengthen_series),
    (
        "explainer",
        lambda demo_page: ProcessPage.objects.live().filter(locale__language_code="en")[0].url,
        add_glossary_terms,
    ),
    ("events archive", lambda demo_page: "/en/events/past/", grow_site),
    (
        "page detail API",
        lambda demo_page: f"/api/v2/pages/{first_council().pk}/",
        lambda demo_page, start: add_updates(first_council(), 4, start * 4),
    ),
    (
        "pages API listing of councils",
        lambda demo_page: (
            "/api/v2/pages/?type=district_councils.DistrictCouncilPage&locale=es&fields=*&limit=50"
        ),
        add_councils,
    ),
    ("district councils API", lambda demo_page: "/api/v2/district-councils/", add_councils),
    (
        "events API",
        lambda demo_page: "/api/v2/events/?locale=en&limit=100",
        lambda demo_page, start: add_events(demo_page("events"), 4, start * 4),
    ),
    ("search API", lambda demo_page: "/api/v2/search/?q=budget&limit=50", grow_site),
    ("footer API", lambda demo_page: "/api/v2/footer/?locale=es", grow_site),
    ("site settings API", lambda demo_page: "/api/v2/site-settings/", grow_site),
]


@pytest.mark.parametrize(("budget", "url", "grow"), CASES, ids=[case[0] for case in CASES])
def test_query_count_is_flat_and_within_its_ceiling(client, demo_page, budget, url, grow):
    grow(demo_page, 0)
    before = count_queries(client, url(demo_page))
    grow(demo_page, 1)
    after = count_queries(client, url(demo_page))
    assert after == before, f"{budget}: {before} queries, then {after} with a longer list"
    assert_within_budget(budget, after)


def test_every_ceiling_is_within_the_budgets_per_request():
    """No page above 15 queries, no API call above 12: the promise the ceilings keep."""
    over = {
        name: count
        for name, count in BUDGETS.items()
        if count > (API_CEILING if "API" in name else PAGE_CEILING)
    }
    assert over == {}
