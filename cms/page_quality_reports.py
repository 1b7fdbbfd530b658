"""Admin reports on translations and plain language: translation freshness per language and
pages over the reading-grade target, each with filters and a formula-safe CSV export."""

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.reports import ReportView

import django_filters

from cms.csv_export import SafeCSVExportMixin
from cms.models import ReadingMeasure, TranslationRecord
from cms.readability import target_grade
from cms.reading_grades import pages_over_target
from cms.review_report import can_view_reviews
from cms.reviews import owners
from cms.translation_freshness import KIND_CHOICES, STATUS_CHOICES, freshness_rows


def _language_filter():
    return django_filters.ChoiceFilter(
        label=_("Language"),
        choices=lambda: list(settings.LANGUAGES),
        empty_label=_("All"),
        method="read_only",
    )


class ReadOnlyFilterSet(WagtailFilterSet):
    def read_only(self, queryset, name, value):
        """The values narrow the rows the report builds, not this queryset."""
        return queryset


class FreshnessFilterSet(ReadOnlyFilterSet):
    language = _language_filter()
    status = django_filters.ChoiceFilter(
        label=_("Status"), choices=STATUS_CHOICES, empty_label=_("All"), method="read_only"
    )
    kind = django_filters.ChoiceFilter(
        label=_("Type"), choices=KIND_CHOICES, empty_label=_("All"), method="read_only"
    )

    class Meta:
        model = TranslationRecord  # the form only
        fields = []


class ReadingFilterSet(ReadOnlyFilterSet):
    language = _language_filter()
    owner = django_filters.ModelChoiceFilter(
        label=_("Owner"),
        queryset=lambda request: owners(),
        empty_label=_("All"),
        method="read_only",
    )

    class Meta:
        model = ReadingMeasure  # the form only
        fields = []


class RowReportView(SafeCSVExportMixin, ReportView):
    """A report of rows built in Python (dataclasses), filtered by its filter set."""

    permission_policy = None
    paginate_by = 50

    def dispatch(self, request, *args, **kwargs):
        if not can_view_reviews(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_queryset(self):
        return self.model.objects.none()

    def get_filtered_queryset(self):
        self.filter_queryset(self.get_queryset())
        data = self.filters.form.cleaned_data if self.filters.is_valid() else {}
        return self.rows(data)

    def to_row_dict(self, item):
        return {field: str(getattr(item, field)) for field in self.list_export}


class TranslationFreshnessReportView(RowReportView):
    page_title = _("Translation freshness")
    header_icon = "globe"
    filterset_class = FreshnessFilterSet
    index_url_name = "translation_freshness"
    index_results_url_name = "translation_freshness_results"
    model = TranslationRecord
    columns = [
        TitleColumn("title", label=_("Title"), get_url=lambda row: row.action_url),
        Column("type_name", label=_("Type")),
        Column("language", label=_("Language")),
        Column("status_label", label=_("Status")),
    ]
    list_export = ["title", "type_name", "language", "status_label", "action_url"]
    export_headings = {
        "title": _("Title"),
        "type_name": _("Type"),
        "language": _("Language"),
        "status_label": _("Status"),
        "action_url": _("Update it at"),
    }

    def rows(self, data):
        return freshness_rows(
            language=data.get("language") or None,
            status=data.get("status") or None,
            kind=data.get("kind") or None,
        )

    def get_filename(self):
        return f"translation-freshness-{timezone.localdate():%Y-%m-%d}"


class ReadingGradeReportView(RowReportView):
    header_icon = "doc-full"
    filterset_class = ReadingFilterSet
    index_url_name = "reading_grades"
    index_results_url_name = "reading_grades_results"
    model = ReadingMeasure
    columns = [
        TitleColumn("title", label=_("Title"), get_url=lambda row: row.edit_url),
        Column("grade", label=_("Reading grade")),
        Column("formula", label=_("Formula")),
        Column("language", label=_("Language")),
        Column("owner_name", label=_("Owner")),
    ]
    list_export = ["title", "grade", "formula", "language", "owner_name"]
    export_headings = {
        "title": _("Title"),
        "grade": _("Reading grade"),
        "formula": _("Formula"),
        "language": _("Language"),
        "owner_name": _("Owner"),
    }

    @property
    def page_title(self):
        return _("Pages over reading grade %(target)s") % {"target": target_grade()}

    def rows(self, data):
        return pages_over_target(language=data.get("language") or None, owner=data.get("owner"))

    def get_filename(self):
        return f"reading-grade-{timezone.localdate():%Y-%m-%d}"
