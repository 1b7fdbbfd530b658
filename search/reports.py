"""Admin report of what residents search for: top queries, empty searches, click-through."""

import datetime

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db.models import Sum
from django.utils.translation import gettext_lazy as _

from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.reports import ReportView

import django_filters

from cms.csv_export import SafeCSVExportMixin
from search.models import QueryDay


def can_view_report(user):
    return user.is_superuser or user.has_perm("wagtailsearchpromotions.change_query")


def click_through(clicks, searches):
    return round(100 * clicks / searches, 1) if searches else 0.0


class QueryReportFilterSet(WagtailFilterSet):
    language = django_filters.ChoiceFilter(
        label=_("Language"), choices=lambda: list(settings.LANGUAGES), empty_label=_("All")
    )
    date = django_filters.DateFromToRangeFilter(label=_("Date"), widget=DateRangePickerWidget)
    zero_results_only = django_filters.BooleanFilter(
        label=_("Only searches with no results"),
        method="filter_zero_results",
    )

    class Meta:
        model = QueryDay
        fields = ["language", "date"]

    def filter_zero_results(self, queryset, name, value):
        return queryset.filter(zero_results__gt=0) if value else queryset


class SearchQueryReportView(SafeCSVExportMixin, ReportView):
    page_title = _("Search queries")
    header_icon = "search"
    results_template_name = "search/admin/query_report_results.html"
    filterset_class = QueryReportFilterSet
    index_url_name = "search_query_report"
    index_results_url_name = "search_query_report_results"
    permission_policy = None
    paginate_by = 50
    model = QueryDay
    columns = [
        Column("query", label=_("Query")),
        Column("language", label=_("Language")),
        Column("searches", label=_("Searches")),
        Column("zero_results", label=_("With no results")),
        Column("clicks", label=_("Clicks")),
        Column("click_through", label=_("Click-through (%)")),
    ]
    list_export = ["query", "language", "searches", "zero_results", "clicks", "click_through"]
    export_headings = {
        "query": _("Query"),
        "language": _("Language"),
        "searches": _("Searches"),
        "zero_results": _("With no results"),
        "clicks": _("Clicks"),
        "click_through": _("Click-through (%)"),
    }

    def dispatch(self, request, *args, **kwargs):
        # Editors who manage promoted results (City communications) read the report.
        if not can_view_report(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_queryset(self):
        return QueryDay.objects.all()

    def get_filename(self):
        return f"search-queries-{datetime.date.today():%Y-%m-%d}"

    def get_filtered_queryset(self):
        days = self.filter_queryset(self.get_queryset())
        self.days = days
        rows = (
            days.values("query", "language")
            .annotate(
                searches=Sum("searches"), zero_results=Sum("zero_results"), clicks=Sum("clicks")
            )
            .order_by("-searches", "query")
        )
        return [
            {**row, "click_through": click_through(row["clicks"], row["searches"])} for row in rows
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        totals = (
            self.days.values("language")
            .annotate(
                searches=Sum("searches"), zero_results=Sum("zero_results"), clicks=Sum("clicks")
            )
            .order_by("language")
        )
        context["language_totals"] = [
            {**row, "click_through": click_through(row["clicks"], row["searches"])}
            for row in totals
        ]
        return context
