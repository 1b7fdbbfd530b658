"""Admin wiring for translation freshness and reading grades: the two reports and their
menu items, the dashboard's count per language, the "reviewed by a person" action, and the
grade measured again whenever an editor saves a draft. Loaded by ``cms.wagtail_hooks``."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.admin.widgets import Button
from wagtail.models import Locale

from cms.models import BasePage
from cms.page_quality_reports import ReadingGradeReportView, TranslationFreshnessReportView
from cms.page_quality_views import mark_translation_reviewed
from cms.reading_grades import measure_page
from cms.review_report import can_view_reviews
from cms.translation_freshness import counts_by_language


@hooks.register("register_admin_urls")
def register_page_quality_urls():
    freshness, reading = TranslationFreshnessReportView, ReadingGradeReportView
    return [
        path("reports/translation-freshness/", freshness.as_view(), name="translation_freshness"),
        path(
            "reports/translation-freshness/results/",
            freshness.as_view(results_only=True),
            name="translation_freshness_results",
        ),
        path("reports/reading-grade/", reading.as_view(), name="reading_grades"),
        path(
            "reports/reading-grade/results/",
            reading.as_view(results_only=True),
            name="reading_grades_results",
        ),
        path(
            "pages/<int:page_id>/translation-reviewed/",
            mark_translation_reviewed,
            name="cms_mark_translation_reviewed",
        ),
    ]


class ReportMenuItem(MenuItem):
    def is_shown(self, request):
        return can_view_reviews(request.user)


@hooks.register("register_reports_menu_item")
def register_freshness_menu_item():
    return ReportMenuItem(
        _("Translation freshness"),
        reverse("translation_freshness"),
        name="translation-freshness",
        icon_name="globe",
    )


@hooks.register("register_reports_menu_item")
def register_reading_grade_menu_item():
    return ReportMenuItem(
        _("Reading grade"), reverse("reading_grades"), name="reading-grade", icon_name="doc-full"
    )


class TranslationFreshnessPanel(Component):
    name = "translation_freshness"
    order = 95
    template_name = "cms/admin/translation_freshness_panel.html"

    def __init__(self, counts):
        self.counts = counts

    def get_context_data(self, parent_context):
        return {"counts": sorted(self.counts.items())}


@hooks.register("construct_homepage_panels")
def add_translation_freshness_panel(request, panels):
    if can_view_reviews(request.user):
        panels.append(TranslationFreshnessPanel(counts_by_language()))


def _review_button(page, user):
    """A translated page's "reviewed by a person" action. Shown in the page listing and
    header too, because a translation opens in wagtail-localize's editor, not the page form."""
    if (
        page.pk
        and page.alias_of_id is None
        and page.locale_id != Locale.get_default().pk
        and page.permissions_for_user(user).can_edit()
    ):
        yield Button(
            _("Mark the translation as reviewed by a person"),
            reverse("cms_mark_translation_reviewed", args=[page.pk]),
            icon_name="globe",
            priority=70,
        )


@hooks.register("register_page_listing_more_buttons")
def review_listing_button(page, user, next_url=None):
    yield from _review_button(page, user)


@hooks.register("register_page_header_buttons")
def review_header_button(page, user, view_name=None, next_url=None):
    yield from _review_button(page, user)


def _measure_draft(request, page):
    if isinstance(page, BasePage):
        measure_page(page)


hooks.register("after_create_page", _measure_draft)
hooks.register("after_edit_page", _measure_draft)
