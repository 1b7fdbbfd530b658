"""Views behind the staff hub's routes: the hub itself, its search and the training library.

Registered with ``cms.routing`` when imported (``EngagementConfig.ready()``). Wagtail has
checked the hub's view restriction before any of these run; what they list is still asked
of ``cms.visibility``, so a page restricted further down stays hidden too.
"""

from django.utils.translation import get_language
from django.utils.translation import gettext as _

from cms.api.params import ParameterError, page_number
from cms.pagination import PageOutOfRange, paginate
from cms.ratelimit import rate_limited
from cms.routing import handles
from engagement.staff.queries import hub_scope, hub_sections, library_documents
from search.presentation import present
from search.query import MAX_QUERY_LENGTH, SearchQueryError, clean_query
from search.ranking import site_search

RESULTS_PER_PAGE = 10


@handles("staff_hub")
def staff_hub(hub, request):
    return hub.render(
        request,
        context_overrides={
            "sections": hub_sections(hub, request.user),
            "max_query_length": MAX_QUERY_LENGTH,
        },
    )


@handles("staff_search")
@rate_limited("search")
def staff_search(hub, request):
    """Search the hub's answers, top 10s, staff list, training documents and the staff-only
    contact points, on whichever search backend is in use."""
    error, outcome, results = None, None, None
    try:
        query = clean_query(request.GET.get("q"))
        number = page_number(request.GET)
    except SearchQueryError as problem:
        query, error = "", str(problem)
    except ParameterError:
        query, error = "", _("The page number must be a whole number.")
    if query and not error:
        outcome = site_search(query, get_language(), request.user, scope=hub_scope(hub))
        try:
            results = paginate(outcome.hits, number, RESULTS_PER_PAGE)
        except PageOutOfRange as out_of_range:
            results = paginate(outcome.hits, out_of_range.last, RESULTS_PER_PAGE)
        present(results.object_list, query, outcome, request)
    response = hub.render(
        request,
        template="engagement/staff/staff_search.html",
        context_overrides={
            "query": query,
            "error": error,
            "outcome": outcome,
            "results": results,
            "max_query_length": MAX_QUERY_LENGTH,
        },
    )
    if error:
        response.status_code = 400
    return response


@handles("training_library")
def training_library(library, request):
    return library.render(
        request, context_overrides={"documents": list(library_documents(library, request.user))}
    )
