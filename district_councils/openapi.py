"""OpenAPI description of the district council endpoints (through the ``openapi_paths`` hook).

The ``council`` parameter that ``filters.CouncilFilter`` adds to ``/api/v2/pages/`` is
described by the filter itself (``openapi_parameter``), which the core schema reads.
"""

from cms.api.openapi import (
    detail_operation,
    error_responses,
    json_response,
    listing_parameters,
    listing_response,
    locale_parameter,
    parameter,
)
from district_councils.api import DistrictCouncilsAPIViewSet
from district_councils.models import DistrictCouncilPage


def paths():
    return {
        "/api/v2/district-councils/": {
            "get": {
                "summary": "List district councils, or find the council containing a point",
                "description": "With a point (`lat` and `lon`, WGS84 decimal degrees) the list "
                "holds the council whose boundary contains it, in each language unless `locale` "
                "is given; it is empty for a point outside the city. One coordinate without the "
                "other, or a non-numeric or out-of-range one, gets a 400 with a message in the "
                "caller's language.",
                "operationId": "listDistrictCouncils",
                "tags": ["district councils"],
                "parameters": listing_parameters(DistrictCouncilsAPIViewSet, DistrictCouncilPage)
                + [
                    locale_parameter(),
                    {
                        **parameter(
                            "point",
                            "A point as `lat` and `lon` query parameters, WGS84 decimal degrees, "
                            "always both: e.g. `?lat=44.95&lon=-93.1`.",
                            {
                                "type": "object",
                                "required": ["lat", "lon"],
                                "additionalProperties": False,
                                "properties": {
                                    "lat": {"type": "number", "minimum": -90, "maximum": 90},
                                    "lon": {"type": "number", "minimum": -180, "maximum": 180},
                                },
                            },
                        ),
                        "style": "form",
                        "explode": True,
                    },
                    parameter(
                        "district_number",
                        "Only the council with this number (none when no council has it).",
                        {"type": "integer"},
                    ),
                ],
                "responses": {
                    **json_response("District councils", listing_response("DistrictCouncil")),
                    **error_responses("400"),
                },
            }
        },
        "/api/v2/district-councils/{id}/": detail_operation(
            "One district council with all its fields and its boundary",
            "getDistrictCouncil",
            "district councils",
            "Council page id.",
            "DistrictCouncilDetail",
            "The council",
            errors=("400", "404"),
        ),
    }


def schemas():
    stream = {"type": "array", "items": {"$ref": "#/components/schemas/StreamBlock"}}
    names = {
        "type": "array",
        "items": {
            "type": "object",
            "properties": {
                "type": {"type": "string"},
                "value": {"type": "string"},
                "id": {"type": "string"},
            },
        },
    }
    summary = {
        "id": {"type": "integer"},
        "meta": {"type": "object"},
        "title": {"type": "string", "description": "The council's name."},
        "district_number": {"type": "integer", "minimum": 1},
        "area_name": {"type": "string"},
        "neighborhoods": {**names, "description": "Neighborhood names, translated."},
        "website": {"type": "string"},
    }
    return {
        "GeoJSONGeometry": {
            "type": "object",
            "description": "GeoJSON Polygon or MultiPolygon, longitude/latitude (WGS84).",
            "required": ["type", "coordinates"],
            "properties": {
                "type": {"type": "string", "enum": ["Polygon", "MultiPolygon"]},
                "coordinates": {"type": "array", "items": {}},
            },
        },
        "DistrictCouncil": {
            "type": "object",
            "required": ["id", "meta", "title", "district_number"],
            "properties": summary,
        },
        "DistrictCouncilDetail": {
            "type": "object",
            "required": ["id", "meta", "title", "district_number"],
            "properties": {
                **summary,
                "intro": {"type": "string"},
                "boundary": {
                    "allOf": [{"$ref": "#/components/schemas/GeoJSONGeometry"}],
                    "nullable": True,
                },
                "body": stream,
                "office_address": {"type": "string"},
                "phone": {"type": "string"},
                "email": {"type": "string"},
                "social_links": {"type": "array", "items": {"type": "object"}},
                "people": {
                    "type": "array",
                    "description": "Staff and board members: name, role, group (staff or "
                    "board), photo, email, phone.",
                    "items": {"type": "object"},
                },
                "meetings": {
                    "type": "string",
                    "description": "HTML: how and when the board meets.",
                },
                "get_involved": {"type": "array", "items": {"type": "object"}},
                "staff_languages": names,
                "is_demo_data": {"type": "boolean"},
                "content_language": {"type": "string"},
                "translations": {
                    "type": "array",
                    "items": {"$ref": "#/components/schemas/Translation"},
                },
            },
            "additionalProperties": True,
        },
    }
