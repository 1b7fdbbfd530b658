"""Admin wiring for page feedback: the report and its menu item under Reports. Loaded by
``cms.wagtail_hooks``."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem

from cms.feedback.report import PageFeedbackReportView, can_view_feedback


@hooks.register("register_admin_urls")
def register_feedback_report_urls():
    view = PageFeedbackReportView
    return [
        path("reports/page-feedback/", view.as_view(), name="page_feedback_report"),
        path(
            "reports/page-feedback/results/",
            view.as_view(results_only=True),
            name="page_feedback_report_results",
        ),
    ]


class FeedbackReportMenuItem(MenuItem):
    def is_shown(self, request):
        return can_view_feedback(request.user)


@hooks.register("register_reports_menu_item")
def register_feedback_report_menu_item():
    return FeedbackReportMenuItem(
        _("Page feedback"), reverse("page_feedback_report"), name="page-feedback", icon_name="help"
    )
