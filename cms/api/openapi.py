"""Public helpers apps use to describe their endpoints in ``/api/schema/`` (OpenAPI 3).

An app's ``openapi.py`` returns ``{"paths": {...}, "schemas": {...}}`` built with these and
registers it with the ``openapi_paths`` hook.
"""

from django.conf import settings

from cms.api.params import MAX_WHOLE_NUMBER


def parameter(name, description, schema, required=False, location="query"):
    return {
        "name": name,
        "in": location,
        "required": required,
        "description": description,
        "schema": schema,
    }


def error_responses(*codes):
    descriptions = {
        "400": "Bad request: an unknown or malformed parameter. The message is in the "
        "caller's language.",
        "403": "Forbidden.",
        "404": "Not found.",
        "410": "Gone: the link has expired.",
    }
    return {
        code: {
            "description": descriptions[code],
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}},
        }
        for code in codes
    }


def listing_parameters():
    return [
        parameter(
            "limit",
            "Items per page (at most 100).",
            {"type": "integer", "minimum": 0, "maximum": settings.WAGTAILAPI_LIMIT_MAX},
        ),
        parameter(
            "offset",
            "Items to skip.",
            {"type": "integer", "minimum": 0, "maximum": MAX_WHOLE_NUMBER},
        ),
        parameter(
            "fields",
            "Comma-separated fields to add (or `-field` to remove, `*` for all).",
            {"type": "string"},
        ),
        parameter(
            "order",
            "Field to sort by; prefix `-` for descending, `random` to shuffle.",
            {"type": "string"},
        ),
        parameter("search", "Full-text search terms.", {"type": "string"}),
    ]


def locale_parameter():
    return parameter(
        "locale",
        "Language code; only objects in that language.",
        {"type": "string", "enum": [code for code, _name in settings.LANGUAGES]},
    )


def listing_response(item_schema):
    return {
        "type": "object",
        "required": ["meta", "items"],
        "properties": {
            "meta": {
                "type": "object",
                "properties": {"total_count": {"type": "integer"}},
            },
            "items": {"type": "array", "items": {"$ref": f"#/components/schemas/{item_schema}"}},
        },
    }


def json_response(description, schema):
    content = {"application/json": {"schema": schema}}
    return {"200": {"description": description, "content": content}}


def detail_operation(
    summary, operation_id, tag, id_description, schema, response_description, errors=("404",)
):
    """``GET /api/v2/<endpoint>/{id}/``: one object by its id."""
    return {
        "get": {
            "summary": summary,
            "operationId": operation_id,
            "tags": [tag],
            "parameters": [
                parameter("id", id_description, {"type": "integer"}, required=True, location="path")
            ],
            "responses": {
                **json_response(response_description, {"$ref": f"#/components/schemas/{schema}"}),
                **error_responses(*errors),
            },
        }
    }
