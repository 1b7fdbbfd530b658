"""Map configuration and data for the council maps (Leaflet, ``includes/map.html``).

The tile server comes from the Django settings ``MAP_TILE_URL`` and
``MAP_TILE_ATTRIBUTION`` (read from the environment in ``cms/settings/base.py``);
without a tile URL the boundaries are drawn on a plain background.
"""

from django.conf import settings


def map_tile_url():
    """Tile server URL template (``MAP_TILE_URL``); empty means boundaries on a plain map."""
    return getattr(settings, "MAP_TILE_URL", "")


def map_tile_attribution():
    return getattr(settings, "MAP_TILE_ATTRIBUTION", "")


def boundaries_feature_collection(councils, request=None):
    """A GeoJSON FeatureCollection of the councils' boundaries, with number, name and URL."""
    return {
        "type": "FeatureCollection",
        "features": [
            {
                "type": "Feature",
                "geometry": council.boundary,
                "properties": {
                    "number": council.district_number,
                    "name": council.title,
                    "url": council.get_url(request),
                },
            }
            for council in councils
            if council.boundary
        ],
    }


def map_context(councils, request=None):
    """The template context ``includes/map.html`` needs to draw ``councils``."""
    return {
        "map_data": boundaries_feature_collection(councils, request),
        "map_tile_url": map_tile_url(),
        "map_tile_attribution": map_tile_attribution(),
    }
