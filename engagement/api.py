"""``/api/v2/events/``: occurrences of events inside a date window, recurrences expanded."""

import datetime as dt

from django.conf import settings
from django.urls import path
from django.utils import timezone
from django.utils.translation import gettext as _

from wagtail.api.v2.utils import BadRequestError
from wagtail.models import Locale

from cms.api.listing import PortalAPIViewSet, listing_response
from cms.api.params import date_value, locale_code, whole_number
from cms.pagination import kept_count, kept_rows
from cms.text_language import page_language
from engagement.filters import FilterError, parse_filters
from engagement.hosts import city_organisation
from engagement.models import EventOccurrence

MAX_WINDOW_DAYS = 366
DEFAULT_WINDOW_DAYS = 31
MAX_LIMIT = 500
DEFAULT_LIMIT = 100


def occurrence_data(occurrence, request, city_host):
    """One item of the listing; ``city_host`` names the City when it is the host."""
    event = occurrence.event
    council = occurrence.host_council
    return {
        "id": occurrence.pk,
        "event": {
            "id": event.pk,
            "title": event.title,
            "summary": event.summary,
            "html_url": event.get_full_url(request),
            "detail_url": request.build_absolute_uri(f"/api/v2/pages/{event.pk}/"),
        },
        "start": occurrence.start.astimezone(timezone.get_current_timezone()).isoformat(),
        "end": occurrence.end.astimezone(timezone.get_current_timezone()).isoformat(),
        "all_day": occurrence.all_day,
        "original_start": occurrence.original_start.astimezone(
            timezone.get_current_timezone()
        ).isoformat()
        if occurrence.original_start
        else None,
        "status": occurrence.status,
        "reason": occurrence.reason,
        "format": occurrence.format,
        "host": {
            "name": council.title if council else (event.department or city_host),
            "council": council.district_number if council else None,
            "content_language": page_language(council) if council else page_language(event),
        },
        "topics": [code for code in occurrence.topics.split(",") if code],
        "languages": [code for code in occurrence.languages.split(",") if code],
        "place": {"name": event.venue_name, "address": event.address},
        "online_url": event.online_url,
        "locale": event.locale.language_code if hasattr(event, "locale") else "",
        # The language of the event's title, summary and place (its source's when untranslated).
        "content_language": page_language(event),
    }


class EventsAPIViewSet(PortalAPIViewSet):
    model = EventOccurrence
    known_query_parameters = frozenset(
        ["from", "to", "host", "topic", "format", "language", "locale", "limit", "offset", "_"]
    )

    def listing_view(self, request):
        self.check_parameters(request)
        # An empty ``locale=`` means the default language, as it always has here.
        code = locale_code(request.GET) if request.GET.get("locale") else None
        code = code or settings.LANGUAGE_CODE
        locale = Locale.objects.get(language_code=code)
        params = request.GET.copy()
        if "to" in params and not params["to"].strip():
            date_value(params, "to")  # an empty ``to`` is refused, not read as "no end"
        if not params.get("from"):
            params["from"] = timezone.localdate().isoformat()
        try:
            filters = parse_filters(params, locale, council_param="host")
        except FilterError as error:
            raise BadRequestError(error.message) from None
        if filters.date_to is None:
            filters.date_to = filters.date_from + dt.timedelta(days=DEFAULT_WINDOW_DAYS - 1)
        days = (filters.date_to - filters.date_from).days + 1
        if days > MAX_WINDOW_DAYS:
            raise BadRequestError(
                _(
                    "The window from “from” to “to” is %(days)s days long; it can be at most "
                    "%(max)s days."
                )
                % {"days": days, "max": MAX_WINDOW_DAYS}
            )
        # A larger limit is cut to MAX_LIMIT rather than refused.
        limit = min(whole_number(request.GET, "limit", DEFAULT_LIMIT), MAX_LIMIT)
        offset = whole_number(request.GET, "offset", 0)
        queryset = EventOccurrence.objects.listing(locale, filters).select_related(
            "event__locale", "event__alias_of", "host_council__alias_of"
        )
        total = kept_count(queryset)  # once per content change and window
        # Untranslated, as this API has always given it.
        city_host = city_organisation(request, translate=False)
        rows = kept_rows(queryset, offset, offset + limit)  # the same, content change and window
        items = [occurrence_data(occ, request, city_host) for occ in rows]
        return listing_response(
            items,
            total,
            **{
                "from": filters.date_from.isoformat(),
                "to": filters.date_to.isoformat(),
                "time_zone": settings.TIME_ZONE,
            },
        )

    @classmethod
    def get_urlpatterns(cls):
        return [path("", cls.as_view({"get": "listing_view"}), name="listing")]
