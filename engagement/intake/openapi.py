"""The OpenAPI description of ``/api/v2/service-topics/`` and ``/api/v2/service-requests/``."""

from cms.api.openapi import (
    error_responses,
    json_response,
    limit_offset_parameters,
    listing_response,
    locale_parameter,
    parameter,
)
from engagement.intake.api import ServiceTopicsAPIViewSet
from engagement.intake.choices import HandledBy, ServiceCategory

STRING = {"type": "string"}


def _topic_schema():
    return {
        "type": "object",
        "required": ["id", "title", "category", "description", "handled_by", "intake"],
        "properties": {
            "id": {"type": "integer"},
            "title": STRING,
            "html_url": {"type": "string", "format": "uri", "nullable": True},
            "detail_url": {"type": "string", "format": "uri"},
            "content_language": {
                "type": "string",
                "description": "Language of the text (English while not yet translated).",
            },
            "category": {"type": "string", "enum": list(ServiceCategory.values)},
            "category_label": STRING,
            "description": STRING,
            "synonyms": {"type": "array", "items": STRING},
            "handled_by": {
                "type": "string",
                "enum": list(HandledBy.values),
                "description": "`agency` or `emergency`: the city does not take this request; "
                "say so and give the other door.",
            },
            "handled_by_name": STRING,
            "intake": {
                "type": "object",
                "description": "Ways to make the request; at least one is given. Phone, email"
                " and walk-in come from the topic's contact point in the directory when it has"
                " one (`/api/v2/contacts/`), so they change when the directory does.",
                "properties": {
                    "url": STRING,
                    "phone": STRING,
                    "email": STRING,
                    "walk_in": STRING,
                },
            },
            "contact_point": {
                "type": "integer",
                "nullable": True,
                "description": "The directory's contact point behind `intake`, if any.",
            },
            "what_to_have_ready": STRING,
            "what_happens_next": STRING,
            "explainer": {
                "type": "object",
                "nullable": True,
                "properties": {
                    "id": {"type": "integer"},
                    "title": STRING,
                    "html_url": {"type": "string", "format": "uri", "nullable": True},
                },
            },
            "response_time": STRING,
            "department": STRING,
            "staff_languages": {"type": "array", "items": STRING},
            "phone_interpreter": {"type": "boolean"},
            "service_code": {"type": "string", "description": "Open311 service code, if any."},
        },
    }


def _type_count_schema():
    return {
        "type": "object",
        "properties": {
            "type": {
                "type": "string",
                "nullable": True,
                "description": "As the open dataset names it (English); null for every "
                "other type together.",
            },
            "district_count": {"type": "integer"},
            "district_share": {"type": "number", "description": "Percent of the district's."},
            "city_count": {"type": "integer"},
            "city_share": {"type": "number", "description": "Percent of the city's."},
        },
    }


def openapi_description():
    requests_listing = listing_response("ServiceRequestTypeCount")
    requests_listing["properties"]["meta"]["properties"].update(
        {
            "district": {"type": "integer"},
            "from": {"type": "string", "format": "date"},
            "to": {"type": "string", "format": "date"},
            "district_total": {"type": "integer"},
            "city_total": {"type": "integer"},
        }
    )
    return {
        "paths": {
            "/api/v2/service-topics/": {
                "get": {
                    "summary": "Service topics: what residents ask the city for and how",
                    "description": "Topics of one language, by title (untranslated ones in "
                    "English, with `content_language`). Each gives the ways to make the "
                    "request. Topic pages are also in `/api/v2/pages/` "
                    "(`type=engagement.ServiceTopicPage`).",
                    "operationId": "listServiceTopics",
                    "tags": ["services"],
                    "parameters": [
                        locale_parameter(),
                        parameter(
                            "category",
                            "Only this category.",
                            {"type": "string", "enum": list(ServiceCategory.values)},
                        ),
                        *limit_offset_parameters(ServiceTopicsAPIViewSet.max_limit),
                    ],
                    "responses": {
                        **json_response("Service topics", listing_response("ServiceTopic")),
                        **error_responses("400"),
                    },
                }
            },
            "/api/v2/service-requests/": {
                "get": {
                    "summary": "A district's service requests of the last 90 days, by type",
                    "description": "From the city's Resident Service Requests open data: "
                    "counts and shares by type for the district and for the whole city, the "
                    "largest types first, the rest together.",
                    "operationId": "districtServiceRequests",
                    "tags": ["services"],
                    "parameters": [
                        parameter(
                            "district",
                            "District council number.",
                            {"type": "integer", "minimum": 1, "maximum": 99},
                            required=True,
                        )
                    ],
                    "responses": {
                        **json_response("Counts by type", requests_listing),
                        **error_responses("400"),
                    },
                }
            },
        },
        "schemas": {
            "ServiceTopic": _topic_schema(),
            "ServiceRequestTypeCount": _type_count_schema(),
        },
    }
