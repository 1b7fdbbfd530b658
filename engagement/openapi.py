"""The OpenAPI description of ``/api/v2/events/`` (served in ``/api/schema/``)."""

from cms.api.openapi import (
    error_responses,
    json_response,
    listing_response,
    locale_parameter,
    parameter,
)


def openapi_description():
    """The events endpoint and its item schema, for the ``openapi_paths`` hook."""
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
                    "The window is at most 366 days; it defaults to 31 days from today.",
                    "operationId": "listEventOccurrences",
                    "tags": ["events"],
                    "parameters": [
                        parameter(
                            "from",
                            "First day (YYYY-MM-DD, city time); default today.",
                            {"type": "string", "format": "date"},
                        ),
                        parameter(
                            "to",
                            "Last day, inclusive (YYYY-MM-DD).",
                            {"type": "string", "format": "date"},
                        ),
                        parameter(
                            "host",
                            "District council number (1–17).",
                            {"type": "integer", "minimum": 1},
                        ),
                        parameter("topic", "Topic code.", {"type": "string"}),
                        parameter(
                            "format",
                            "Event format.",
                            {"type": "string", "enum": ["in_person", "online", "hybrid"]},
                        ),
                        parameter(
                            "language",
                            "Language spoken or interpreted (e.g. `es`, `asl`).",
                            {"type": "string"},
                        ),
                        locale_parameter(),
                        parameter(
                            "limit",
                            "Items per page (at most 500).",
                            {"type": "integer", "minimum": 0, "maximum": 500},
                        ),
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
