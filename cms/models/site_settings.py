"""Per-site settings that editors change without a deploy."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting


@register_setting(icon="site")
class SiteSettings(BaseSiteSetting):
    city_name = models.CharField(_("city name"), max_length=100, default="Saint Paul")
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    service_request_url = models.URLField(
        _("service request intake URL"),
        blank=True,
        help_text=_("Where residents report a problem or ask for a city service."),
    )
    service_request_phone = models.CharField(_("service request phone"), max_length=40, blank=True)
    service_request_hours = models.CharField(
        _("service request phone hours"), max_length=120, blank=True
    )

    panels = [
        FieldPanel("city_name"),
        FieldPanel("logo"),
        MultiFieldPanel(
            [
                FieldPanel("service_request_url"),
                FieldPanel("service_request_phone"),
                FieldPanel("service_request_hours"),
            ],
            heading=_("Service requests"),
        ),
    ]

    class Meta:
        verbose_name = _("site settings")
