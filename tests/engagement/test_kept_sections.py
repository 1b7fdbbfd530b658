"""Page sections kept rendered between requests (``cms.sections``): an edit shows on the next
request, the clock moves "upcoming" lists on, each language keeps its own, and a kept
section spares the queries that built it."""

import datetime as dt

from django.core.cache import cache
from django.test import override_settings
from django.utils import timezone

import pytest
import time_machine

from district_councils.models import CouncilUpdatePage
from tests.engagement.conftest import CHICAGO

pytestmark = pytest.mark.django_db

KEPT = 60


@pytest.fixture(autouse=True)
def kept_sections():
    cache.clear()
    with override_settings(SECTION_CACHE_SECONDS=KEPT):
        yield
    cache.clear()


@pytest.fixture
def publish_update(demo_page):
    def publish(title):
        council = demo_page("district-councils").get_children().live().first().specific
        newest = CouncilUpdatePage.objects.live().order_by("-date").first().date
        update = council.add_child(
            instance=CouncilUpdatePage(
                title=title,
                slug=title.lower().replace(" ", "-"),
                date=newest + dt.timedelta(days=1),
                summary=f"About {title}.",
            )
        )
        update.save_revision().publish()
        return update

    return publish


def test_a_publish_or_unpublish_shows_on_the_home_page_at_once(client, publish_update):
    assert "Street festival" not in client.get("/en/").content.decode()  # sections now kept
    update = publish_update("Street festival")
    assert "Street festival" in client.get("/en/").content.decode()
    update.unpublish()
    assert "Street festival" not in client.get("/en/").content.decode()


def test_a_kept_section_is_the_same_html_and_spares_its_queries(
    client, django_assert_max_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as first:
        fresh = client.get("/en/").content.decode()
    with CaptureQueriesContext(connection) as second:
        kept = client.get("/en/").content.decode()
    assert kept == fresh
    # The three teasers (council finder, latest updates, upcoming events) cost queries of
    # their own; kept, they cost none.
    assert len(second) <= len(first) - 3
    with override_settings(SECTION_CACHE_SECONDS=0):
        assert client.get("/en/").content.decode() == fresh


def test_each_language_keeps_its_own_sections(client):
    english = client.get("/en/").content.decode()
    spanish = client.get("/es/").content.decode()
    assert "Upcoming meetings and events" in english
    assert "Upcoming meetings and events" not in spanish
    assert 'href="/es/events/"' in spanish and 'href="/es/events/"' not in english


def test_upcoming_events_move_on_with_the_clock(client, make_event, locales):
    from engagement.models import EventOccurrence

    now = dt.datetime.now(CHICAGO).replace(microsecond=0)
    soonest = EventOccurrence.objects.live().for_locale(locales["en"]).upcoming().first()
    start = min(now + dt.timedelta(minutes=10), soonest.start - dt.timedelta(minutes=5))
    make_event("Lunch walk", slug="lunch-walk", start=start, end=now + dt.timedelta(minutes=30))
    assert "Lunch walk" in client.get("/en/").content.decode()
    # Two hours on, the walk is over: the kept teaser has expired and lists what is next.
    with time_machine.travel(timezone.now() + dt.timedelta(hours=2), tick=False):
        assert "Lunch walk" not in client.get("/en/").content.decode()


def test_a_council_page_keeps_its_sections_until_its_events_change(
    client, make_event, demo_page, locales
):
    from engagement.models import EventOccurrence

    council = demo_page("district-councils").get_children().live().first().specific
    assert "Garden cleanup" not in client.get(council.url).content.decode()
    now = dt.datetime.now(CHICAGO).replace(microsecond=0)
    soonest = (
        EventOccurrence.objects.live()
        .for_locale(locales["en"])
        .filter(host_council=council)
        .upcoming()
        .first()
    )
    start = now + dt.timedelta(hours=1)
    if soonest:  # the council section lists the soonest few: be one of them
        start = min(start, soonest.start - dt.timedelta(minutes=5))
    make_event(
        "Garden cleanup",
        slug="garden-cleanup",
        parent=council,  # an event below a council page is that council's
        start=start,
        end=now + dt.timedelta(hours=2),
    )
    assert "Garden cleanup" in client.get(council.url).content.decode()


# --- what else is kept the same way: long lists' counts, a rare topic's few events ----------


def queries_for(client, path):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        html = client.get(path).content.decode()
    return html, [query["sql"] for query in captured.captured_queries]


def test_the_events_list_counts_once_and_counts_again_after_a_publish(client, make_event):
    html, queries = queries_for(client, "/en/events/")
    counted = [sql for sql in queries if sql.startswith("SELECT COUNT(*)")]
    assert len(counted) == 1
    before = int(html.split(' class="results-count">')[1].split(" ")[0])
    html, queries = queries_for(client, "/en/events/")
    assert not [sql for sql in queries if sql.startswith("SELECT COUNT(*)")]
    assert f' class="results-count">{before} events found' in html
    make_event("Zoning hearing", slug="zoning-hearing")
    html = client.get("/en/events/").content.decode()
    assert f' class="results-count">{before + 1} events found' in html


def test_an_explainer_finds_its_topic_s_events_once_until_one_is_published(client, make_event):
    make_event("Budget listening night", slug="budget-listening", topics="budget")
    path = "/en/how-it-works/city-budget/"

    def reads_occurrences(queries):
        return [sql for sql in queries if 'FROM "engagement_eventoccurrence"' in sql]

    html, first = queries_for(client, path)
    assert "Budget listening night" in html and len(reads_occurrences(first)) == 1
    html, second = queries_for(client, path)
    assert "Budget listening night" in html and not reads_occurrences(second)
    make_event("Levy hearing", slug="levy-hearing", topics="budget")
    assert "Levy hearing" in client.get(path).content.decode()


def test_the_pages_api_total_follows_a_publish(client, publish_update):
    path = "/api/v2/pages/?type=district_councils.CouncilUpdatePage&locale=en&limit=1"
    total = client.get(path).json()["meta"]["total_count"]
    assert client.get(path).json()["meta"]["total_count"] == total
    publish_update("Street festival")
    assert client.get(path).json()["meta"]["total_count"] == total + 1


def test_the_events_api_total_follows_a_publish(client, make_event):
    total = client.get("/api/v2/events/?locale=en").json()["meta"]["total_count"]
    assert client.get("/api/v2/events/?locale=en").json()["meta"]["total_count"] == total
    make_event("Zoning hearing", slug="zoning-hearing")
    assert client.get("/api/v2/events/?locale=en").json()["meta"]["total_count"] == total + 1


# --- a calendar feed keeps each event's text -----------------------------------------------


def test_a_feed_builds_each_event_once_and_is_the_same_calendar(client, make_event):
    from icalendar import Calendar

    make_event("Zoning hearing", slug="zoning-hearing")
    path = "/en/events/calendar.ics"
    fresh, first = queries_for(client, path)
    kept, second = queries_for(client, path)
    assert kept == fresh
    with override_settings(SECTION_CACHE_SECONDS=0):
        assert client.get(path).content.decode() == fresh

    def loads_events(queries):  # an event's text needs its summary; the list needs only ids
        return [sql for sql in queries if '"engagement_eventpage"."summary"' in sql]

    assert loads_events(first) and not loads_events(second)
    calendar = Calendar.from_ical(kept)
    assert [zone["TZID"] for zone in calendar.walk("VTIMEZONE")] == ["America/Chicago"]
    assert "Zoning hearing" in [str(event["SUMMARY"]) for event in calendar.walk("VEVENT")]


def test_a_feed_shows_an_edit_and_a_new_event_at_once(client, make_event):
    hearing = make_event("Zoning hearing", slug="zoning-hearing")
    path = "/en/events/calendar.ics"
    assert "SUMMARY:Zoning hearing" in client.get(path).content.decode()
    hearing.title = "Zoning hearing (new room)"
    hearing.save_revision().publish()
    make_event("Budget night", slug="budget-night")
    feed = client.get(path).content.decode()
    assert "SUMMARY:Zoning hearing (new room)" in feed
    assert "SUMMARY:Zoning hearing\r\n" not in feed
    assert "SUMMARY:Budget night" in feed


def test_each_language_keeps_its_own_feed_text(client):
    english = client.get("/en/events/calendar.ics").content.decode()
    spanish = client.get("/es/events/calendar.ics").content.decode()
    assert "/en/events/" in english and "/en/events/" not in spanish
    assert "/es/events/" in spanish


# --- the services index keeps its topic list, one copy per set of hidden sections -----------


def test_the_topic_list_is_read_once_and_shows_a_new_topic_at_once(client, demo_page):
    from engagement.models import ServiceTopicPage

    def reads_topics(queries):
        return [sql for sql in queries if '"engagement_servicetopicpage"."description"' in sql]

    fresh, first = queries_for(client, "/en/services/")
    kept, second = queries_for(client, "/en/services/")
    assert kept == fresh and reads_topics(first) and not reads_topics(second)
    topic = ServiceTopicPage(
        title="Leaf pickup",
        slug="leaf-pickup",
        description="Bagged leaves in the fall.",
        category="streets",
        intake_phone="651-266-8989",
    )
    demo_page("services").add_child(instance=topic)
    topic.save_revision().publish()
    assert "/en/services/leaf-pickup/" in client.get("/en/services/").content.decode()


def test_a_restricted_topic_stays_out_of_the_public_copy_and_in_the_signed_in_one(
    client, demo_page, django_user_model
):
    from django.test import Client

    from wagtail.models import PageViewRestriction

    topic = demo_page("services/graffiti")
    PageViewRestriction.objects.create(page=topic, restriction_type=PageViewRestriction.LOGIN)
    resident = Client()
    resident.force_login(django_user_model.objects.create_user("resident", password="x"))
    link = "/en/services/graffiti/"
    assert link in resident.get("/en/services/").content.decode()  # kept for signed-in users
    assert link not in client.get("/en/services/").content.decode()
    assert link in resident.get("/en/services/").content.decode()
    assert link not in client.get("/en/services/").content.decode()


def test_each_filter_keeps_its_own_count(client):
    def count(path):
        html = client.get(path).content.decode()
        return int(html.split(' class="results-count">')[1].split(" ")[0])

    paths = ["/en/events/", "/en/events/?topic=housing"]
    kept = {path: [count(path), count(path)] for path in paths}
    with override_settings(SECTION_CACHE_SECONDS=0):
        fresh = {path: count(path) for path in paths}
    assert {path: counts[1] for path, counts in kept.items()} == fresh
    assert fresh["/en/events/?topic=housing"] < fresh["/en/events/"]


# --- a page of a long list is read once per content change ---------------------------------


def test_a_page_of_api_results_is_read_once_and_follows_a_publish(client, publish_update):
    base = "/api/v2/pages/?type=district_councils.CouncilUpdatePage&locale=en&limit=3"

    def titles(path):
        return [item["title"] for item in client.get(path).json()["items"]]

    pages = {
        order: [titles(f"{base}&order={order}&offset={offset}") for offset in (0, 3)]
        for order in ("-date", "date", "title")
    }
    with override_settings(SECTION_CACHE_SECONDS=0):
        fresh = {
            order: [titles(f"{base}&order={order}&offset={offset}") for offset in (0, 3)]
            for order in pages
        }
    assert pages == fresh  # each order and offset keeps its own rows
    assert pages["-date"][0] != pages["-date"][1] and pages["-date"][0] != pages["date"][0]
    newest, queries = queries_for(client, f"{base}&order=-date")
    assert not [sql for sql in queries if "ORDER BY" in sql and "councilupdatepage" in sql]
    publish_update("Street festival")
    assert titles(f"{base}&order=-date")[0] == "Street festival"


def test_a_council_s_page_of_updates_follows_a_publish(client, publish_update, demo_page):
    council = demo_page("district-councils").get_children().live().first().specific
    client.get(council.url)
    update = publish_update("Street festival")  # on the first council's page
    assert update.get_parent().pk == council.pk
    assert "Street festival" in client.get(council.url).content.decode()
    update.unpublish()
    assert "Street festival" not in client.get(council.url).content.decode()


def test_a_month_is_read_once_and_shows_a_new_event_at_once(client, make_event):
    start = (dt.datetime.now(CHICAGO) + dt.timedelta(days=40)).replace(
        hour=10, minute=0, second=0, microsecond=0
    )
    path = f"/en/events/month/{start.year}-{start.month:02d}/"
    fresh, first = queries_for(client, path)
    kept, second = queries_for(client, path)

    def reads_occurrences(queries):
        return [sql for sql in queries if 'FROM "engagement_eventoccurrence"' in sql]

    assert kept == fresh and reads_occurrences(first) and not reads_occurrences(second)
    make_event("Tree planting", slug="tree-planting", start=start)
    assert "Tree planting" in client.get(path).content.decode()


def test_an_event_page_reads_its_index_home_and_settings_once(client, make_event):
    event = make_event("Zoning hearing", slug="zoning-hearing")
    fresh, first = queries_for(client, event.url)
    kept, second = queries_for(client, event.url)
    assert kept == fresh
    # the events index, the home page above (JSON-LD organizer) and the site's settings
    assert len(second) <= len(first) - 3


def test_an_update_listing_names_its_council_as_renamed_and_the_council_index_lists_it(
    client, demo_page
):
    path = (
        "/api/v2/pages/?type=district_councils.CouncilUpdatePage&locale=en&limit=100&fields=council"
    )
    first = client.get(path).json()["items"][0]
    council = demo_page("district-councils").get_children().get(pk=first["council"]["id"])
    council = council.specific
    assert client.get(path).json()["items"][0]["council"]["title"] == council.title
    council.title = "Renamed Community Council"
    council.save_revision().publish()
    names = {item["council"]["title"] for item in client.get(path).json()["items"]}
    assert "Renamed Community Council" in names
    assert "Renamed Community Council" in client.get("/en/district-councils/").content.decode()
