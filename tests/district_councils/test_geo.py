"""district_councils.geo without the database: boundary validation, coordinates, lookups."""

import datetime as dt

from django.core.exceptions import ValidationError

import pytest

from district_councils import geo

SQUARE = {"type": "Polygon", "coordinates": [[[0, 0], [2, 0], [2, 2], [0, 2], [0, 0]]]}
FAR_SQUARE = {
    "type": "Polygon",
    "coordinates": [[[10, 10], [12, 10], [12, 12], [10, 12], [10, 10]]],
}


NOT_POLYGON = "The boundary must be a GeoJSON Polygon or MultiPolygon."
NOT_GEOJSON = "The boundary is not valid GeoJSON."
CROSSES = "The boundary polygon is empty or crosses itself."
WGS84 = "The boundary coordinates must be longitude, latitude in degrees (WGS84)."


def validation_message(value):
    with pytest.raises(ValidationError) as error:
        geo.validate_boundary(value)
    return error.value.messages[0]


@pytest.mark.parametrize(
    "value",
    [
        None,
        {},
        SQUARE,
        {"type": "MultiPolygon", "coordinates": [SQUARE["coordinates"]]},
        {"type": "Polygon", "coordinates": [[[-180, -90], [180, -90], [180, 90], [-180, -90]]]},
    ],
)
def test_good_boundaries_pass(value):
    assert geo.validate_boundary(value) is None


@pytest.mark.parametrize(
    ("value", "text"),
    [
        ([], NOT_POLYGON),
        ({"type": "Point", "coordinates": [0, 0]}, NOT_POLYGON),
        ({"coordinates": []}, NOT_POLYGON),
        ({"type": "Polygon"}, NOT_GEOJSON),
        ({"type": "Polygon", "coordinates": [[[0, 0], [1]]]}, NOT_GEOJSON),
        ({"type": "Polygon", "coordinates": []}, CROSSES),
        (
            {"type": "Polygon", "coordinates": [[[0, 0], [2, 2], [2, 0], [0, 2], [0, 0]]]},
            CROSSES,
        ),
        ({"type": "Polygon", "coordinates": [[[-181, 0], [0, 0], [0, 1], [-181, 0]]]}, WGS84),
        ({"type": "Polygon", "coordinates": [[[0, 0], [181, 0], [0, 1], [0, 0]]]}, WGS84),
        ({"type": "Polygon", "coordinates": [[[0, -91], [1, 0], [0, 1], [0, -91]]]}, WGS84),
        ({"type": "Polygon", "coordinates": [[[0, 0], [1, 91], [0, 1], [0, 0]]]}, WGS84),
    ],
)
def test_bad_boundaries_are_refused_with_a_reason(value, text):
    assert validation_message(value) == text


def test_prepared_geometry_is_cached_under_its_key():
    geo.clear_cache()
    first = geo.prepared_geometry(("a", 1), SQUARE)
    assert geo.shapely.is_prepared(first)  # prepared once, for fast repeated lookups
    assert first.covers(geo.Point(1, 1)) and not first.covers(geo.Point(3, 3))
    # The cached geometry is returned even when other GeoJSON is given for the same key.
    assert geo.prepared_geometry(("a", 1), FAR_SQUARE) is first
    assert geo.prepared_geometry(("a", 2), FAR_SQUARE).covers(geo.Point(11, 11))
    geo.clear_cache()
    assert geo.prepared_geometry(("a", 1), FAR_SQUARE).covers(geo.Point(11, 11))
    geo.clear_cache()


class Pages:
    """Enough of a page queryset for councils_containing; counts its boundary reads."""

    def __init__(self, boundaries, published=None):
        self.boundaries = boundaries
        self.published = published or dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
        self.only = None
        self.boundary_reads = []

    def values_list(self, *fields):
        if fields == ("pk", "last_published_at", "latest_revision_id"):
            return [(pk, self.published, pk * 10) for pk in self.boundaries]
        assert fields == ("pk", "boundary")
        pks = self.only if self.only is not None else list(self.boundaries)
        self.boundary_reads.append(sorted(pks))
        return [(pk, self.boundaries[pk]) for pk in pks]

    def filter(self, pk__in):
        narrowed = Pages(self.boundaries, self.published)
        narrowed.only = list(pk__in)
        narrowed.boundary_reads = self.boundary_reads
        return narrowed


def test_councils_containing_finds_the_covering_pages_and_caches_boundaries():
    geo.clear_cache()
    pages = Pages({1: SQUARE, 2: FAR_SQUARE, 3: None, 4: SQUARE})
    assert geo.councils_containing(pages, 1, 1) == [1, 4]
    assert geo.councils_containing(pages, 11, 11) == [2]
    assert geo.councils_containing(pages, 2, 2) == [1, 4]  # the edge counts
    assert geo.councils_containing(pages, 50, 50) == []
    # Boundaries are read once for pages not cached; the empty one is asked for again.
    assert pages.boundary_reads == [[1, 2, 3, 4], [3], [3], [3]]
    republished = Pages({1: FAR_SQUARE}, published=dt.datetime(2026, 2, 1, tzinfo=dt.UTC))
    assert geo.councils_containing(republished, 11, 11) == [1]
    assert republished.boundary_reads == [[1]]
    geo.clear_cache()


def test_all_cached_means_no_boundary_read():
    geo.clear_cache()
    pages = Pages({1: SQUARE})
    geo.councils_containing(pages, 1, 1)
    pages.boundary_reads.clear()
    assert geo.councils_containing(pages, 1, 1) == [1]
    assert pages.boundary_reads == []
    geo.clear_cache()


@pytest.mark.parametrize(
    ("lat", "lon", "expected"),
    [
        ("44.95", "-93.1", (44.95, -93.1)),
        (" 1 ", "2", (1.0, 2.0)),
        ("90", "180", (90.0, 180.0)),
        ("-90", "-180", (-90.0, -180.0)),
        (0, 0, (0.0, 0.0)),
    ],
)
def test_coordinates_are_read(lat, lon, expected):
    assert geo.parse_coordinates(lat, lon) == expected


NOT_NUMBERS = "Latitude and longitude must be numbers in decimal degrees, e.g. 44.95 and -93.1."


@pytest.mark.parametrize(
    ("lat", "lon", "text"),
    [
        (None, "1", "Give both a latitude (lat) and a longitude (lon)."),
        ("1", None, "Give both a latitude (lat) and a longitude (lon)."),
        ("", "1", "Give both a latitude (lat) and a longitude (lon)."),
        ("1", "", "Give both a latitude (lat) and a longitude (lon)."),
        ("north", "1", NOT_NUMBERS),
        ("1", "west", NOT_NUMBERS),
        ([1], "1", NOT_NUMBERS),
        ("nan", "1", NOT_NUMBERS),
        ("1", "NaN", NOT_NUMBERS),
        ("90.0001", "0", "Latitude must be between -90 and 90."),
        ("-90.0001", "0", "Latitude must be between -90 and 90."),
        ("0", "180.0001", "Longitude must be between -180 and 180."),
        ("0", "-180.0001", "Longitude must be between -180 and 180."),
        ("inf", "0", "Latitude must be between -90 and 90."),
    ],
)
def test_bad_coordinates_are_refused_with_a_message(lat, lon, text):
    with pytest.raises(geo.CoordinateError) as error:
        geo.parse_coordinates(lat, lon)
    assert str(error.value) == text
