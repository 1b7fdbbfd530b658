"""Admin and API wiring for search: synonyms, the query report, the search API."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from cms.hooks import LOAD_DEMO_CONTENT, OPENAPI_PATHS, PUBLIC_URLS, REGISTER_API_ENDPOINTS
from search.api import SearchAPIViewSet
from search.demo import load_search_demo
from search.models import Synonym
from search.openapi import openapi_description
from search.reports import SearchQueryReportView, can_view_report


class SynonymViewSet(SnippetViewSet):
    model = Synonym
    icon = "search"
    menu_label = _("Search synonyms")
    menu_name = "search-synonyms"
    add_to_admin_menu = False
    list_display = ["term", "synonyms", "locale"]
    search_fields = ["term", "synonyms"]


register_snippet(SynonymViewSet)


@hooks.register(REGISTER_API_ENDPOINTS)
def register_search_endpoint(router):
    router.register_endpoint("search", SearchAPIViewSet)


hooks.register(OPENAPI_PATHS, openapi_description)


@hooks.register("register_admin_urls")
def register_report_urls():
    view = SearchQueryReportView
    return [
        path("reports/search-queries/", view.as_view(), name="search_query_report"),
        path(
            "reports/search-queries/results/",
            view.as_view(results_only=True),
            name="search_query_report_results",
        ),
    ]


class QueryReportMenuItem(MenuItem):
    def is_shown(self, request):
        return can_view_report(request.user)


@hooks.register("register_reports_menu_item")
def register_query_report_menu_item():
    return QueryReportMenuItem(
        _("Search queries"),
        reverse("search_query_report"),
        name="search-queries",
        icon_name="search",
        order=1000,
    )


hooks.register(LOAD_DEMO_CONTENT, load_search_demo)


@hooks.register(PUBLIC_URLS)
def search_urls():
    return [path("search/", include("search.urls"))]
