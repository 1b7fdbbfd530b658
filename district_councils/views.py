"""Views behind the routes of the council index and council pages, and their feeds.

The page models' ``@path`` methods reach these through ``cms.routing``;
each view registers itself with ``@handles(<route name>)`` when this module is
imported (``DistrictCouncilsConfig.ready()`` imports it). Views import the models
and services; the models import neither the views nor the feeds.
"""

from django.http import Http404
from django.utils.translation import gettext

from cms.api.params import ParameterError, page_number
from cms.pagination import PageOutOfRange, paginate
from cms.ratelimit import rate_limited
from cms.routing import handles
from cms.sections import rendered_sections
from district_councils.feeds import CouncilUpdatesFeed
from district_councils.finder import (
    CouncilList,
    FindCouncilError,
    address_geocoder,
    find_council,
    neighborhood_options,
)
from district_councils.maps import map_context

UPDATES_PER_PAGE = 10
# Other apps add sections to a council page (events, meetings) through this hook.
PAGE_SECTIONS_HOOK = "district_council_page_sections"


def page_sections(request, page):
    """Sections other apps add to a council page (events, meetings), in order."""
    return rendered_sections(PAGE_SECTIONS_HOOK, request, page)


@handles("council_index")
@rate_limited("find_council")
def council_index(index, request):
    """The list and map of councils, and the find-my-council answer (400 for bad input)."""
    councils = index.get_councils()
    status = 200
    try:
        result = find_council(request.GET, CouncilList(councils), request=request)
    except FindCouncilError as error:
        result = {"error": error.message}
        status = 400
    context = {
        "councils": councils,
        "result": result,
        **map_context(councils, request),
        "neighborhood_options": neighborhood_options(councils, request),
        "address_search": address_geocoder() is not None,
    }
    response = index.render(request, context_overrides=context)
    response.status_code = status
    return response


def _council_context(council, request):
    sections = page_sections(request, council)
    return {
        "sections": sections,
        "alternate_links": [
            link for section in sections for link in section.get("alternate_links", [])
        ],
        **map_context([council], request),
        "index_url": council.get_parent().get_url(request),
    }


@handles("council_page")
def council_page(council, request):
    """A council page with one page of its updates, newest first."""
    try:
        number = page_number(request.GET)
    except ParameterError as error:
        response = council.render(
            request,
            context_overrides={
                **_council_context(council, request),
                "page_error": error.message,
                "updates": None,
            },
        )
        response.status_code = 400
        return response
    try:
        updates = paginate(council.get_updates(), number, UPDATES_PER_PAGE)
    except PageOutOfRange:
        raise Http404(
            gettext("There is no page %(number)s of updates.") % {"number": number}
        ) from None
    return council.render(
        request, context_overrides={**_council_context(council, request), "updates": updates}
    )


@handles("updates_feed")
def updates_feed(page, request):
    """The Atom feed of the updates below ``page`` (one council, or the index: all)."""
    return CouncilUpdatesFeed()(request, page=page)
