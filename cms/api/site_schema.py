"""OpenAPI description of the site-wide endpoints: navigation, footer, site settings,
contacts, redirects and interface strings."""

from django.conf import settings

from cms.api.contacts import CONTACTS, DEPARTMENTS
from cms.api.openapi import (
    error_responses,
    json_response,
    limit_offset_parameters,
    locale_parameter,
    parameter,
)
from cms.api.redirects import RedirectsAPIViewSet

LINK = {
    "type": "object",
    "required": ["type", "value", "id"],
    "properties": {
        "type": {"type": "string", "enum": ["link"]},
        "id": {"type": "string"},
        "value": {
            "type": "object",
            "properties": {
                "text": {"type": "string"},
                "url": {
                    "type": "string",
                    "description": "Path of the page in the language asked for, or an "
                    "external URL.",
                },
                "page": {"type": "integer", "nullable": True},
            },
        },
    },
}


def _single(summary, operation_id, schema, parameters=None):
    return {
        "get": {
            "summary": summary,
            "operationId": operation_id,
            "tags": ["site"],
            "parameters": parameters if parameters is not None else [locale_parameter()],
            "responses": {
                **json_response(summary, {"$ref": f"#/components/schemas/{schema}"}),
                **error_responses("400"),
            },
        }
    }


def site_paths():
    paths = {
        "/api/v2/site-settings/": _single(
            "City name, logo, service-request intake and the site's languages",
            "getSiteSettings",
            "SiteSettings",
        ),
        "/api/v2/navigation/": _single(
            "The main navigation in the language asked for, else the default language",
            "getNavigation",
            "Navigation",
        ),
        "/api/v2/footer/": _single(
            "The footer in the language asked for, else the default language",
            "getFooter",
            "Footer",
        ),
        "/api/v2/redirects/": {
            "get": {
                "summary": "Redirects from old paths, for a front end to honour",
                "operationId": "listRedirects",
                "tags": ["site"],
                "parameters": [
                    parameter("old_path", "Only the redirect of this path.", {"type": "string"}),
                    *limit_offset_parameters(RedirectsAPIViewSet.max_limit),
                    locale_parameter(),
                ],
                "responses": {
                    **json_response(
                        "Redirects",
                        {
                            "type": "object",
                            "properties": {
                                "meta": {"type": "object"},
                                "items": {
                                    "type": "array",
                                    "items": {"$ref": "#/components/schemas/Redirect"},
                                },
                            },
                        },
                    ),
                    **error_responses("400"),
                },
            }
        },
        "/api/v2/i18n/{language}/": {
            "get": {
                "summary": "Interface strings of one language (gettext catalogue as JSON)",
                "description": "Labels, notices, month names and error messages, from the "
                "same catalogues as the HTML site (Django's JSONCatalog).",
                "operationId": "getInterfaceStrings",
                "tags": ["site"],
                "parameters": [
                    parameter(
                        "language",
                        "Language code.",
                        {"type": "string", "enum": [code for code, _name in settings.LANGUAGES]},
                        required=True,
                        location="path",
                    )
                ],
                "responses": {
                    **json_response(
                        "The catalogue", {"$ref": "#/components/schemas/InterfaceStrings"}
                    ),
                    **error_responses("400", "404"),
                },
            }
        },
    }
    paths.update(CONTACTS.openapi()["paths"])
    paths.update(DEPARTMENTS.openapi()["paths"])
    return paths


def site_schemas():
    return {
        **CONTACTS.openapi()["schemas"],
        **DEPARTMENTS.openapi()["schemas"],
        "SiteSettings": {
            "type": "object",
            "required": ["city_name", "languages", "default_language"],
            "properties": {
                "city_name": {"type": "string"},
                "logo": {
                    "type": "object",
                    "nullable": True,
                    "properties": {
                        "id": {"type": "integer"},
                        "url": {"type": "string", "format": "uri"},
                        "width": {"type": "integer"},
                        "height": {"type": "integer"},
                        "title": {"type": "string"},
                    },
                },
                "service_request_url": {"type": "string"},
                "service_request_phone": {"type": "string"},
                "service_request_hours": {"type": "string"},
                "default_language": {"type": "string"},
                "languages": {
                    "type": "array",
                    "items": {
                        "type": "object",
                        "properties": {
                            "code": {"type": "string"},
                            "name": {"type": "string"},
                            "name_local": {"type": "string"},
                            "bidi": {"type": "boolean"},
                        },
                    },
                },
            },
        },
        "Navigation": {
            "type": "object",
            "required": ["id", "locale", "items"],
            "properties": {
                "id": {"type": "integer", "nullable": True},
                "locale": {"type": "string", "nullable": True},
                "items": {"type": "array", "items": LINK},
            },
        },
        "Footer": {
            "type": "object",
            "required": ["id", "locale", "body", "links"],
            "properties": {
                "id": {"type": "integer", "nullable": True},
                "locale": {"type": "string", "nullable": True},
                "body": {"type": "string", "description": "HTML, links resolved."},
                "links": {"type": "array", "items": LINK},
            },
        },
        "Redirect": {
            "type": "object",
            "required": ["id", "old_path", "is_permanent", "status", "redirect_to"],
            "properties": {
                "id": {"type": "integer"},
                "old_path": {"type": "string"},
                "site": {"type": "string", "nullable": True},
                "is_permanent": {"type": "boolean"},
                "status": {"type": "integer", "enum": [301, 302]},
                "redirect_to": {"type": "string", "nullable": True},
                "redirect_page": {"type": "integer", "nullable": True},
            },
        },
        "InterfaceStrings": {
            "type": "object",
            "required": ["catalog", "formats", "plural"],
            "properties": {
                "catalog": {
                    "type": "object",
                    "description": "msgid → translation (a list for plural forms).",
                    "additionalProperties": True,
                },
                "formats": {"type": "object", "additionalProperties": True},
                "plural": {"type": "string", "nullable": True},
            },
        },
    }
