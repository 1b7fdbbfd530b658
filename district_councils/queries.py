"""Council look-ups other apps use: the live councils of a language, a page's host council."""

from wagtail.models import Locale

from cms.visibility import visible_pages
from district_councils.models import DistrictCouncilIndexPage, DistrictCouncilPage


def council_pages(locale=None):
    """Live council pages of one language (the active one by default) that anyone may see."""
    locale = locale or Locale.get_active()
    return visible_pages(None, DistrictCouncilPage.objects.live().filter(locale=locale))


def council_index(request, locale_id):
    """The live council index of a language, looked up once per request (the home page's
    teasers both link to it)."""
    memo = request.__dict__.setdefault("_council_index", {}) if request is not None else {}
    if locale_id not in memo:
        memo[locale_id] = DistrictCouncilIndexPage.objects.live().filter(locale=locale_id).first()
    return memo[locale_id]


def host_council(page):
    """The district council a page (an update, an event) belongs to, or None.

    That is the council page at or above ``page`` in the page's own language.
    """
    return (
        DistrictCouncilPage.objects.ancestor_of(page, inclusive=True)
        .filter(locale=page.locale_id)
        .first()
    )
