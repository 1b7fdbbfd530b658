"""The city's name, from the site settings (``cms.models.SiteSettings.city_name``).

Kept in this one place until the project has a shared helper for it.
"""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from wagtail.models import Site

from cms.models import SiteSettings

CITY_ORGANISATION = gettext_noop("City of %(city)s")


def city_name(request=None):
    """The request's site's city name; without a request, the default site's.

    With a request the settings are read once per request (Wagtail caches them on it).
    """
    if request is not None:
        return SiteSettings.for_request(request).city_name
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        return SiteSettings._meta.get_field("city_name").default
    return SiteSettings.for_site(site).city_name


def city_organisation(request=None, *, translate=True):
    """“City of <name>”, the host of events that no council or department hosts."""
    template = _(CITY_ORGANISATION) if translate else CITY_ORGANISATION
    return template % {"city": city_name(request)}
