"""Site search in the visitor's language."""

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from wagtail.models import Locale, Page

MAX_QUERY_LENGTH = 200
RESULTS_PER_PAGE = 10


def clean_query(raw):
    """Return (query, error message). Queries are bounded and free of control characters."""
    query = (raw or "").strip()
    if len(query) > MAX_QUERY_LENGTH:
        return "", _("Your search is too long. Use %(max)d characters or fewer.") % {
            "max": MAX_QUERY_LENGTH
        }
    if any(ord(char) < 32 or ord(char) == 127 for char in query):
        return "", _("Your search contains characters that cannot be searched.")
    return query, None


def search(request):
    query, error = clean_query(request.GET.get("q"))
    results = None
    if query and not error:
        pages = Page.objects.live().public().filter(locale=Locale.get_active()).specific()
        paginator = Paginator(pages.search(query), RESULTS_PER_PAGE)
        try:
            results = paginator.page(request.GET.get("page", 1))
        except PageNotAnInteger:
            error = _("The page number must be a whole number.")
        except EmptyPage:
            results = paginator.page(paginator.num_pages) if paginator.num_pages else None
    return TemplateResponse(
        request,
        "search/search.html",
        {"query": query, "results": results, "error": error},
        status=400 if error else 200,
    )
