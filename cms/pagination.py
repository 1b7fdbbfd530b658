"""One page of a long list, for every paginated HTML view.

Page numbers are read with ``cms.api.params.page_number``; a number past the last page
raises ``PageOutOfRange`` and each view decides what that means for its visitors (a 400
with the last page named, a 404, or the last page).
"""

from django.core.paginator import EmptyPage, Paginator


class PageOutOfRange(Exception):
    def __init__(self, number, last):
        super().__init__(number, last)
        self.number = number
        self.last = last


def paginate(items, number, per_page):
    """Page ``number`` of ``items``; page 1 of an empty list is an empty page, not an error."""
    paginator = Paginator(items, per_page)
    try:
        return paginator.page(number)
    except EmptyPage:
        raise PageOutOfRange(number, paginator.num_pages) from None
