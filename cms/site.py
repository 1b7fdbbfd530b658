"""Facts about the site that code needs outside a template: the city's name.

The name lives in the site settings (``SiteSettings.city_name``) so a second city runs the
portal without a code change.
"""

from wagtail.models import Site

from cms.models.site_settings import SiteSettings
from cms.sections import kept


def _default_site_id():
    site = Site.objects.filter(is_default_site=True).only("pk").first()
    return site.pk if site else None


def site_settings(request=None):
    """The settings of the request's site, else of the default site (which site that is
    is kept per content change, ``cms.sections.kept``, as the settings are)."""
    if request is not None:
        return SiteSettings.for_request(request)
    site_id = kept(_default_site_id, "default-site")
    return SiteSettings() if site_id is None else SiteSettings.for_site_id(site_id)


def city_name(request=None):
    return site_settings(request).city_name
