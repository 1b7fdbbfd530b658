"""``/api/v2/search/``: the site search for front ends, with the same rules as the page."""

from django.conf import settings
from django.urls import path
from django.utils import translation
from django.utils.translation import gettext as _

from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import BaseAPIViewSet

from rest_framework.response import Response

from cms.api.errors import TranslatedErrorsMixin
from search.models import DocumentText
from search.querylog import log_search
from search.service import SearchQueryError, clean_query, present, site_search, suggestions

MAX_LIMIT = 50


def _whole_number(request, name, default, maximum=None):
    raw = request.GET.get(name)
    if raw is None:
        return default
    try:
        value = int(raw)
        if value < 0:
            raise ValueError
    except ValueError:
        raise BadRequestError(
            _("%(name)s must be a whole number of 0 or more.") % {"name": name}
        ) from None
    if maximum is not None and value > maximum:
        raise BadRequestError(
            _("limit cannot be higher than %(max)s.") % {"max": maximum}
        )
    return value


class SearchAPIViewSet(TranslatedErrorsMixin, BaseAPIViewSet):
    model = DocumentText  # the router asks every endpoint for a model; this one has no detail
    known_query_parameters = frozenset(["q", "locale", "type", "limit", "offset"])

    @classmethod
    def get_urlpatterns(cls):
        return [
            path("", cls.as_view({"get": "listing_view"}), name="listing"),
            path("suggest/", cls.as_view({"get": "suggest_view"}), name="suggest"),
        ]

    def _language(self, request):
        code = request.GET.get("locale")
        if code is None:
            return translation.get_language()
        if code not in dict(settings.LANGUAGES):
            raise BadRequestError(
                _("Unknown language “%(code)s”. Use one of: %(codes)s.")
                % {"code": code, "codes": ", ".join(dict(settings.LANGUAGES))}
            )
        return code

    def _query(self, request):
        try:
            return clean_query(request.GET.get("q"), required=True)
        except SearchQueryError as error:
            raise BadRequestError(str(error)) from None

    def listing_view(self, request):
        query = self._query(request)
        language = self._language(request)
        limit = _whole_number(request, "limit", 20, MAX_LIMIT)
        offset = _whole_number(request, "offset", 0)
        content_type = request.GET.get("type") or None
        with translation.override(language):
            outcome = site_search(query, language, request.user, content_type)
            hits = present(outcome.hits[offset:offset + limit], query, outcome, request)
            data = {
                "meta": {
                    "total_count": outcome.total,
                    "query": query,
                    "locale": language,
                    "corrected_query": outcome.corrected_query,
                    "other_languages": outcome.other_languages,
                    "facets": outcome.facets,
                },
                "promotions": [
                    {
                        "title": promotion.page.title if promotion.page else
                        promotion.external_link_text,
                        "url": promotion.page.get_url(request) if promotion.page else
                        promotion.external_link_url,
                        "description": promotion.description,
                    }
                    for promotion in outcome.promotions
                ],
                "items": [
                    {
                        "kind": hit.kind,
                        "id": hit.obj.document_id if hit.kind == "document" else hit.obj.pk,
                        "title": hit.title,
                        "url": request.build_absolute_uri(hit.url)
                        if hit.url.startswith("/") else hit.url,
                        "type": hit.type_key,
                        "type_label": hit.type_label,
                        "locale": hit.language,
                        "other_language": hit.language not in (None, language),
                        "snippet": str(hit.snippet),
                    }
                    for hit in hits
                ],
            }
        if not offset and not content_type:
            log_search(query, language, outcome.total + len(outcome.promotions))
        return Response(data)

    def suggest_view(self, request):
        query = self._query(request)
        language = self._language(request)
        items = suggestions(query, language, request.user)
        for item in items:
            item["url"] = request.build_absolute_uri(item["url"]) if item["url"] else ""
        return Response({"query": query, "locale": language, "items": items})


def openapi_description():
    from cms.api.openapi import error_responses, json_response, locale_parameter, parameter

    q = parameter("q", "What to search for (1 to 200 characters, no control characters).",
                   {"type": "string", "minLength": 1, "maxLength": 200}, required=True)
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
                    "corrected_query": {"type": "string", "nullable": True,
                                        "description": "Set when nothing matched the query "
                                        "as typed and a spelling correction was searched."},
                    "other_languages": {"type": "boolean",
                                        "description": "True when nothing matched in the "
                                        "requested language and the items are in others."},
                    "facets": {"type": "array", "items": {
                        "$ref": "#/components/schemas/SearchFacet"}},
                },
            },
            "promotions": {"type": "array", "items": {
                "$ref": "#/components/schemas/SearchPromotion"}},
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
                        parameter("type", "Only one type of content, as a facet key, e.g. "
                                   "`cms.contentpage`, `wagtaildocs.document`.",
                                   {"type": "string"}),
                        parameter("limit", f"Results per page (at most {MAX_LIMIT}).",
                                   {"type": "integer", "minimum": 0, "maximum": MAX_LIMIT}),
                        parameter("offset", "Results to skip.", {"type": "integer",
                                                                  "minimum": 0}),
                    ],
                    "responses": {**json_response("Search results", listing),
                                  **error_responses("400")},
                }
            },
            "/api/v2/search/suggest/": {
                "get": {
                    "summary": "Autocomplete: page titles starting with the typed words",
                    "operationId": "searchSuggest",
                    "tags": ["search"],
                    "parameters": [q, locale_parameter()],
                    "responses": {
                        **json_response("Suggestions", {
                            "type": "object",
                            "properties": {
                                "query": {"type": "string"},
                                "locale": {"type": "string"},
                                "items": {"type": "array", "items": {
                                    "$ref": "#/components/schemas/SearchSuggestion"}},
                            },
                        }),
                        **error_responses("400"),
                    },
                }
            },
        },
        "schemas": {
            "SearchFacet": {
                "type": "object",
                "properties": {"key": {"type": "string"}, "label": {"type": "string"},
                               "count": {"type": "integer"}},
            },
            "SearchPromotion": {
                "type": "object",
                "properties": {"title": {"type": "string"}, "url": {"type": "string"},
                               "description": {"type": "string"}},
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
                    "locale": {"type": "string", "nullable": True,
                               "description": "Language of the text (null for documents)."},
                    "other_language": {"type": "boolean"},
                    "snippet": {"type": "string", "description": "Safe HTML: escaped text "
                                "with the matches in <mark>."},
                },
            },
            "SearchSuggestion": {
                "type": "object",
                "properties": {"title": {"type": "string"}, "url": {"type": "string"},
                               "language": {"type": "string"}},
            },
        },
    }
