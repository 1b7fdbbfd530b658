"""The staff hub as City staff use it: every page in every language, its search on both
backends, the rules its editors meet, and flat query counts on its list pages."""

import datetime as dt

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils.html import escape

from wagtail.documents import get_document_model
from wagtail.models import Collection, Locale, PageViewRestriction
from wagtail_localize.synctree import synchronize_tree

import pytest

from engagement.demo import staff as staff_data
from engagement.models import (
    GuidancePage,
    StaffHubPage,
    StaffListPage,
    TopTopicsPage,
    TrainingLibraryPage,
)
from engagement.staff.seasons import next_season_start, season_of
from search.pdf import simple_pdf
from tests.query_budgets import assert_within_budget

pytestmark = pytest.mark.django_db

LANGUAGES = [code for code, _name in settings.LANGUAGES]
HEAT = "My landlord will not fix the heat. Can the city help?"
HEAT_ES = "Mi arrendador no arregla la calefacción. ¿Puede ayudar la ciudad?"
HUB_PAGES = {
    "hub": "",
    "guidance": "rental-repairs/",
    "top 10": "top-10-public-works/",
    "staff list": "customer-service-staff/",
    "library": "training-library/",
    "moved staff guide": "staff-guide/",
}


def hub(language="en"):
    return StaffHubPage.objects.get(locale__language_code=language)


def test_the_hub_is_restricted_to_city_staff_in_every_language():
    for language in LANGUAGES:
        page = hub(language)
        assert page.url == f"/{language}/staff/"
        restrictions = page.get_view_restrictions()
        assert [r.restriction_type for r in restrictions] == [PageViewRestriction.GROUPS]
        groups = {group.name for group in restrictions[0].groups.all()}
        assert groups == {"City staff", "City communications"}


@pytest.mark.parametrize("who", ["staff", "communications", "admin"])
def test_staff_read_every_hub_page_in_every_language(client_as, who):
    visitor = client_as(who)
    for language in LANGUAGES:
        for name, path in HUB_PAGES.items():
            response = visitor.get(f"/{language}/staff/{path}")
            assert response.status_code == 200, (who, language, name)
            assert f'lang="{language}"' in response.content.decode()[:300]


def test_the_hub_lists_answers_top_tens_and_the_rest(staff_client):
    html = staff_client.get("/en/staff/").content.decode()
    for _slug, question, short_answer, *_rest in staff_data.GUIDANCE:
        assert escape(question) in html and escape(short_answer) in html
    for text in (HEAT, "Top 10 topics: Parks and Recreation", "Customer-service staff list"):
        assert text in html
    spanish = staff_client.get("/es/staff/").content.decode()
    assert HEAT_ES in spanish and "Centro para el personal" in spanish


def test_a_guidance_page_shows_its_answer_and_who_handles_it(staff_client):
    html = staff_client.get("/en/staff/rental-repairs/").content.decode()
    assert "Safety and Inspections takes housing complaints" in html
    assert "651-266-8989" in html  # the information line's card
    assert "Inspector escalation line (staff only)" in html  # a staff-only line, for staff
    assert 'href="/en/services/rental-problem/"' in html
    spanish = staff_client.get("/es/staff/rental-repairs/").content.decode()
    assert 'href="/es/services/rental-problem/"' in spanish  # the topic in the reader's language


def test_a_top_ten_is_ordered_and_links_each_answer(staff_client):
    html = staff_client.get("/en/staff/top-10-public-works/").content.decode()
    items = html.split('class="top-topics__item"')[1:]
    assert len(items) == 10
    assert "Missed trash or recycling pickup" in items[0]
    assert 'href="/en/staff/missed-trash-pickup/"' in items[0]
    spanish = staff_client.get("/es/staff/top-10-public-works/").content.decode()
    assert 'href="/es/staff/missed-trash-pickup/"' in spanish


def test_a_top_ten_holds_at_most_ten_topics():
    page = TopTopicsPage.objects.get(locale__language_code="en", slug="top-10-public-works")
    page.topics = list(page.topics.raw_data) + [
        {"type": "topic", "value": {"title": "An eleventh", "summary": "", "answer": None}}
    ]
    with pytest.raises(ValidationError) as problem:
        page.full_clean()
    assert "at most 10 topics" in str(problem.value)


def test_the_staff_list_says_when_it_was_checked_and_is_due(staff_client):
    page = StaffListPage.objects.get(locale__language_code="en")
    html = staff_client.get(page.url).content.decode()
    assert "Jenna McCullough" in html and "651-266-6144" in html
    assert "due for its seasonal check" in html  # the demo list was checked a season ago
    assert page.next_review == next_season_start(page.last_reviewed)
    page.last_reviewed = dt.date.today()
    page.save_revision().publish()
    html = staff_client.get(page.url).content.decode()
    assert "due for its seasonal check" not in html


def test_seasons():
    assert season_of(dt.date(2026, 1, 15)) == "winter"
    assert season_of(dt.date(2026, 12, 1)) == "winter"
    assert season_of(dt.date(2026, 10, 3)) == "fall"
    assert next_season_start(dt.date(2026, 10, 3)) == dt.date(2026, 12, 1)
    assert next_season_start(dt.date(2026, 12, 24)) == dt.date(2027, 3, 1)
    assert next_season_start(dt.date(2026, 2, 28)) == dt.date(2026, 3, 1)


def test_the_library_lists_the_staff_presentations_and_serves_them_to_staff(staff_client):
    html = staff_client.get("/en/staff/training-library/").content.decode()
    assert html.count("Snacks &amp; Service:") == 3
    document = get_document_model().objects.get(title__contains="Dale Street Garage")
    response = staff_client.get(document.url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF")


def test_a_library_must_use_a_staff_only_collection():
    page = TrainingLibraryPage.objects.get(locale__language_code="en")
    page.collection = Collection.get_first_root_node()
    with pytest.raises(ValidationError) as problem:
        page.full_clean()
    assert "only City staff may see" in str(problem.value)


def test_city_staff_find_a_guidance_answer_by_search(staff_client, search_backend):
    for language, query, expected in (
        ("en", "landlord heat", HEAT),
        ("es", "arrendador calefacción", HEAT_ES),
    ):
        response = staff_client.get(f"/{language}/staff/search/", {"q": query})
        assert response.status_code == 200
        html = response.content.decode()
        assert expected in html, (language, search_backend)
        results = html.split('class="search-results"')[1]
        assert "/events/" not in results and "/district-councils/" not in results


def test_hub_search_finds_training_documents_and_staff_only_lines(staff_client, search_backend):
    html = staff_client.get("/en/staff/search/", {"q": "Dale Street Garage"}).content.decode()
    assert "Snacks &amp; Service: Public Works at the Dale Street Garage" in html
    html = staff_client.get("/en/staff/search/", {"q": "escalation line"}).content.decode()
    assert "Inspector escalation line (staff only)" in html
    # Public documents and public lines are not the hub's.
    html = staff_client.get("/en/staff/search/", {"q": "agenda"}).content.decode()
    assert "District 7 Council board meeting agenda" not in html


def test_hub_search_refuses_bad_input_with_a_message(staff_client):
    response = staff_client.get("/en/staff/search/", {"q": "x" * 1000})
    assert response.status_code == 400
    assert 'role="alert"' in response.content.decode()
    response = staff_client.get("/es/staff/search/", {"q": "calefacción", "page": "abc"})
    assert response.status_code == 400


def test_the_pages_api_serves_public_pages_only_so_never_the_hub(staff_client):
    """The API answers every caller alike (front ends and proxies cache it): staff read
    the hub on the site, and the API leaves it out even for them."""
    guidance = GuidancePage.objects.get(locale__language_code="es", slug="rental-repairs")
    listing = staff_client.get(
        "/api/v2/pages/", {"type": "engagement.GuidancePage", "locale": "es", "limit": 50}
    ).json()
    assert listing["items"] == []
    assert staff_client.get(f"/api/v2/pages/{guidance.pk}/").status_code == 404
    public = staff_client.get("/api/v2/pages/", {"type": "cms.ContentPage", "locale": "en"})
    assert public.json()["meta"]["total_count"] > 0


# Query counts: the hub's list pages cost the same however long their lists grow.


def count_queries(client, url):
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


def add_guidance(count, start):
    page = hub()
    for number in range(start, start + count):
        child = GuidancePage(
            title=f"Question {number}?",
            slug=f"question-{number}",
            question=f"Question {number}?",
            short_answer="An answer.",
        )
        page.add_child(instance=child)
        child.save_revision().publish()


def add_presentations(library, count, start):
    model = get_document_model()
    for number in range(start, start + count):
        document = model(title=f"Presentation {number}", collection=library.collection)
        document.file.save(f"p{number}.pdf", ContentFile(simple_pdf(["x"])), save=False)
        document.save()


@pytest.mark.parametrize("language", ["en", "es", "hmn"])
def test_the_hub_page_costs_the_same_with_more_answers(staff_client, language):
    url = f"/{language}/staff/"
    before = count_queries(staff_client, url)
    add_guidance(12, 100)
    if language != "en":
        synchronize_tree(Locale.objects.get(language_code="en"), hub(language).locale)
    assert count_queries(staff_client, url) == before
    assert_within_budget("staff hub", before)


def test_the_library_costs_the_same_with_more_presentations(staff_client):
    library = TrainingLibraryPage.objects.get(locale__language_code="en")
    before = count_queries(staff_client, library.url)
    add_presentations(library, 10, 1)
    assert count_queries(staff_client, library.url) == before
    assert_within_budget("staff training library", before)


@pytest.mark.parametrize(
    ("name", "path"),
    [
        ("staff top 10", "/es/staff/top-10-public-works/"),
        ("staff list", "/es/staff/customer-service-staff/"),
        ("staff guidance", "/es/staff/rental-repairs/"),
    ],
)
def test_hub_pages_stay_within_their_budgets(staff_client, name, path):
    assert_within_budget(name, count_queries(staff_client, path))
