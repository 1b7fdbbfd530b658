"""One page of a long list, for every paginated HTML view.

Page numbers are read with ``cms.api.params.page_number``; a number past the last page
raises ``PageOutOfRange`` and each view decides what that means for its visitors (a 400
with the last page named, a 404, or the last page).
"""

from django.core.exceptions import EmptyResultSet
from django.core.paginator import EmptyPage, Paginator
from django.db.models import QuerySet

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


class KeptQuerySet:
    """A query set as a paginator reads it, a count and then a slice, each kept per content
    change (``kept_count``, ``kept_rows``). Django's paginator and the API's read it alike."""

    def __init__(self, queryset):
        self.queryset = queryset

    @property
    def ordered(self):
        return self.queryset.ordered  # Django's paginator warns about an unordered list

    def count(self):
        return kept_count(self.queryset)

    def __getitem__(self, item):
        if isinstance(item, slice) and item.step is None:
            return kept_rows(self.queryset, item.start or 0, item.stop)
        return self.queryset[item]


def paginate(items, number, per_page):
    """Page ``number`` of ``items``; page 1 of an empty list is an empty page, not an error."""
    # Search hits and lists count themselves; a query set's count and page are kept.
    paginator = Paginator(KeptQuerySet(items) if isinstance(items, QuerySet) else items, per_page)
    try:
        return paginator.page(number)
    except EmptyPage:
        raise PageOutOfRange(number, paginator.num_pages) from None
