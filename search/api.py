"""``/api/v2/search/``: the site search for front ends, with the same rules as the page."""

from django.urls import path
from django.utils import translation

from wagtail.api.v2.utils import BadRequestError

from rest_framework.response import Response

from cms.api.listing import PortalAPIViewSet, listing_response
from cms.api.params import locale_code
from cms.ratelimit import rate_limited
from search.models import DocumentText
from search.presentation import present
from search.query import SearchQueryError, clean_query
from search.querylog import log_search
from search.ranking import site_search
from search.suggest import suggestions

MAX_LIMIT = 50


def _absolute(request, url):
    return request.build_absolute_uri(url) if url.startswith("/") else url


def _promotion_item(promotion, request):
    page = promotion.page
    return {
        "title": page.title if page else promotion.external_link_text,
        "url": page.get_url(request) if page else promotion.external_link_url,
        "description": promotion.description,
    }


def _hit_item(hit, request, language):
    return {
        "kind": hit.kind,
        "id": hit.obj.document_id if hit.kind == "document" else hit.obj.pk,
        "title": hit.title,
        "url": _absolute(request, hit.url),
        "type": hit.type_key,
        "type_label": hit.type_label,
        "locale": hit.language,
        "other_language": hit.language not in (None, language),
        "snippet": str(hit.snippet),
        "content_language": hit.language,
        "snippet_language": hit.snippet_language or hit.language,
    }


class SearchAPIViewSet(PortalAPIViewSet):
    model = DocumentText  # the router asks every endpoint for a model; this one has no detail
    known_query_parameters = frozenset(["q", "locale", "type", "limit", "offset"])
    default_limit = 20
    max_limit = MAX_LIMIT

    @classmethod
    def get_urlpatterns(cls):
        return [
            path("", cls.as_view({"get": "listing_view"}), name="listing"),
            path("suggest/", cls.as_view({"get": "suggest_view"}), name="suggest"),
        ]

    def _language(self, request):
        return locale_code(request.GET, default=translation.get_language())

    def _query(self, request):
        try:
            return clean_query(request.GET.get("q"), required=True)
        except SearchQueryError as error:
            raise BadRequestError(str(error)) from None

    @rate_limited("search")
    def listing_view(self, request):
        query = self._query(request)
        language = self._language(request)
        offset, limit = self.page_bounds(request)
        content_type = request.GET.get("type") or None
        with translation.override(language):
            outcome = site_search(query, language, request.user, content_type)
            hits = present(outcome.hits[offset : offset + limit], query, outcome, request)
            response = listing_response(
                [_hit_item(hit, request, language) for hit in hits],
                outcome.total,
                query=query,
                locale=language,
                corrected_query=outcome.corrected_query,
                other_languages=outcome.other_languages,
                facets=outcome.facets,
            )
            response.data["promotions"] = [
                _promotion_item(promotion, request) for promotion in outcome.promotions
            ]
        if not offset and not content_type:
            log_search(query, language, outcome.total + len(outcome.promotions))
        return response

    @rate_limited("suggest")
    def suggest_view(self, request):
        query = self._query(request)
        language = self._language(request)
        items = suggestions(query, language, request.user)
        for item in items:
            item["url"] = request.build_absolute_uri(item["url"]) if item["url"] else ""
        return Response({"query": query, "locale": language, "items": items})
