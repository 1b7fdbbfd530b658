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


def paths():
    return {
        "/api/v2/district-councils/": {
            "get": {
                "summary": "List district councils, or find the council containing a point",
                "description": "With `lat` and `lon` (WGS84 decimal degrees) the list holds the "
                "council whose boundary contains the point, in each language unless `locale` "
                "is given; it is empty for a point outside the city. Missing, non-numeric or "
                "out-of-range coordinates get a 400 with a message in the caller's language.",
                "operationId": "listDistrictCouncils",
                "tags": ["district councils"],
                "parameters": listing_parameters()
                + [
                    locale_parameter(),
                    parameter(
                        "lat",
                        "Latitude in decimal degrees (-90 to 90); needs `lon`.",
                        {"type": "number", "minimum": -90, "maximum": 90},
                    ),
                    parameter(
                        "lon",
                        "Longitude in decimal degrees (-180 to 180); needs `lat`.",
                        {"type": "number", "minimum": -180, "maximum": 180},
                    ),
                    parameter(
                        "district_number",
                        "Only the council with this number.",
                        {"type": "integer", "minimum": 1},
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
