from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DistrictCouncilsConfig(AppConfig):
    name = "district_councils"
    verbose_name = _("District councils")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # The views register the routable pages' handlers in cms.routing
        # (the models do not import the views).
        from district_councils import views  # noqa: F401
