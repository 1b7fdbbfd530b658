"""Admin report of page feedback: totals per page or per owner, or every answer, with CSV.

Editors see feedback only on pages they may edit or whose department they own, and never on
a page the visibility rule hides from them (a council editor: their council's pages only).
"""

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Max, Min, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.models import Locale, Page, get_page_models
from wagtail.permission_policies.pages import PagePermissionPolicy

import django_filters

from cms.csv_export import SafeCSVExportMixin
from cms.models import Department, PageFeedback
from cms.visibility import hidden_pages_q

SHOW = [
    ("pages", _("Totals per page")),
    ("owners", _("Totals per owner")),
    ("answers", _("Every answer")),
]
TOTALS = {
    "yes": Count("pk", filter=Q(helpful=True)),
    "no": Count("pk", filter=Q(helpful=False)),
    "comments": Count("pk", filter=~Q(comment="")),
    "translation": Count("pk", filter=Q(tag=PageFeedback.ABOUT_TRANSLATION)),
    "latest": Max("created_at"),
}


def can_view_feedback(user):
    return user.is_active and (user.is_superuser or user.has_perm("wagtailadmin.access_admin"))


def feedback_visible_to(user):
    """The feedback ``user`` may read: on pages they may edit, or whose department they own,
    and that they may see."""
    answers = PageFeedback.objects.all()
    if user.is_superuser:
        return answers
    editable = PagePermissionPolicy().instances_user_has_any_permission_for(
        user, ["change", "publish"]
    )
    answers = answers.filter(Q(page__in=editable.values("pk")) | Q(owner_department__owner=user))
    hidden = hidden_pages_q(user, prefix="page__")
    return answers.exclude(hidden) if hidden else answers


def owner_choices():
    """Departments and owning pages (district councils) in the default language, by
    translation key, so a filter finds an owner's answers in every language."""
    default = Locale.get_default()
    departments = Department.objects.filter(locale=default).order_by("name")
    owning_types = [
        model for model in get_page_models() if getattr(model, "owns_descendants", False)
    ]
    pages = Page.objects.none()
    if owning_types:
        pages = Page.objects.type(*owning_types).filter(locale=default).order_by("title")
    return [
        *((f"department:{item.translation_key}", item.name) for item in departments),
        *((f"page:{item.translation_key}", item.title) for item in pages),
    ]


class FeedbackFilterSet(WagtailFilterSet):
    show = django_filters.ChoiceFilter(
        label=_("Show"), choices=SHOW, empty_label=None, method="read_only"
    )
    owner = django_filters.ChoiceFilter(
        label=_("Owner"), choices=owner_choices, empty_label=_("All"), method="by_owner"
    )
    language = django_filters.ChoiceFilter(
        label=_("Language"), choices=lambda: list(settings.LANGUAGES), empty_label=_("All")
    )
    tag = django_filters.ChoiceFilter(
        label=_("Tag"), choices=PageFeedback.TAGS, empty_label=_("All")
    )

    class Meta:
        model = PageFeedback
        fields = ["language", "tag"]

    def read_only(self, queryset, name, value):
        return queryset  # chooses the table, not the rows

    def by_owner(self, queryset, name, value):
        kind, _sep, key = value.partition(":")
        if kind == "department":
            return queryset.filter(owner_department__translation_key=key)
        return queryset.filter(owner_page__translation_key=key)


def _edit_url(row):
    return reverse("wagtailadmin_pages:edit", args=[row["page_id"]])


COLUMNS = {
    "pages": [
        TitleColumn("page__title", label=_("Page"), get_url=_edit_url),
        Column("page__locale__language_code", label=_("Page language")),
        Column("owner", label=_("Owner")),
    ],
    "owners": [Column("owner", label=_("Owner"))],
}
TOTAL_COLUMNS = [
    Column("yes", label=_("Yes")),
    Column("no", label=_("No")),
    Column("comments", label=_("Comments")),
    Column("translation", label=_("Translation reports")),
    DateColumn("latest", label=_("Latest")),
]
ANSWER_COLUMNS = [
    DateColumn("created_at", label=_("Date")),
    TitleColumn(
        "page.title", label=_("Page"), get_url=lambda answer: _edit_url({"page_id": answer.page_id})
    ),
    Column("language", label=_("Reader's language")),
    Column("tag", label=_("Tag")),
    Column("answer", label=_("Helpful")),
    Column("comment", label=_("Comment")),
    Column("owner_name", label=_("Owner")),
]


class PageFeedbackReportView(SafeCSVExportMixin, ReportView):
    page_title = _("Page feedback")
    header_icon = "help"
    filterset_class = FeedbackFilterSet
    index_url_name = "page_feedback_report"
    index_results_url_name = "page_feedback_report_results"
    permission_policy = None
    paginate_by = 50
    model = PageFeedback

    def dispatch(self, request, *args, **kwargs):
        if not can_view_feedback(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_queryset(self):
        return feedback_visible_to(self.request.user)

    def get_filename(self):
        return f"page-feedback-{timezone.localdate():%Y-%m-%d}"

    def get_filtered_queryset(self):
        answers = self.filter_queryset(self.get_queryset())
        data = self.filters.form.cleaned_data if self.filters.is_valid() else {}
        show = data.get("show") or "pages"
        if show == "answers":
            self._use(ANSWER_COLUMNS)
            return answers.select_related("page", "owner_department", "owner_page")
        self._use(COLUMNS[show] + TOTAL_COLUMNS)
        if show == "pages":
            group = ["page_id", "page__title", "page__locale__language_code"]
        else:
            group = ["owner_department__translation_key", "owner_page__translation_key"]
        totals = (
            answers.values(*group)
            .annotate(
                department=Min("owner_department__name"), council=Min("owner_page__title"), **TOTALS
            )
            .order_by("-latest")
        )
        rows = [{**row, "owner": row["department"] or row["council"] or ""} for row in totals]
        if show == "owners":
            rows.sort(key=lambda row: row["owner"].casefold())
        return rows

    def _use(self, columns):
        self.columns = columns
        self.list_export = [column.accessor for column in columns]
        self.export_headings = {column.accessor: column.label for column in columns}
