"""Admin wiring for reviews: the report, its menu item and the dashboard panel of what the
signed-in editor owns that is due. Loaded by ``cms.wagtail_hooks``."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component

from cms.review_report import ContentReviewReportView, can_view_reviews
from cms.reviews import due_items


@hooks.register("register_admin_urls")
def register_review_report_urls():
    view = ContentReviewReportView
    return [
        path("reports/due-for-review/", view.as_view(), name="content_reviews"),
        path(
            "reports/due-for-review/results/",
            view.as_view(results_only=True),
            name="content_reviews_results",
        ),
    ]


class ReviewReportMenuItem(MenuItem):
    def is_shown(self, request):
        return can_view_reviews(request.user)


@hooks.register("register_reports_menu_item")
def register_review_report_menu_item():
    return ReviewReportMenuItem(
        _("Due for review"), reverse("content_reviews"), name="due-for-review", icon_name="date"
    )


class DueForReviewPanel(Component):
    name = "due_for_review"
    order = 90
    template_name = "cms/admin/due_for_review_panel.html"

    def __init__(self, items):
        self.items = items

    def get_context_data(self, parent_context):
        return {"items": self.items[:10], "count": len(self.items)}


@hooks.register("construct_homepage_panels")
def add_due_for_review_panel(request, panels):
    items = due_items(owner=request.user)
    if items:
        panels.append(DueForReviewPanel(items))
