"""The API's pagination: Wagtail's offset and limit, with ``meta.total_count`` counted and
each page of results read once per content change (``cms.pagination``), not on every request."""

from django.db.models import QuerySet

from wagtail.api.v2.pagination import WagtailPagination

from cms.pagination import kept_count, kept_rows


class _KeptCount:
    """The query set as Wagtail's pagination reads it: a count, then a slice."""

    def __init__(self, queryset):
        self.queryset = queryset

    def count(self):
        return kept_count(self.queryset)

    def __getitem__(self, item):
        if isinstance(item, slice) and item.step is None:
            return kept_rows(self.queryset, item.start or 0, item.stop)
        return self.queryset[item]


class KeptCountPagination(WagtailPagination):
    def paginate_queryset(self, queryset, request, view=None):
        if isinstance(queryset, QuerySet):  # search results count themselves
            queryset = _KeptCount(queryset)
        return super().paginate_queryset(queryset, request, view)
