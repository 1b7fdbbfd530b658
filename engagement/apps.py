from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EngagementConfig(AppConfig):
    name = "engagement"
    verbose_name = _("Engagement")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Signal receivers, and the views that register the routable pages'
        # handlers in cms.routing (the models do not import the views).
        from engagement import signals, views  # noqa: F401
        from engagement.intake import views as intake_views  # noqa: F401
        from engagement.staff import views as staff_views  # noqa: F401
