"""Staff-only pages on every channel, in two languages, for an anonymous visitor and for a
signed-in council editor outside the staff group.

Each case is first shown on every channel without the restriction (so every check below
can see a leak), then restricted after its Spanish translation exists, in two ways: through
the ORM as the admin does (the restriction is copied to the translation by ``cms.signals``),
and written without signals, as data made before the copies existed (only the query-time
rule of ``cms.visibility`` protects the translation then).
"""

import datetime as dt

from django.conf import settings
from django.contrib.auth.models import Group
from django.utils import timezone

from wagtail.models import PageViewRestriction

import pytest

from cms import visibility
from cms.roles import CITY_STAFF
from district_councils.models import DistrictCouncilPage
from tests.engagement.conftest import make_event  # noqa: F401 (fixture)

pytestmark = pytest.mark.django_db

WORD = "Zorblat"  # in no demo text, so a hit is the private page's
TITLES = {"en": f"{WORD} staff budget briefing", "es": f"{WORD} sesión de presupuesto"}
LANGUAGES = ("en", "es")
VISITORS = (None, "council1-editor")


def council(number, language):
    return DistrictCouncilPage.objects.get(district_number=number, locale__language_code=language)


def restrict(page, mode):
    """A City-staff restriction on ``page``: ``saved`` as the admin saves it, ``unsynced``
    written past every signal and read afresh, as after a restart."""
    staff = Group.objects.get(name=CITY_STAFF)
    if mode == "saved":
        restriction = PageViewRestriction.objects.create(
            page=page, restriction_type=PageViewRestriction.GROUPS
        )
        restriction.groups.add(staff)
        return restriction
    (restriction,) = PageViewRestriction.objects.bulk_create(
        [PageViewRestriction(page=page, restriction_type=PageViewRestriction.GROUPS)]
    )
    PageViewRestriction.groups.through.objects.bulk_create(
        [PageViewRestriction.groups.through(pageviewrestriction=restriction, group=staff)]
    )
    visibility.invalidate()
    return restriction


@pytest.fixture
def briefing(make_event, locales):  # noqa: F811
    """A council 1 meeting in English and Spanish, soon, on the housing topic."""
    start = timezone.now().replace(microsecond=0) + dt.timedelta(minutes=30)
    english = make_event(TITLES["en"], parent=council(1, "en"), start=start, topics="housing")
    spanish = english.copy_for_translation(locales["es"])
    spanish.title = TITLES["es"]
    spanish.save_revision().publish()
    spanish.refresh_from_db()
    return {"en": english, "es": spanish}


def channels(language, page):
    """Every public URL that could show the page's title, in ``language``."""
    events = f"/{language}/events/"
    month = timezone.localtime(page.start).strftime("%Y-%m")
    return {
        "events list": events,
        "council filter": f"{events}?council=1",
        "month view": f"{events}month/{month}/",
        "calendar": f"{events}calendar.ics",
        "council calendar": f"{events}calendar/council/1.ics",
        "topic calendar": f"{events}calendar/topic/housing.ics",
        "events API": f"/api/v2/events/?locale={language}&limit=100",
        "home teaser": f"/{language}/",
        "council page": council(1, language).url,
        "search": f"/{language}/search/?q={WORD}",
        "suggestions": f"/{language}/search/suggest/?q={WORD[:5]}",
        "search API": f"/api/v2/search/?q={WORD}&locale={language}",
        "pages API": f"/api/v2/pages/{page.pk}/",
        "pages API listing": f"/api/v2/pages/?locale={language}&type=engagement.EventPage"
        "&limit=100",
        "sitemap": "/sitemap.xml",
    }


def leaks(visitor, language, page):
    """The channels whose answer carries the page's title or URL."""
    found = []
    for name, url in channels(language, page).items():
        body = visitor.get(url).content.decode()
        if page.title in body or page.url in body or page.full_url in body:
            found.append(name)
    return found


def every_channel(language, page):
    return list(channels(language, page))


def visitor_for(client, client_as, who):
    return client_as(who) if who else client


def test_each_channel_shows_the_meeting_while_it_is_public(client, client_as, briefing):
    """The control: every check below can see the meeting on every channel."""
    for language in LANGUAGES:
        for who in VISITORS:
            visitor = visitor_for(client, client_as, who)
            assert leaks(visitor, language, briefing[language]) == every_channel(
                language, briefing[language]
            )


@pytest.mark.parametrize("mode", ["saved", "unsynced"])
def test_a_staff_only_meeting_is_on_no_channel_in_any_language(client, client_as, briefing, mode):
    restrict(briefing["en"], mode)
    copied = PageViewRestriction.objects.filter(page=briefing["es"]).exists()
    assert copied is (mode == "saved")
    for language in LANGUAGES:
        for who in VISITORS:
            visitor = visitor_for(client, client_as, who)
            assert leaks(visitor, language, briefing[language]) == [], (language, who)
            assert visitor.get(briefing[language].url).status_code == 302  # sign in
    staff = client_as("staff")
    for language in LANGUAGES:
        response = staff.get(briefing[language].url)
        assert response.status_code == 200
        assert briefing[language].title in response.content.decode()


@pytest.mark.parametrize("mode", ["saved", "unsynced"])
def test_a_staff_only_council_hides_its_meetings_and_itself(client, client_as, briefing, mode):
    restrict(council(1, "en"), mode)
    for language in LANGUAGES:
        spanish_or_english = council(1, language)
        for who in VISITORS:
            visitor = visitor_for(client, client_as, who)
            assert leaks(visitor, language, briefing[language]) == [], (language, who)
            assert visitor.get(f"/{language}/events/?council=1").status_code == 400
            councils = visitor.get(f"/api/v2/district-councils/?locale={language}").json()
            assert spanish_or_english.pk not in {item["id"] for item in councils["items"]}
            assert len(councils["items"]) == 16
            index = visitor.get(f"/{language}/district-councils/").content.decode()
            assert spanish_or_english.url not in index
            assert spanish_or_english.url not in visitor.get("/sitemap.xml").content.decode()


def test_lifting_the_restriction_lifts_it_from_the_translation(client, briefing):
    restriction = restrict(briefing["en"], "saved")
    assert leaks(client, "es", briefing["es"]) == []
    restriction.delete()
    assert not PageViewRestriction.objects.filter(page=briefing["es"]).exists()
    assert leaks(client, "es", briefing["es"]) == every_channel("es", briefing["es"])


def test_a_restriction_on_the_translation_reaches_the_source_page(briefing):
    restriction = restrict(briefing["es"], "saved")
    copy = PageViewRestriction.objects.get(page=briefing["en"])
    assert copy.restriction_type == PageViewRestriction.GROUPS
    assert set(copy.groups.values_list("name", flat=True)) == {CITY_STAFF}
    restriction.groups.set([Group.objects.get(name=CITY_STAFF), *Group.objects.filter(pk=1)])
    assert set(copy.groups.all()) == set(restriction.groups.all())


def test_deleting_the_source_page_leaves_the_translation_private(client, briefing):
    restrict(briefing["en"], "saved")
    briefing["en"].delete()
    assert PageViewRestriction.objects.filter(page=briefing["es"]).exists()
    assert leaks(client, "es", briefing["es"]) == []


# The staff hub (/<lang>/staff/): every page below it, its training documents and its
# search, on every channel, in every language.

ALL_LANGUAGES = [code for code, _name in settings.LANGUAGES]
HUB_PATHS = [
    "",
    "search/?q=landlord",
    "rental-repairs/",
    "top-10-public-works/",
    "customer-service-staff/",
    "training-library/",
    "staff-guide/",
]
# Text found only in the hub (each longer than any query below, which a page may echo).
HUB_TEXTS = [
    "Safety and Inspections registers and secures vacant buildings.",
    "Mi arrendador no arregla la calefacción",
    "Top 10 topics: Public Works",
    "Los 10 temas principales",
    "Jenna McCullough",
    "Dale Street Garage",
    "Snacks &amp; Service",
    "Snacks & Service",
    "Customer-service staff list",
    "Staff guide: routing resident requests",
    "Centro para el personal",
]
HUB_QUERIES = ["landlord", "arrendador", "vacant", "snacks", "McCullough", "Dale", "top"]


def hub_channels(language):
    """Every public URL that could show staff-hub text, in ``language``."""
    urls = {
        "home and its teasers": f"/{language}/",
        "main navigation API": f"/api/v2/navigation/?locale={language}",
        "sitemap": "/sitemap.xml",
        "documents API": "/api/v2/documents/?limit=100",
        "pages API": f"/api/v2/pages/?locale={language}&limit=100&fields=*",
        "guidance in the pages API": f"/api/v2/pages/?locale={language}"
        "&type=engagement.GuidancePage&fields=question,short_answer",
        "department page": f"/{language}/departments/public-works/",
    }
    for query in HUB_QUERIES:
        urls[f"search {query}"] = f"/{language}/search/?q={query}"
        urls[f"suggest {query}"] = f"/{language}/search/suggest/?q={query}"
        urls[f"search API {query}"] = f"/api/v2/search/?q={query}&locale={language}"
        urls[f"suggest API {query}"] = f"/api/v2/search/suggest/?q={query}&locale={language}"
    return urls


def hub_leaks(visitor, language):
    found = []
    for name, url in hub_channels(language).items():
        body = visitor.get(url).content.decode()
        if any(text in body for text in HUB_TEXTS) or f"/{language}/staff/" in body:
            found.append(name)
    return found


@pytest.fixture
def hub_on_every_list():
    """The hub as an editor might expose it: in the main menu and promoted in search."""
    from wagtail.contrib.search_promotions.models import Query, SearchPromotion

    from cms.models import NavigationMenu
    from engagement.models import GuidancePage, StaffHubPage

    hub = StaffHubPage.objects.get(locale__language_code="en")
    menu = NavigationMenu.objects.get(locale__language_code="en")
    menu.items = [*menu.items.raw_data, {"type": "link", "value": {"page": hub.pk, "url": ""}}]
    menu.save()
    guidance = GuidancePage.objects.get(locale__language_code="en", slug="vacant-building")
    for query in HUB_QUERIES:
        SearchPromotion.objects.create(query=Query.get(query), page=guidance, sort_order=0)
    return hub


def test_staff_see_the_hub_on_the_channels_the_checks_read(client_as, hub_on_every_list):
    """The control: the checks below see hub text where a staff member may see it."""
    found = hub_leaks(client_as("staff"), "en")
    # The pages and documents APIs answer every caller as an anonymous visitor (their
    # answers are cached for everyone), so they are not among the channels staff read.
    for channel in (
        "home and its teasers",
        "search landlord",
        "suggest landlord",
        "search API landlord",
    ):
        assert channel in found, found


@pytest.mark.parametrize("who", VISITORS)
def test_no_staff_hub_text_reaches_anyone_outside_the_groups(
    client, client_as, who, hub_on_every_list
):
    visitor = visitor_for(client, client_as, who)
    for language in ALL_LANGUAGES:
        assert hub_leaks(visitor, language) == [], (language, who)
        for path in HUB_PATHS:
            response = visitor.get(f"/{language}/staff/{path}")
            assert response.status_code == 302, (language, path)
            assert "/_util/login/" in response["Location"]


@pytest.mark.parametrize("who", VISITORS)
def test_staff_hub_pages_and_documents_are_refused_by_id(client, client_as, who):
    from wagtail.documents import get_document_model

    from engagement.models import StaffHubPage

    visitor = visitor_for(client, client_as, who)
    hub = StaffHubPage.objects.get(locale__language_code="en")
    pages = hub.get_descendants(inclusive=True)
    for page in pages:
        for copy in page.get_translations(inclusive=True):
            assert visitor.get(f"/api/v2/pages/{copy.pk}/").status_code == 404, copy.url_path
    documents = get_document_model().objects.filter(
        collection__name="Snacks & Service presentations"
    )
    assert documents.count() == 3
    for document in documents:
        assert visitor.get(f"/api/v2/documents/{document.pk}/").status_code == 404
        response = visitor.get(document.url)
        assert response.status_code == 302 and "/_util/login/" in response["Location"]
        assert visitor.get(f"/media/{document.file.name}").status_code == 404
