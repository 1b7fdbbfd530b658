"""Find my council: from a map point, a street address or a neighborhood name.

``find_council(params, councils)`` reads the query parameters of the council index
page (``lat``/``lon``, ``address`` or ``neighborhood``). The address search is off
unless the ``COUNCIL_GEOCODER`` setting names a geocoder. Messages are in the
visitor's language; the city's name comes from the site settings.
"""

import unicodedata

from django.conf import settings
from django.utils.module_loading import import_string
from django.utils.translation import gettext

from cms.site import city_name
from district_councils import geo

MAX_QUERY_LENGTH = 200


def normalize(text):
    """Case-, accent- and apostrophe-insensitive form of a name for matching."""
    text = unicodedata.normalize("NFKD", str(text)).casefold()
    text = text.replace("\u2019", "'").replace("\u2018", "'")
    return " ".join("".join(c for c in text if not unicodedata.combining(c)).split())


class FindCouncilError(Exception):
    """Bad find-my-council input; ``message`` is in the visitor's language."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


class CouncilList(list):
    """The councils already loaded for a page, usable like a queryset by the finder."""

    def values_list(self, *fields):
        return [tuple(getattr(council, field) for field in fields) for council in self]

    def filter(self, pk__in):
        wanted = set(pk__in)
        return CouncilList(council for council in self if council.pk in wanted)

    def get(self, pk):
        return next(council for council in self if council.pk == pk)


def address_geocoder():
    """The optional address geocoder: the ``COUNCIL_GEOCODER`` setting names a callable
    taking an address and returning ``(lat, lon)`` or None. Off (None) unless configured."""
    path = getattr(settings, "COUNCIL_GEOCODER", "")
    return import_string(path) if path else None


def neighborhood_options(councils, request=None):
    """Every neighborhood name with its council, for the autocomplete."""
    options = []
    for council in councils:
        url = council.get_url(request)
        for name in council.neighborhood_names:
            options.append({"name": name, "council": council.title, "url": url})
    return sorted(options, key=lambda option: normalize(option["name"]))


def resolve_point(councils, lat, lon, *, request=None, **extra):
    """The council containing the point, or a message when the point is outside them all."""
    found = geo.councils_containing(councils, lon, lat)
    if not found:
        return {
            **extra,
            "lat": lat,
            "lon": lon,
            "council": None,
            "message": gettext(
                "That point is outside %(city)s's district councils. Choose a point "
                "inside the city, or pick your neighborhood from the list."
            )
            % {"city": city_name(request)},
        }
    return {**extra, "lat": lat, "lon": lon, "council": councils.get(found[0])}


def _by_point(params, councils, request):
    try:
        lat, lon = geo.parse_coordinates(params.get("lat"), params.get("lon"))
    except geo.CoordinateError as error:
        raise FindCouncilError(str(error)) from error
    return resolve_point(councils, lat, lon, request=request)


def _by_address(params, councils, request):
    geocode = address_geocoder()
    if geocode is None:
        raise FindCouncilError(
            gettext("Address search is not available. Choose your neighborhood instead.")
        )
    address = params.get("address", "").strip()
    if not address or len(address) > MAX_QUERY_LENGTH:
        raise FindCouncilError(
            gettext("Type a street address of at most %(max)s characters.")
            % {"max": MAX_QUERY_LENGTH}
        )
    try:
        point = geocode(address)
    except Exception:  # a geocoder outage must not break the page
        point = None
        failed = True
    else:
        failed = False
    if point is None:
        return {
            "address": address,
            "council": None,
            "message": gettext(
                "The address search is not working right now. Choose your neighborhood instead."
            )
            if failed
            else gettext(
                "No place was found for that address. Check it, or choose your "
                "neighborhood instead."
            ),
        }
    return resolve_point(councils, point[0], point[1], request=request, address=address)


def _by_neighborhood(params, councils):
    query = params.get("neighborhood", "").strip()
    if not query:
        raise FindCouncilError(gettext("Type or choose the name of your neighborhood."))
    if len(query) > MAX_QUERY_LENGTH:
        raise FindCouncilError(
            gettext("The neighborhood name is too long (at most %(max)s characters).")
            % {"max": MAX_QUERY_LENGTH}
        )
    wanted = normalize(query)
    exact, partial = [], []
    for council in councils:
        names = [*council.neighborhood_names, council.title, council.area_name]
        normalized = [normalize(name) for name in names if name]
        if wanted in normalized:
            exact.append(council)
        elif any(wanted in name for name in normalized):
            partial.append(council)
    matches = exact or partial
    if len(matches) == 1:
        return {"query": query, "council": matches[0]}
    if matches:
        return {"query": query, "council": None, "candidates": matches}
    return {
        "query": query,
        "council": None,
        "message": gettext(
            "No neighborhood called “%(name)s” was found. Check the spelling, or choose "
            "from the list of councils and neighborhoods below."
        )
        % {"name": query},
    }


def find_council(params, councils, request=None):
    """Resolve find-my-council query parameters against ``councils``.

    Returns None when nothing was asked, else a dict with ``council`` (one
    match), ``candidates`` (several) and/or ``message``. Raises FindCouncilError
    for malformed input.
    """
    if "lat" in params or "lon" in params:
        return _by_point(params, councils, request)
    if "address" in params:
        return _by_address(params, councils, request)
    if "neighborhood" in params:
        return _by_neighborhood(params, councils)
    return None
