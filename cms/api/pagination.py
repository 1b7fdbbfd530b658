"""The API's pagination: Wagtail's offset and limit, with ``meta.total_count`` counted and
each page of results read once per content change (``cms.pagination``), not on every request."""

from django.db.models import QuerySet

from wagtail.api.v2.pagination import WagtailPagination

from cms.pagination import KeptQuerySet


class KeptCountPagination(WagtailPagination):
    def paginate_queryset(self, queryset, request, view=None):
        if isinstance(queryset, QuerySet):  # search results count themselves
            queryset = KeptQuerySet(queryset)
        return super().paginate_queryset(queryset, request, view)
