"""Admin report of what is due for review, by owner and language, with CSV export."""

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.reports import ReportView

import django_filters

from cms.csv_export import SafeCSVExportMixin
from cms.models import ContactPoint
from cms.reviews import due_items, owners


def can_view_reviews(user):
    return user.is_active and (user.is_superuser or user.has_perm("wagtailadmin.access_admin"))


class ReviewFilterSet(WagtailFilterSet):
    owner = django_filters.ModelChoiceFilter(
        label=_("Owner"),
        queryset=lambda request: owners(),
        empty_label=_("All"),
        method="read_only",
    )
    language = django_filters.ChoiceFilter(
        label=_("Language"),
        choices=lambda: list(settings.LANGUAGES),
        empty_label=_("All"),
        method="read_only",
    )

    class Meta:
        model = ContactPoint  # the form only; the rows come from cms.reviews
        fields = ["owner"]

    def read_only(self, queryset, name, value):
        """The values narrow ``cms.reviews.due_items``, not this queryset."""
        return queryset


class ContentReviewReportView(SafeCSVExportMixin, ReportView):
    page_title = _("Due for review")
    header_icon = "date"
    filterset_class = ReviewFilterSet
    index_url_name = "content_reviews"
    index_results_url_name = "content_reviews_results"
    permission_policy = None
    paginate_by = 50
    model = ContactPoint
    columns = [
        TitleColumn("title", label=_("Title"), get_url=lambda item: item.edit_url),
        Column("kind", label=_("Type")),
        Column("language", label=_("Language")),
        Column("owner_name", label=_("Owner")),
        Column("due", label=_("Due")),
    ]
    list_export = ["title", "kind", "language", "owner_name", "due"]
    export_headings = {
        "title": _("Title"),
        "kind": _("Type"),
        "language": _("Language"),
        "owner_name": _("Owner"),
        "due": _("Due"),
    }

    def dispatch(self, request, *args, **kwargs):
        if not can_view_reviews(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_queryset(self):
        return ContactPoint.objects.none()

    def get_filename(self):
        return f"due-for-review-{timezone.localdate():%Y-%m-%d}"

    def get_filtered_queryset(self):
        self.filter_queryset(self.get_queryset())
        data = self.filters.form.cleaned_data if self.filters.is_valid() else {}
        return due_items(owner=data.get("owner"), language=data.get("language") or None)

    def to_row_dict(self, item):
        return {field: getattr(item, field) for field in self.list_export}
