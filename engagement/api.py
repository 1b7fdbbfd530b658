"""``/api/v2/events/``: occurrences of events inside a date window, recurrences expanded."""

import datetime as dt

from django.conf import settings
from django.urls import path
from django.utils import timezone
from django.utils.translation import gettext as _

from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import BaseAPIViewSet
from wagtail.models import Locale

from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response

from cms.api.errors import TranslatedErrorsMixin
from engagement.filters import FilterError, occurrences, parse_filters
from engagement.models import EventOccurrence

MAX_WINDOW_DAYS = 366
DEFAULT_WINDOW_DAYS = 31
MAX_LIMIT = 500


def _whole_number(request, name, default):
    value = request.GET.get(name)
    if value in (None, ""):
        return default
    try:
        number = int(value)
    except ValueError:
        number = -1
    if number < 0:
        raise BadRequestError(
            _("%(name)s must be a whole number of 0 or more.") % {"name": name}
        )
    return number


def occurrence_data(occurrence, request):
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
            timezone.get_current_timezone()).isoformat() if occurrence.original_start else None,
        "status": occurrence.status,
        "reason": occurrence.reason,
        "format": occurrence.format,
        "host": {
            "name": council.title if council else (event.department or "City of Saint Paul"),
            "council": council.district_number if council else None,
        },
        "topics": [code for code in occurrence.topics.split(",") if code],
        "languages": [code for code in occurrence.languages.split(",") if code],
        "place": {"name": event.venue_name, "address": event.address},
        "online_url": event.online_url,
        "locale": event.locale.language_code if hasattr(event, "locale") else "",
    }


class EventsAPIViewSet(TranslatedErrorsMixin, BaseAPIViewSet):
    model = EventOccurrence
    known_query_parameters = frozenset(
        ["from", "to", "host", "topic", "format", "language", "locale", "limit", "offset", "_"]
    )

    def perform_content_negotiation(self, request, force=False):
        # ``format`` is the event format here, not DRF's renderer override.
        renderer = JSONRenderer()
        return renderer, renderer.media_type

    def listing_view(self, request):
        unknown = set(request.GET) - self.known_query_parameters
        if unknown:
            raise BadRequestError(
                _("Unknown query parameter: %(names)s") % {"names": ", ".join(sorted(unknown))}
            )
        code = request.GET.get("locale") or settings.LANGUAGE_CODE
        if code not in dict(settings.LANGUAGES):
            raise BadRequestError(
                _("Unknown language “%(code)s”. Use one of: %(codes)s.")
                % {"code": code, "codes": ", ".join(dict(settings.LANGUAGES))}
            )
        locale = Locale.objects.get(language_code=code)
        params = request.GET.copy()
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
                _("The window from “from” to “to” is %(days)s days long; it can be at most "
                  "%(max)s days.") % {"days": days, "max": MAX_WINDOW_DAYS}
            )
        limit = min(_whole_number(request, "limit", 100), MAX_LIMIT)
        offset = _whole_number(request, "offset", 0)
        queryset = occurrences(locale, filters).select_related("event__locale")
        total = queryset.count()
        items = [occurrence_data(occ, request) for occ in queryset[offset:offset + limit]]
        return Response({
            "meta": {
                "total_count": total,
                "from": filters.date_from.isoformat(),
                "to": filters.date_to.isoformat(),
                "time_zone": settings.TIME_ZONE,
            },
            "items": items,
        })

    @classmethod
    def get_urlpatterns(cls):
        return [path("", cls.as_view({"get": "listing_view"}), name="listing")]


def openapi_description():
    occurrence = {
        "type": "object",
        "required": ["id", "event", "start", "end", "status", "format", "host"],
        "properties": {
            "id": {"type": "integer"},
            "event": {
                "type": "object",
                "properties": {
                    "id": {"type": "integer"},
                    "title": {"type": "string"},
                    "summary": {"type": "string"},
                    "html_url": {"type": "string", "format": "uri", "nullable": True},
                    "detail_url": {"type": "string", "format": "uri"},
                },
            },
            "start": {"type": "string", "format": "date-time",
                      "description": "With the city's UTC offset, e.g. 2026-03-10T18:30:00-05:00."},
            "end": {"type": "string", "format": "date-time"},
            "all_day": {"type": "boolean"},
            "original_start": {
                "type": "string", "format": "date-time", "nullable": True,
                "description": "For a repeating event: when this occurrence was due to start "
                "(the iCalendar RECURRENCE-ID).",
            },
            "status": {"type": "string", "enum": ["scheduled", "cancelled", "postponed",
                                                  "rescheduled", "moved_online"]},
            "reason": {"type": "string"},
            "format": {"type": "string", "enum": ["in_person", "online", "hybrid"]},
            "host": {
                "type": "object",
                "properties": {"name": {"type": "string"},
                               "council": {"type": "integer", "nullable": True}},
            },
            "topics": {"type": "array", "items": {"type": "string"}},
            "languages": {"type": "array", "items": {"type": "string"}},
            "place": {"type": "object", "properties": {"name": {"type": "string"},
                                                       "address": {"type": "string"}}},
            "online_url": {"type": "string"},
            "locale": {"type": "string"},
        },
    }

    def parameter(name, description, schema):
        return {"name": name, "in": "query", "required": False, "description": description,
                "schema": schema}

    from cms.api.openapi import error_responses, json_response, locale_parameter

    listing = {
        "type": "object",
        "required": ["meta", "items"],
        "properties": {
            "meta": {"type": "object", "properties": {
                "total_count": {"type": "integer"},
                "from": {"type": "string", "format": "date"},
                "to": {"type": "string", "format": "date"},
                "time_zone": {"type": "string"},
            }},
            "items": {"type": "array", "items": {"$ref": "#/components/schemas/EventOccurrence"}},
        },
    }
    return {
        "paths": {
            "/api/v2/events/": {
                "get": {
                    "summary": "Occurrences of events and meetings in a date window",
                    "description": "Repeating events are expanded into their occurrences. "
                    "Cancelled and changed occurrences are included with their status. "
                    "The window is at most 366 days; it defaults to 31 days from today.",
                    "operationId": "listEventOccurrences",
                    "tags": ["events"],
                    "parameters": [
                        parameter("from", "First day (YYYY-MM-DD, city time); default today.",
                                  {"type": "string", "format": "date"}),
                        parameter("to", "Last day, inclusive (YYYY-MM-DD).",
                                  {"type": "string", "format": "date"}),
                        parameter("host", "District council number (1–17).",
                                  {"type": "integer", "minimum": 1}),
                        parameter("topic", "Topic code.", {"type": "string"}),
                        parameter("format", "Event format.",
                                  {"type": "string", "enum": ["in_person", "online", "hybrid"]}),
                        parameter("language", "Language spoken or interpreted (e.g. `es`, "
                                  "`asl`).", {"type": "string"}),
                        locale_parameter(),
                        parameter("limit", "Items per page (at most 500).",
                                  {"type": "integer", "minimum": 0}),
                        parameter("offset", "Items to skip.", {"type": "integer", "minimum": 0}),
                    ],
                    "responses": {
                        **json_response("Occurrences, by start time", listing),
                        **error_responses("400"),
                    },
                }
            }
        },
        "schemas": {"EventOccurrence": occurrence},
    }
