"""The OpenAPI description of ``/api/v2/events/`` (served in ``/api/schema/``)."""

from cms.api.openapi import (
    date_schema,
    error_responses,
    json_response,
    limit_offset_parameters,
    listing_response,
    locale_parameter,
    parameter,
    whole_number_schema,
)
from cms.api.params import MAX_WHOLE_NUMBER
from district_councils.models import DistrictCouncilPage
from engagement.api import DEFAULT_WINDOW_DAYS, MAX_LIMIT, MAX_WINDOW_DAYS
from engagement.choices import LANGUAGES, TOPICS, EventFormat


def council_numbers():
    """The district numbers ``host`` accepts: those of the live council pages."""
    numbers = DistrictCouncilPage.objects.live().values_list("district_number", flat=True)
    return sorted(set(numbers))


def openapi_description():
    """The events endpoint and its item schema, for the ``openapi_paths`` hook."""
    numbers = council_numbers()
    host_schema = {"type": "integer", "enum": numbers} if numbers else whole_number_schema(1)
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
            "start": {
                "type": "string",
                "format": "date-time",
                "description": "With the city's UTC offset, e.g. 2026-03-10T18:30:00-05:00.",
            },
            "end": {"type": "string", "format": "date-time"},
            "all_day": {"type": "boolean"},
            "original_start": {
                "type": "string",
                "format": "date-time",
                "nullable": True,
                "description": "For a repeating event: when this occurrence was due to start "
                "(the iCalendar RECURRENCE-ID).",
            },
            "status": {
                "type": "string",
                "enum": ["scheduled", "cancelled", "postponed", "rescheduled", "moved_online"],
            },
            "reason": {"type": "string"},
            "format": {"type": "string", "enum": ["in_person", "online", "hybrid"]},
            "host": {
                "type": "object",
                "properties": {
                    "name": {"type": "string"},
                    "council": {"type": "integer", "nullable": True},
                    "content_language": {
                        "type": "string",
                        "description": "Language of the host's name.",
                    },
                },
            },
            "topics": {"type": "array", "items": {"type": "string"}},
            "languages": {"type": "array", "items": {"type": "string"}},
            "place": {
                "type": "object",
                "properties": {"name": {"type": "string"}, "address": {"type": "string"}},
            },
            "online_url": {"type": "string"},
            "locale": {"type": "string"},
            "content_language": {
                "type": "string",
                "description": "Language of the event's title, summary and place (the source's "
                "on an untranslated event).",
            },
        },
    }

    listing = listing_response("EventOccurrence")
    listing["properties"]["meta"]["properties"].update(
        {
            "from": {"type": "string", "format": "date"},
            "to": {"type": "string", "format": "date"},
            "time_zone": {"type": "string"},
        }
    )
    return {
        "paths": {
            "/api/v2/events/": {
                "get": {
                    "summary": "Occurrences of events and meetings in a date window",
                    "description": "Repeating events are expanded into their occurrences. "
                    "Cancelled and changed occurrences are included with their status. "
                    f"The window runs from `from` to `to`: `to` is not before `from` and the "
                    f"window is at most {MAX_WINDOW_DAYS} days; it defaults to "
                    f"{DEFAULT_WINDOW_DAYS} days from today.",
                    "operationId": "listEventOccurrences",
                    "tags": ["events"],
                    "parameters": [
                        parameter(
                            "from",
                            "First day (YYYY-MM-DD, city time); default (or empty) today.",
                            date_schema(allow_empty=True),
                        ),
                        parameter(
                            "to",
                            "Last day, inclusive (YYYY-MM-DD); not before `from` (today when "
                            f"`from` is not given), at most {MAX_WINDOW_DAYS - 1} days after it.",
                            date_schema(),
                        ),
                        parameter(
                            "host",
                            "District council number.",
                            host_schema,
                        ),
                        parameter(
                            "topic", "Topic code.", {"type": "string", "enum": list(dict(TOPICS))}
                        ),
                        parameter(
                            "format",
                            "Event format.",
                            {"type": "string", "enum": list(EventFormat.values)},
                        ),
                        parameter(
                            "language",
                            "Language spoken or interpreted.",
                            {"type": "string", "enum": list(dict(LANGUAGES))},
                        ),
                        locale_parameter(),
                        *limit_offset_parameters(
                            MAX_WHOLE_NUMBER,
                            f"Items per page; at most {MAX_LIMIT} are given (a larger limit "
                            f"gives {MAX_LIMIT}).",
                        ),
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
