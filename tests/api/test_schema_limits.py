"""``/api/schema/`` states the limits the server enforces, and the server keeps to them.

Each listed value of ``order``, ``fields`` and ``type`` is accepted (``order`` also while
searching), a value outside the list is refused; each stated maximum is accepted and one
past it refused. The values come from the schema, so a new field or limit is covered.
"""

from django.test import Client

import pytest

from cms.api.schema import build_schema

pytestmark = pytest.mark.django_db


def get(url, language="es", **params):
    return Client().get(url, params, HTTP_ACCEPT_LANGUAGE=language)


def listings_with(name):
    schema = build_schema()
    for path, item in schema["paths"].items():
        for parameter in item.get("get", {}).get("parameters", []):
            if parameter["name"] == name and "{" not in path:
                yield path, parameter["schema"]


def test_every_stated_order_works_with_and_without_search():
    listings = list(listings_with("order"))
    assert len(listings) == 4  # pages, images, documents, district councils
    for path, schema in listings:
        for value in schema["enum"]:
            assert get(path, order=value).status_code == 200, (path, value)
            assert get(path, order=value, search="council").status_code == 200, (path, value)
        response = get(path, order="nonexistent")
        assert response.status_code == 400
        assert "nonexistent" in response.json()["message"]


def test_every_stated_field_can_be_asked_for():
    for path, schema in listings_with("fields"):
        fields = schema["pattern"].split("|(")[1].split(")")[0].split("|")
        assert "title" in fields
        for value in [*fields, ",".join(fields), "*", ""]:
            assert get(path, fields=value).status_code == 200, (path, value)
        response = get(path, fields="title,nonexistent")
        assert response.status_code == 400
        assert response.json()["message"] == "Campo desconocido: nonexistent"


def test_every_stated_page_type_can_be_listed():
    (_path, schema), *_ = [item for item in listings_with("type") if item[0] == "/api/v2/pages/"]
    assert "engagement.EventPage" in schema["enum"]
    for value in schema["enum"]:
        assert get("/api/v2/pages/", type=value).status_code == 200, value


def test_stated_offset_maximum_is_the_servers():
    listings = list(listings_with("offset"))
    assert len(listings) >= 9
    for path, schema in listings:
        params = {"q": "council"} if path.startswith("/api/v2/search/") else {}
        assert get(path, offset=schema["maximum"], **params).status_code == 200, path
        response = get(path, offset=schema["maximum"] + 1, **params)
        assert response.status_code == 400, path
        assert response.json()["message"] == "offset debe ser un número entero igual o mayor que 0."


@pytest.mark.parametrize("endpoint", ["pages", "images", "documents", "district-councils"])
@pytest.mark.parametrize(
    "value,message",
    [
        ("pot\x00holes", "Su búsqueda tiene caracteres que no se pueden buscar."),
        ("x" * 201, "Su búsqueda es demasiado larga. Use 200 caracteres o menos."),
    ],
)
def test_search_text_follows_the_stated_rule(endpoint, value, message):
    response = get(f"/api/v2/{endpoint}/", search=value)
    assert response.status_code == 400
    assert response.json() == {"message": message}
    assert get(f"/api/v2/{endpoint}/", search="x" * 200).status_code == 200


def test_dates_up_to_the_stated_latest_are_served():
    assert get("/api/v2/events/", **{"from": "2199-12-31"}).status_code == 200
    assert get("/api/v2/events/", **{"from": "2199-12-01", "to": "2199-12-31"}).status_code == 200
    assert get("/api/v2/events/", **{"from": "2200-01-01"}).status_code == 400
    response = get("/api/v2/events/", **{"from": "9999-12-31"})
    assert response.status_code == 400
    assert "9999-12-31" in response.json()["message"]


def test_child_of_and_descendant_of_together_give_the_children_below_both(demo_page):
    councils = demo_page("district-councils")
    home = demo_page("")
    both = get("/api/v2/pages/", child_of=councils.pk, descendant_of=home.pk, limit=50)
    assert both.status_code == 200
    ids = {item["id"] for item in both.json()["items"]}
    assert ids == set(councils.get_children().live().public().values_list("pk", flat=True))
    elsewhere = get("/api/v2/pages/", child_of=councils.pk, descendant_of=demo_page("events").pk)
    assert elsewhere.json()["items"] == []


def test_options_on_a_get_only_view_names_the_methods():
    response = Client().options("/api/v2/i18n/en/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response["Allow"] == "GET, HEAD, OPTIONS"


def test_point_is_described_as_both_coordinates_and_one_alone_is_refused():
    (parameter,) = [
        p
        for p in build_schema()["paths"]["/api/v2/district-councils/"]["get"]["parameters"]
        if p["name"] == "point"
    ]
    assert parameter["schema"]["required"] == ["lat", "lon"]
    assert get("/api/v2/district-councils/", lat="44.95").status_code == 400
    assert get("/api/v2/district-councils/", lat="44.95", lon="-93.1").status_code == 200
