"""The search page, its autocomplete and click tracking, in the visitor's language."""

from django.http import HttpResponseRedirect, JsonResponse
from django.template.response import TemplateResponse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from cms.api.params import ParameterError, page_number
from cms.pagination import PageOutOfRange, paginate
from cms.ratelimit import rate_limited
from search.presentation import language_label, present
from search.query import MAX_QUERY_LENGTH, SearchQueryError, clean_query
from search.querylog import log_click, log_search
from search.ranking import site_search
from search.suggest import suggestions

RESULTS_PER_PAGE = 10


@rate_limited("search")
def search(request):
    language = get_language()
    error, outcome, results = None, None, None
    content_type = request.GET.get("type") or None
    try:
        query = clean_query(request.GET.get("q"))
    except SearchQueryError as exc:
        query, error = "", str(exc)
    if query and not error:
        outcome = site_search(query, language, request.user, content_type)
        try:
            number = page_number(request.GET)
        except ParameterError:
            error, outcome, number = _("The page number must be a whole number."), None, None
        if number is not None:
            try:
                results = paginate(outcome.hits, number, RESULTS_PER_PAGE)
            except PageOutOfRange as out_of_range:
                results = paginate(outcome.hits, out_of_range.last, RESULTS_PER_PAGE)
            present(results.object_list, query, outcome, request)
            if number == 1 and not content_type:
                log_search(query, language, outcome.total + len(outcome.promotions))
    return TemplateResponse(
        request,
        "search/search.html",
        {
            "query": query,
            "error": error,
            "outcome": outcome,
            "results": results,
            "content_type": content_type,
            "max_query_length": MAX_QUERY_LENGTH,
            "other_languages": outcome.other_languages if outcome else False,
        },
        status=400 if error else 200,
    )


@require_GET
@rate_limited("suggest")
def suggest(request):
    """JSON suggestions for the search box: titles of pages as the visitor types."""
    language = get_language()
    try:
        query = clean_query(request.GET.get("q"), required=True)
    except SearchQueryError as exc:
        return JsonResponse({"message": str(exc)}, status=400)
    items = suggestions(query, language, request.user)
    if items:
        announcement = ngettext(
            "%(count)d suggestion. Use the up and down arrow keys to choose, Enter to open.",
            "%(count)d suggestions. Use the up and down arrow keys to choose, Enter to open.",
            len(items),
        ) % {"count": len(items)}
    else:
        announcement = _("No suggestions.")
    return JsonResponse(
        {
            "query": query,
            "announcement": announcement,
            "results": [
                {**item, "language_name": language_label(item["language"])} for item in items
            ],
        },
        json_dumps_params={"ensure_ascii": False},
    )


@require_GET
def click(request):
    """Count a click on a result (query, language and position only), then go there."""
    target = request.GET.get("to", "")
    if not url_has_allowed_host_and_scheme(target, allowed_hosts=None) or not target.startswith(
        "/"
    ):
        target = "/"
    try:
        query = clean_query(request.GET.get("q"))
    except SearchQueryError:
        query = ""
    if query:
        log_click(query, get_language())
    return HttpResponseRedirect(target)
