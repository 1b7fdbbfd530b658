"""Residents find their council by neighborhood, location or map point; bad input gets a 400."""

from django.test import Client
from django.utils.html import escape

import pytest
from shapely.geometry import shape

from district_councils import geo
from tests.district_councils.conftest import (
    CITY_HALL,
    COMO_ZOO,
    MACALESTER_COLLEGE,
    MINNEAPOLIS_CITY_HALL,
)

pytestmark = pytest.mark.django_db
INDEX = "/{language}/district-councils/"


def find(language="en", **params):
    return Client().get(INDEX.format(language=language), params)


def result_of(response):
    html = response.content.decode()
    start = html.index('id="find-result"')
    return html[start : html.index("</div>", start)]


@pytest.mark.parametrize(
    ("point", "number"), [(CITY_HALL, 17), (COMO_ZOO, 10), (MACALESTER_COLLEGE, 14)]
)
def test_a_point_resolves_to_the_council_it_is_in(council, point, number):
    response = find(lat=point[0], lon=point[1])
    assert response.status_code == 200
    assert escape(council(number).title) in result_of(response)
    assert f'href="{council(number).url}"' in result_of(response)


def test_every_district_resolves_from_a_point_inside_it(council, boundary_data):
    for number, geometry in boundary_data.items():
        point = shape(geometry).representative_point()
        response = find(lat=point.y, lon=point.x)
        assert escape(council(number).title) in result_of(response), number


def test_point_resolves_in_the_visitors_language(council):
    response = find("es", lat=CITY_HALL[0], lon=CITY_HALL[1])
    assert f'href="{council(17, "es").url}"' in result_of(response)
    assert "/es/district-councils/" in council(17, "es").url


def test_point_outside_the_city_gets_a_clear_message_not_an_error():
    response = find(lat=MINNEAPOLIS_CITY_HALL[0], lon=MINNEAPOLIS_CITY_HALL[1])
    assert response.status_code == 200
    assert "outside Saint Paul" in result_of(response)


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"lat": "44.95"}, "Give both a latitude"),
        ({"lat": "abc", "lon": "-93.1"}, "must be numbers"),
        ({"lat": "nan", "lon": "-93.1"}, "must be numbers"),
        ({"lat": "95", "lon": "-93.1"}, "Latitude must be between -90 and 90"),
        ({"lat": "44.9", "lon": "-193.1"}, "Longitude must be between -180 and 180"),
        ({"neighborhood": ""}, "Type or choose the name of your neighborhood"),
        ({"neighborhood": "x" * 201}, "too long"),
    ],
)
def test_bad_input_gets_a_400_with_a_clear_message(params, message):
    response = find(**params)
    assert response.status_code == 400
    assert message in result_of(response)
    # The rest of the page still works: the list of councils is there.
    assert "Southeast Community Organization" in response.content.decode()


def test_bad_coordinates_message_is_in_the_visitors_language():
    response = find("es", lat="abc", lon="-93.1")
    assert response.status_code == 400
    assert 'lang="es"' in response.content.decode()
    assert "must be numbers" not in result_of(response)


@pytest.mark.parametrize(
    ("query", "number"),
    [
        ("Frogtown", 7),
        ("frogtown", 7),
        ("Daytons Bluff", None),
        ("dayton’s bluff", 4),
        ("Highland Park", 15),
        ("Hayden", 2),
        ("Merriam Park", 13),
    ],
)
def test_neighborhood_names_resolve(council, query, number):
    response = find(neighborhood=query)
    assert response.status_code == 200
    if number is None:
        assert "No neighborhood called" in result_of(response)
    else:
        assert f'href="{council(number).url}"' in result_of(response)


def test_neighborhood_matching_several_councils_offers_a_choice(council):
    response = find(neighborhood="Park")
    result = result_of(response)
    assert "More than one council matches" in result
    for number in (4, 10, 12, 13, 15):
        assert escape(council(number).title) in result


def test_translated_neighborhood_names_work_in_that_language(council):
    response = find("es", neighborhood="centro de saint paul")
    assert f'href="{council(17, "es").url}"' in result_of(response)


def test_index_works_without_javascript_as_a_plain_list(council_data):
    html = find().content.decode()
    assert '<ol class="dc-council-list">' in html
    for data in council_data:
        for neighborhood in data["neighborhoods"]:
            assert neighborhood.replace("'", "&#x27;") in html
    # The form submits to the server; the combobox role is only added by JavaScript.
    assert '<form class="dc-find" method="get"' in html
    assert 'role="combobox"' not in html
    # "Use my location" is hidden until JavaScript shows it.
    assert "data-geolocate" in html and "hidden>" in html


def test_index_has_map_data_for_all_boundaries_and_no_external_urls(council_data):
    html = find().content.decode()
    assert 'id="council-map-data"' in html
    assert html.count('"type": "Feature"') == 17
    assert "unpkg.com" not in html and "cdn" not in html.lower()
    assert 'data-tile-url=""' in html


def test_tile_url_comes_from_settings(settings):
    settings.MAP_TILE_URL = "https://tiles.example.org/{z}/{x}/{y}.png"
    html = find().content.decode()
    assert 'data-tile-url="https://tiles.example.org/{z}/{x}/{y}.png"' in html


def test_home_page_has_find_my_council_teaser_and_latest_updates():
    html = Client().get("/en/").content.decode()
    assert "Find your district council" in html
    assert 'action="/en/district-councils/#find-result"' in html
    assert "Latest from the district councils" in html
    assert "Demo update: community safety meeting" in html
    # Every council name on the home page update list is the council the update belongs to.
    assert "Payne-Phalen Community Council" in html


def test_republished_boundary_is_used_without_restart(council):
    page = council(16)
    geo.clear_cache()
    assert "Summit Hill Association" not in result_of(find(lat=CITY_HALL[0], lon=CITY_HALL[1]))
    page.boundary = council(17).boundary
    page.save_revision().publish()
    council(17).unpublish()
    result = result_of(find(lat=CITY_HALL[0], lon=CITY_HALL[1]))
    assert "Summit Hill Association" in result


def fake_geocoder(address):
    """Stands in for a real geocoding service; the tests never call one."""
    if address == "broken":
        raise ConnectionError("geocoder down")
    return {"15 W Kellogg Blvd": CITY_HALL, "Minneapolis": MINNEAPOLIS_CITY_HALL}.get(address)


def test_address_search_is_off_by_default():
    html = find().content.decode()
    assert 'name="address"' not in html
    response = find(address="15 W Kellogg Blvd")
    assert response.status_code == 400
    assert "Address search is not available" in result_of(response)


@pytest.mark.parametrize(
    ("address", "expected"),
    [
        ("15 W Kellogg Blvd", "CapitolRiver Council"),
        ("Minneapolis", "outside Saint Paul"),
        ("Nowhere Lane", "No place was found for that address"),
        ("broken", "The address search is not working right now"),
    ],
)
def test_pluggable_address_geocoder(settings, address, expected):
    settings.COUNCIL_GEOCODER = "tests.district_councils.test_find_council.fake_geocoder"
    assert 'name="address"' in find().content.decode()
    response = find(address=address)
    assert response.status_code == 200
    assert expected in result_of(response)
