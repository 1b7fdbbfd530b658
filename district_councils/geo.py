"""Boundaries: validation of stored GeoJSON and point-in-polygon lookups with shapely.

Prepared geometries are cached per process, keyed by the page and the moment it
was last published, so a republished boundary is picked up without a restart.
"""

import threading

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

import shapely
from shapely.geometry import Point, shape

# Valid WGS84 ranges; points outside the city are valid input that simply match no council.
LAT_RANGE = (-90.0, 90.0)
LON_RANGE = (-180.0, 180.0)

_cache = {}
_lock = threading.Lock()


def validate_boundary(value):
    """A GeoJSON Polygon or MultiPolygon geometry in WGS84 longitude/latitude."""
    if value in (None, {}):
        return
    if not isinstance(value, dict) or value.get("type") not in ("Polygon", "MultiPolygon"):
        raise ValidationError(_("The boundary must be a GeoJSON Polygon or MultiPolygon."))
    try:
        geometry = shape(value)
    except (ValueError, TypeError, KeyError, IndexError, AttributeError) as error:
        raise ValidationError(_("The boundary is not valid GeoJSON.")) from error
    if geometry.is_empty or not geometry.is_valid:
        raise ValidationError(_("The boundary polygon is empty or crosses itself."))
    min_lon, min_lat, max_lon, max_lat = geometry.bounds
    if min_lon < -180 or max_lon > 180 or min_lat < -90 or max_lat > 90:
        raise ValidationError(
            _("The boundary coordinates must be longitude, latitude in degrees (WGS84).")
        )


def prepared_geometry(key, geojson):
    """A prepared shapely geometry for ``geojson``, cached under ``key``."""
    geometry = _cache.get(key)
    if geometry is None:
        geometry = shape(geojson)
        shapely.prepare(geometry)
        with _lock:
            _cache[key] = geometry
    return geometry


def clear_cache():
    with _lock:
        _cache.clear()


def councils_containing(queryset, lon, lat):
    """Primary keys of the pages in ``queryset`` whose boundary covers the point.

    Loads only keys first; boundaries are read from the database just for pages
    whose prepared geometry is not cached yet.
    """
    rows = list(queryset.values_list("pk", "last_published_at", "latest_revision_id"))
    missing = [pk for pk, *version in rows if (pk, *version) not in _cache]
    boundaries = (
        dict(queryset.filter(pk__in=missing).values_list("pk", "boundary")) if missing else {}
    )
    point = Point(lon, lat)
    found = []
    for pk, *version in rows:
        key = (pk, *version)
        if key not in _cache:
            if not boundaries.get(pk):
                continue
            geometry = prepared_geometry(key, boundaries[pk])
        else:
            geometry = _cache[key]
        if geometry.covers(point):
            found.append(pk)
    return found


class CoordinateError(ValueError):
    """A latitude or longitude that is missing, not a number, or out of range."""


def parse_coordinates(lat, lon):
    """``(lat, lon)`` as floats from query-string text, or CoordinateError with a message."""
    if lat in (None, "") or lon in (None, ""):
        raise CoordinateError(_("Give both a latitude (lat) and a longitude (lon)."))
    try:
        lat_value, lon_value = float(lat), float(lon)
    except (TypeError, ValueError) as error:
        raise CoordinateError(
            _("Latitude and longitude must be numbers in decimal degrees, e.g. 44.95 and -93.1.")
        ) from error
    if lat_value != lat_value or lon_value != lon_value:  # NaN
        raise CoordinateError(
            _("Latitude and longitude must be numbers in decimal degrees, e.g. 44.95 and -93.1.")
        )
    if not LAT_RANGE[0] <= lat_value <= LAT_RANGE[1]:
        raise CoordinateError(_("Latitude must be between -90 and 90."))
    if not LON_RANGE[0] <= lon_value <= LON_RANGE[1]:
        raise CoordinateError(_("Longitude must be between -180 and 180."))
    return lat_value, lon_value
