"""Council look-ups other apps use: the live councils of a language, a page's host council."""

from wagtail.models import Locale

from cms.visibility import visible_pages
from district_councils.models import DistrictCouncilPage


def council_pages(locale=None):
    """Live council pages the public may see (``cms.visibility``), of one language (the
    active one by default)."""
    locale = locale or Locale.get_active()
    return visible_pages(None, DistrictCouncilPage.objects.live()).filter(locale=locale)


def host_council(page):
    """The district council a page (an update, an event) belongs to, or None.

    That is the council page at or above ``page`` in the page's own language.
    """
    return (
        DistrictCouncilPage.objects.ancestor_of(page, inclusive=True)
        .filter(locale=page.locale_id)
        .first()
    )
