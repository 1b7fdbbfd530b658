"""“City of <name>”: the host of events that no council or department hosts.

The name itself is the site setting read by ``cms.site.city_name``.
"""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from cms.site import city_name

CITY_ORGANISATION = gettext_noop("City of %(city)s")


def city_organisation(request=None, *, translate=True):
    """“City of <name>”, in the active language unless ``translate`` is false."""
    template = _(CITY_ORGANISATION) if translate else CITY_ORGANISATION
    return template % {"city": city_name(request)}
