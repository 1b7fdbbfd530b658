"""Council pages hold the real Saint Paul data, and their content is translatable."""

from django.core.exceptions import ValidationError
from django.test import Client

from wagtail import hooks
from wagtail.models import Locale

import pytest

from district_councils.models import CouncilUpdatePage, DistrictCouncilPage
from district_councils.queries import host_council
from engagement.models import EventPage

pytestmark = pytest.mark.django_db


def test_all_17_councils_with_their_real_names_numbers_and_neighborhoods(council_data):
    pages = DistrictCouncilPage.objects.filter(locale__language_code="en").live()
    by_number = {page.district_number: page for page in pages}
    assert sorted(by_number) == list(range(1, 18))
    for data in council_data:
        page = by_number[data["number"]]
        assert page.title == data["name"]
        assert page.area_name == data["area_name"]
        assert page.neighborhood_names == data["neighborhoods"]
        assert page.website == (data["website"] or "")


def test_every_council_has_its_boundary_from_the_data(boundary_data):
    for page in DistrictCouncilPage.objects.filter(locale__language_code="en"):
        assert page.boundary == boundary_data[page.district_number]


def test_index_lists_all_17_councils_in_number_order_in_every_language(client, council_data):
    names = [data["name"] for data in sorted(council_data, key=lambda data: data["number"])]
    for code in ("en", "es", "hmn", "so", "ksw"):
        response = client.get(f"/{code}/district-councils/")
        assert response.status_code == 200
        html = response.content.decode()
        positions = [html.index(f">{name.replace(chr(39), '&#x27;')}</a>") for name in names]
        assert positions == sorted(positions), code


@pytest.mark.parametrize(
    "boundary",
    [
        {"type": "Point", "coordinates": [-93.1, 44.9]},
        {"type": "Polygon", "coordinates": "not a list"},
        {"type": "Polygon", "coordinates": [[[0, 0], [1, 1], [1, 0], [0, 1], [0, 0]]]},
        {"type": "Polygon", "coordinates": [[[500, 44], [501, 44], [501, 45], [500, 44]]]},
        ["not", "an", "object"],
    ],
)
def test_invalid_boundaries_are_rejected(council, boundary):
    page = council(1)
    page.boundary = boundary
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    assert "boundary" in error.value.message_dict


def test_council_page_shows_profile_details(client, council):
    page = council(1)
    page.office_address = "123 Example Street\nSaint Paul, MN"
    page.phone = "651-000-0000"
    page.email = "demo@example.org"
    page.social_links = [("link", {"label": "Facebook", "url": "https://facebook.com/demo"})]
    page.people = [
        (
            "person",
            {
                "name": "Pat Example",
                "role": "Executive director",
                "group": "staff",
                "photo": None,
                "email": "",
                "phone": "",
            },
        ),
        (
            "person",
            {
                "name": "Sam Example",
                "role": "Board chair",
                "group": "board",
                "photo": None,
                "email": "",
                "phone": "",
            },
        ),
    ]
    page.staff_languages = [("language", "Hmong"), ("language", "Spanish")]
    page.save_revision().publish()
    html = Client().get(page.url).content.decode()
    for text in (
        "District 1",
        "Eastview",
        "123 Example Street",
        "tel:6510000000",
        "mailto:demo@example.org",
        "https://www.southeastside.org",
        "https://facebook.com/demo",
        "Pat Example",
        "Executive director",
        "Board chair",
        "How and when the board meets",
        "Join a committee",
        "Run for the board",
        "Volunteer",
        "Languages our staff speak",
        "Hmong",
        "demo data",
    ):
        assert text in html, text


def test_neighborhood_and_council_text_are_translated_with_wagtail_localize(client, council):
    spanish = council(17, "es")
    assert spanish.alias_of_id is None  # a real translation, not an alias
    assert "Centro de Saint Paul" in spanish.neighborhood_names
    html = client.get(spanish.url).content.decode()
    assert "Centro de Saint Paul" in html
    assert 'lang="es"' in html
    # The boundary is shared, not translated.
    assert spanish.boundary == council(17).boundary


def test_untranslated_council_shows_english_with_notice_in_hmong(client, council):
    response = client.get(council(3, "hmn").url)
    html = response.content.decode()
    assert response.status_code == 200
    assert 'class="notice notice--translation"' in html
    assert 'class="content" lang="en"' in html


def test_update_written_in_hmong_first_and_translated_into_english(council):
    hmong = council(5, "hmn")
    original = CouncilUpdatePage.objects.child_of(hmong).get(slug="piv-txwv-kev-nyab-xeeb")
    assert original.alias_of_id is None
    english = original.get_translation(Locale.objects.get(language_code="en"))
    assert english.title == "Demo update: community safety meeting"
    assert english.get_parent().pk == council(5).pk
    assert english.live


def test_council_page_tree_rules(council, council_index):
    assert DistrictCouncilPage.allowed_parent_page_models() == [council_index().specific_class]
    assert CouncilUpdatePage.allowed_parent_page_models() == [DistrictCouncilPage]
    assert DistrictCouncilPage.allowed_subpage_models() == [CouncilUpdatePage, EventPage]
    update = CouncilUpdatePage.objects.child_of(council(1)).first()
    assert host_council(update).pk == council(1).pk


def test_other_apps_add_sections_and_alternate_links_to_council_pages(client, council):
    def events_section(request, page):
        return {
            "template": "district_councils/tests/section.html",
            "order": 5,
            "alternate_links": [
                {
                    "type": "text/calendar",
                    "href": f"{page.url}events.ics",
                    "title": "Events calendar",
                }
            ],
            "heading": f"Upcoming events of {page.title}",
        }

    page = council(2)
    with hooks.register_temporarily("district_council_page_sections", events_section):
        html = client.get(page.url).content.decode()
    head = html.split("</head>")[0]
    assert (
        f'<link rel="alternate" type="text/calendar" href="{page.url}events.ics" '
        'title="Events calendar">'
    ) in head
    assert "Upcoming events of District 2 Community Council" in html.split("</head>")[1]
