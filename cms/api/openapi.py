"""Public helpers apps use to describe their endpoints in ``/api/schema/`` (OpenAPI 3).

An app's ``openapi.py`` returns ``{"paths": {...}, "schemas": {...}}`` built with these and
registers it with the ``openapi_paths`` hook.
"""

from django.conf import settings

from cms.api.params import CONTROL_CHARACTERS, MAX_SEARCH_LENGTH, MAX_WHOLE_NUMBER


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


def whole_number_schema(minimum=0, maximum=MAX_WHOLE_NUMBER):
    """An id, count or offset: the toolkit refuses anything above ``MAX_WHOLE_NUMBER``."""
    return {"type": "integer", "minimum": minimum, "maximum": maximum}


def limit_offset_parameters(max_limit, limit_description=None):
    return [
        parameter(
            "limit",
            limit_description or f"Items per page (at most {max_limit}).",
            whole_number_schema(maximum=max_limit),
        ),
        parameter("offset", "Items to skip.", whole_number_schema()),
    ]


def date_schema(allow_empty=False):
    """A date as ``cms.api.params.date_value`` accepts it: ``YYYY-MM-DD`` in the years
    ``FIRST_YEAR`` to ``LAST_YEAR`` (1900–2199); with ``allow_empty``, an empty value too."""
    year = "(19[0-9]{2}|2[01][0-9]{2})"
    date = {"type": "string", "format": "date", "pattern": f"^{year}-[0-9]{{2}}-[0-9]{{2}}$"}
    return {"anyOf": [date, {"type": "string", "maxLength": 0}]} if allow_empty else date


def search_text_schema(required=False):
    """Search text as ``cms.api.params.search_text`` accepts it (and, if required, not blank)."""
    allowed = f"[^{CONTROL_CHARACTERS}]"
    pattern = f"^{allowed}*[^\\s{CONTROL_CHARACTERS}]{allowed}*$" if required else f"^{allowed}*$"
    schema = {"type": "string", "maxLength": MAX_SEARCH_LENGTH, "pattern": pattern}
    return schema | {"minLength": 1} if required else schema


def listing_fields(viewset, model):
    """The fields a listing of ``model`` by ``viewset`` can show (Wagtail's ``?fields=``)."""
    names = viewset.get_body_fields_names(model) + viewset.get_meta_fields_names(model)
    return [name for name in dict.fromkeys(names) if name not in viewset.detail_only_fields]


def sortable_fields(viewset, model):
    """Fields a listing can be sorted by, with or without ``?search=``: indexed values, not
    relations (the database search backends cannot sort by those)."""
    indexed = {field.field_name for field in model.get_filterable_search_fields()}
    return [
        name
        for name in viewset.get_available_fields(model, db_fields_only=True)
        if name in indexed and not model._meta.get_field(name).is_relation
    ]


def listing_parameters(viewset, model):
    """``limit``, ``offset``, ``fields``, ``order`` and ``search`` of a Wagtail listing,
    each with exactly the values the endpoint accepts."""
    fields = listing_fields(viewset, model)
    names = f"({'|'.join(fields)})"
    sortable = sortable_fields(viewset, model)
    return limit_offset_parameters(settings.WAGTAILAPI_LIMIT_MAX) + [
        parameter(
            "fields",
            f"Comma-separated fields to add to the default ones ({', '.join(fields)}), or "
            "`*` for all of them.",
            {"type": "string", "pattern": f"^(\\*|{names}(,{names})*)?$"},
        ),
        parameter(
            "order",
            "Field to sort by; `-` before it for descending. (Wagtail's `random` also works, "
            "without `offset` and alone.)",
            {"type": "string", "enum": [*sortable, *[f"-{name}" for name in sortable]]},
        ),
        parameter(
            "search",
            f"Full-text search terms (at most {MAX_SEARCH_LENGTH} characters, no control "
            "characters).",
            search_text_schema(),
        ),
    ]


def locale_parameter(description="Language code; only objects in that language."):
    return parameter(
        "locale",
        description,
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
                parameter(
                    "id", id_description, whole_number_schema(), required=True, location="path"
                )
            ],
            "responses": {
                **json_response(response_description, {"$ref": f"#/components/schemas/{schema}"}),
                **error_responses(*errors),
            },
        }
    }
