"""One page of a long list, for every paginated HTML view.

Page numbers are read with ``cms.api.params.page_number``; a number past the last page
raises ``PageOutOfRange`` and each view decides what that means for its visitors (a 400
with the last page named, a 404, or the last page).
"""

from django.core.exceptions import EmptyResultSet
from django.core.paginator import EmptyPage, Paginator
from django.db.models import QuerySet
from django.utils.functional import cached_property

from cms.sections import kept


class PageOutOfRange(Exception):
    def __init__(self, number, last):
        super().__init__(number, last)
        self.number = number
        self.last = last


def _filters_sql(queryset):
    """The SQL of the rows ``queryset`` gives, in its order: a ``values()`` query has no
    columns or joins for related rows to compile, so it is quick to write as a key."""
    return str(queryset.values("pk").query)


def kept_count(queryset):
    """A query set's count, once per content change and query (``cms.sections.kept``): the
    count is the one part of a page of results whose cost grows with the whole list."""
    try:
        sql = _filters_sql(queryset.order_by())
    except EmptyResultSet:
        return 0
    return kept(queryset.count, "count", queryset.db, sql)


def kept_rows(queryset, start=0, stop=None):
    """``list(queryset[start:stop])``, once per content change (``cms.sections.kept``): one
    page of a long list, which the database may have to sort the whole list to find, or a
    window of one (a month of events)."""
    query = queryset.query
    try:
        sql = _filters_sql(queryset)
    except EmptyResultSet:
        return []
    # Beside the rows, what each object carries: its type, related rows and loaded fields.
    reads = (queryset.model._meta.label, queryset._iterable_class.__qualname__)
    reads += (query.select_related, query.deferred_loading, sorted(query.annotations))
    reads += (queryset._prefetch_related_lookups,)
    return kept(lambda: list(queryset[start:stop]), "rows", queryset.db, sql, reads, start, stop)


class KeptCountPaginator(Paginator):
    @cached_property
    def count(self):
        if isinstance(self.object_list, QuerySet):
            return kept_count(self.object_list)
        return super().count  # search hits and lists count themselves

    def page(self, number):
        """As Django's, with a query set's page of rows kept (``kept_rows``)."""
        if not isinstance(self.object_list, QuerySet):
            return super().page(number)
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        top = bottom + self.per_page
        if top + self.orphans >= self.count:
            top = self.count
        return self._get_page(kept_rows(self.object_list, bottom, top), number, self)


def paginate(items, number, per_page):
    """Page ``number`` of ``items``; page 1 of an empty list is an empty page, not an error."""
    paginator = KeptCountPaginator(items, per_page)
    try:
        return paginator.page(number)
    except EmptyPage:
        raise PageOutOfRange(number, paginator.num_pages) from None
