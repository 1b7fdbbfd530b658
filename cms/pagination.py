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


def kept_count(queryset):
    """A query set's count, once per content change and query (``cms.sections.kept``): the
    count is the one part of a page of results whose cost grows with the whole list."""
    try:
        # What is counted is the rows the filters give: keyed on those alone, the key is
        # quick to write (no columns, joins for related rows, or order to compile).
        sql = str(queryset.order_by().values("pk").query)
    except EmptyResultSet:
        return 0
    return kept(queryset.count, "count", queryset.db, sql)


class KeptCountPaginator(Paginator):
    @cached_property
    def count(self):
        if isinstance(self.object_list, QuerySet):
            return kept_count(self.object_list)
        return super().count  # search hits and lists count themselves


def paginate(items, number, per_page):
    """Page ``number`` of ``items``; page 1 of an empty list is an empty page, not an error."""
    paginator = KeptCountPaginator(items, per_page)
    try:
        return paginator.page(number)
    except EmptyPage:
        raise PageOutOfRange(number, paginator.num_pages) from None
