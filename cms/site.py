"""Facts about the site that code needs outside a template: the city's name.

The name lives in the site settings (``SiteSettings.city_name``) so a second city runs the
portal without a code change.
"""

from wagtail.models import Site

from cms.models.site_settings import SiteSettings


def site_settings(request=None):
    """The settings of the request's site, else of the default site."""
    if request is not None:
        return SiteSettings.for_request(request)
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        return SiteSettings()
    return SiteSettings.for_site(site)


def city_name(request=None):
    return site_settings(request).city_name
