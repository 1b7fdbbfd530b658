"""Per-site settings that editors change without a deploy."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

from cms.sections import kept


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

    @classmethod
    def for_site(cls, site):
        if site is None:
            return super().for_site(site)
        return cls.for_site_id(site.pk)

    @classmethod
    def for_site_id(cls, site_id):
        """The site's settings, kept per content change (``cms.sections.kept``): every page
        and API answer reads them, and saving them is a content change."""

        def read():
            return cls.base_queryset().get_or_create(site_id=site_id)[0]

        return kept(read, "site-settings", site_id)
