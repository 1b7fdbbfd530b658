"""The OpenAPI description of ``/api/v2/search/`` and its autocomplete, for ``/api/schema/``."""

from cms.api.openapi import (
    error_responses,
    json_response,
    limit_offset_parameters,
    locale_parameter,
    parameter,
    search_text_schema,
)
from cms.api.params import MAX_SEARCH_LENGTH
from search.api import MAX_LIMIT


def openapi_description():
    q = parameter(
        "q",
        f"What to search for: 1 to {MAX_SEARCH_LENGTH} characters, not only spaces, no "
        "control characters.",
        search_text_schema(required=True),
        required=True,
    )
    listing = {
        "type": "object",
        "required": ["meta", "items"],
        "properties": {
            "meta": {
                "type": "object",
                "properties": {
                    "total_count": {"type": "integer"},
                    "query": {"type": "string"},
                    "locale": {"type": "string"},
                    "corrected_query": {
                        "type": "string",
                        "nullable": True,
                        "description": "Set when nothing matched the query "
                        "as typed and a spelling correction was searched.",
                    },
                    "other_languages": {
                        "type": "boolean",
                        "description": "True when nothing matched in the "
                        "requested language and the items are in others.",
                    },
                    "facets": {
                        "type": "array",
                        "items": {"$ref": "#/components/schemas/SearchFacet"},
                    },
                },
            },
            "promotions": {
                "type": "array",
                "items": {"$ref": "#/components/schemas/SearchPromotion"},
            },
            "items": {"type": "array", "items": {"$ref": "#/components/schemas/SearchResult"}},
        },
    }
    return {
        "paths": {
            "/api/v2/search/": {
                "get": {
                    "summary": "Search pages, contacts and document text",
                    "description": "Results in the requested language first; when there are "
                    "none, results in other languages. Staff-only pages and private documents "
                    "appear only for signed-in users allowed to see them.",
                    "operationId": "search",
                    "tags": ["search"],
                    "parameters": [
                        q,
                        locale_parameter(),
                        parameter(
                            "type",
                            "Only one type of content, as a facet key, e.g. "
                            "`cms.contentpage`, `wagtaildocs.document`.",
                            {"type": "string"},
                        ),
                        *limit_offset_parameters(MAX_LIMIT),
                    ],
                    "responses": {
                        **json_response("Search results", listing),
                        **error_responses("400"),
                    },
                }
            },
            "/api/v2/search/suggest/": {
                "get": {
                    "summary": "Autocomplete: page titles starting with the typed words",
                    "operationId": "searchSuggest",
                    "tags": ["search"],
                    "parameters": [q, locale_parameter()],
                    "responses": {
                        **json_response(
                            "Suggestions",
                            {
                                "type": "object",
                                "properties": {
                                    "query": {"type": "string"},
                                    "locale": {"type": "string"},
                                    "items": {
                                        "type": "array",
                                        "items": {"$ref": "#/components/schemas/SearchSuggestion"},
                                    },
                                },
                            },
                        ),
                        **error_responses("400"),
                    },
                }
            },
        },
        "schemas": {
            "SearchFacet": {
                "type": "object",
                "properties": {
                    "key": {"type": "string"},
                    "label": {"type": "string"},
                    "count": {"type": "integer"},
                },
            },
            "SearchPromotion": {
                "type": "object",
                "properties": {
                    "title": {"type": "string"},
                    "url": {"type": "string"},
                    "description": {"type": "string"},
                },
            },
            "SearchResult": {
                "type": "object",
                "required": ["kind", "id", "title", "url", "type"],
                "properties": {
                    "kind": {"type": "string", "enum": ["page", "contact", "document"]},
                    "id": {"type": "integer"},
                    "title": {"type": "string"},
                    "url": {"type": "string"},
                    "type": {"type": "string", "description": "Facet key of the content type."},
                    "type_label": {"type": "string"},
                    "locale": {
                        "type": "string",
                        "nullable": True,
                        "description": "Language of the text (null for documents).",
                    },
                    "other_language": {"type": "boolean"},
                    "snippet": {
                        "type": "string",
                        "description": "Safe HTML: escaped text with the matches in <mark>.",
                    },
                    "content_language": {
                        "type": "string",
                        "nullable": True,
                        "description": "Language of the title and text (as ``locale``; null "
                        "for documents).",
                    },
                    "snippet_language": {
                        "type": "string",
                        "nullable": True,
                        "description": "Language of the snippet: the source's when it comes "
                        "from a part of a translation not yet translated.",
                    },
                },
            },
            "SearchSuggestion": {
                "type": "object",
                "properties": {
                    "title": {"type": "string"},
                    "url": {"type": "string"},
                    "language": {"type": "string"},
                },
            },
        },
    }
