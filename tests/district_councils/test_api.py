"""/api/v2/district-councils/ and the pages endpoint's council filter."""

from django.test import Client

import pytest
from openapi_spec_validator import validate

from district_councils.models import CouncilUpdatePage
from tests.district_councils.conftest import CITY_HALL, COMO_ZOO, MINNEAPOLIS_CITY_HALL

pytestmark = pytest.mark.django_db
URL = "/api/v2/district-councils/"


def get(url=URL, language="en", **params):
    return Client().get(url, params, HTTP_ACCEPT_LANGUAGE=language)


def test_lists_all_17_councils_per_language(council_data):
    response = get(locale="en", limit=50)
    assert response.status_code == 200
    items = response.json()["items"]
    assert [item["district_number"] for item in items] == list(range(1, 18))
    names = {data["number"]: data["name"] for data in council_data}
    assert all(item["title"] == names[item["district_number"]] for item in items)
    assert items[0]["neighborhoods"][0]["value"] == "Eastview"
    assert get(locale="es", limit=50).json()["meta"]["total_count"] == 17


def test_detail_has_every_field_and_boundary_as_geojson(council, boundary_data):
    page = council(7)
    data = get(f"{URL}{page.pk}/").json()
    assert data["title"] == "Frogtown Neighborhood Association"
    assert data["boundary"] == boundary_data[7]
    assert data["boundary"]["type"] == "MultiPolygon"
    for field in (
        "district_number",
        "area_name",
        "intro",
        "neighborhoods",
        "body",
        "office_address",
        "phone",
        "email",
        "website",
        "social_links",
        "people",
        "meetings",
        "get_involved",
        "staff_languages",
        "translations",
    ):
        assert field in data, field
    # Wagtail links every page to its canonical /api/v2/pages/<id>/ detail; both work.
    assert Client().get(data["meta"]["detail_url"]).json()["boundary"] == boundary_data[7]


@pytest.mark.parametrize(("point", "number"), [(CITY_HALL, 17), (COMO_ZOO, 10)])
def test_point_returns_the_council_containing_it(council, point, number):
    data = get(lat=point[0], lon=point[1], locale="en").json()
    assert [item["id"] for item in data["items"]] == [council(number).pk]
    every_language = get(lat=point[0], lon=point[1]).json()
    assert {item["meta"]["locale"] for item in every_language["items"]} == {
        "en",
        "es",
        "hmn",
        "so",
        "ksw",
    }
    assert {item["district_number"] for item in every_language["items"]} == {number}


def test_point_outside_the_city_returns_an_empty_list():
    response = get(lat=MINNEAPOLIS_CITY_HALL[0], lon=MINNEAPOLIS_CITY_HALL[1])
    assert response.status_code == 200
    assert response.json() == {"meta": {"total_count": 0}, "items": []}


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"lat": "44.9"}, "Give both a latitude"),
        ({"lon": "-93.1"}, "Give both a latitude"),
        ({"lat": "north", "lon": "-93.1"}, "must be numbers"),
        ({"lat": "inf", "lon": "-93.1"}, "Latitude must be between -90 and 90"),
        ({"lat": "44.9", "lon": "200"}, "Longitude must be between -180 and 180"),
        ({"type": "cms.ContentPage"}, "district councils only"),
        ({"nonsense": "1"}, "Unknown query parameter"),
    ],
)
def test_bad_parameters_get_400_with_a_message(params, message):
    response = get(**params)
    assert response.status_code == 400
    assert message in response.json()["message"]


def test_400_message_is_in_the_callers_language():
    english = get(lat="north", lon="-93.1").json()["message"]
    spanish = get(language="es", lat="north", lon="-93.1").json()["message"]
    assert spanish and spanish != english


def test_updates_through_pages_endpoint_with_council_filter(council):
    page = council(1)
    response = get(
        "/api/v2/pages/",
        type="district_councils.CouncilUpdatePage",
        council=page.pk,
        fields="council,date,topics",
    )
    assert response.status_code == 200
    items = response.json()["items"]
    expected = set(CouncilUpdatePage.objects.child_of(page).values_list("title", flat=True))
    assert {item["title"] for item in items} == expected and len(expected) == 2
    assert all(
        item["council"] == {"id": page.pk, "title": page.title, "district_number": 1}
        for item in items
    )
    other = get("/api/v2/pages/", council=council(17).pk).json()["items"]
    # Everything the council hosts: its updates and its meetings.
    assert {item["title"] for item in other} == {
        "Demo update: comments invited on a downtown plan",
        "CapitolRiver Council board meeting",
    }


@pytest.mark.parametrize("value", ["abc", "0", "-1"])
def test_bad_council_filter_gets_400(value):
    response = get("/api/v2/pages/", council=value)
    assert response.status_code == 400
    assert "council" in response.json()["message"]


def test_council_filter_with_an_id_of_no_council_gets_404():
    response = get("/api/v2/pages/", language="es", council="99999999")
    assert response.status_code == 404
    assert response.json()["message"] == (
        "No existe ninguna página de consejo de distrito con el id 99999999."
    )


def test_openapi_describes_council_endpoints_and_filter():
    schema = Client().get("/api/schema/").json()
    validate(schema)
    listing = schema["paths"]["/api/v2/district-councils/"]["get"]
    parameters = {p["name"]: p for p in listing["parameters"]}
    assert "locale" in parameters
    # lat and lon are one exploded object: a client sends both or neither.
    point = parameters["point"]
    assert (point["style"], point["explode"]) == ("form", True)
    assert point["schema"]["required"] == ["lat", "lon"]
    assert "/api/v2/district-councils/{id}/" in schema["paths"]
    pages = schema["paths"]["/api/v2/pages/"]["get"]
    assert "council" in {p["name"] for p in pages["parameters"]}
    assert "boundary" in schema["components"]["schemas"]["DistrictCouncilDetail"]["properties"]


def test_filter_by_district_number():
    items = get(district_number=12, locale="es").json()["items"]
    assert [(item["district_number"], item["meta"]["locale"]) for item in items] == [(12, "es")]
    assert items[0]["title"] == "St. Anthony Park Community Council"
