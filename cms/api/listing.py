"""The listing envelope and the base class of the portal's own (non-page) endpoints."""

from django.conf import settings

from wagtail.api.v2.views import BaseAPIViewSet

from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response

from cms.api.errors import TranslatedErrorsMixin
from cms.api.params import reject_unknown, search_text, whole_number


def listing_response(items, total_count, **meta):
    """``{"meta": {"total_count": ..., **meta}, "items": [...]}``, as Wagtail's listings."""
    return Response({"meta": {"total_count": total_count, **meta}, "items": list(items)})


class PortalAPIViewSet(TranslatedErrorsMixin, BaseAPIViewSet):
    """An endpoint that answers JSON only, knows its parameters and pages with limit/offset.

    Subclasses set ``known_query_parameters``, ``default_limit`` and ``max_limit``.
    """

    default_limit = 20
    max_limit = 100

    def perform_content_negotiation(self, request, force=False):
        # ``?format=`` is a filter on some endpoints, not DRF's renderer override.
        renderer = JSONRenderer()
        return renderer, renderer.media_type

    def check_parameters(self, request):
        reject_unknown(request.GET, self.known_query_parameters)

    def page_bounds(self, request):
        """``(offset, limit)`` from the query string, within this endpoint's limits."""
        limit = whole_number(request.GET, "limit", self.default_limit, maximum=self.max_limit)
        offset = whole_number(request.GET, "offset", 0)
        return offset, limit


class ListingParametersMixin:
    """Wagtail's own listings held to the toolkit's rules: ``limit`` and ``offset`` within
    their bounds (a larger offset is refused, not an empty page), ``search`` as search text."""

    def check_query_parameters(self, queryset):
        whole_number(self.request.GET, "limit", maximum=settings.WAGTAILAPI_LIMIT_MAX)
        whole_number(self.request.GET, "offset")
        search_text(self.request.GET)
        super().check_query_parameters(queryset)
