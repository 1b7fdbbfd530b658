"""``/api/schema/``: the OpenAPI 3 description of the core endpoints and of every app's.

Apps describe their own endpoints through the ``openapi_paths`` hook, which returns
``{"paths": {...}, "schemas": {...}}`` built with ``cms.api.openapi``.
"""

from django.conf import settings
from django.http import JsonResponse

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, get_page_models

from cms.api.errors import json_get_only
from cms.api.openapi import (
    detail_operation,
    error_responses,
    json_response,
    listing_parameters,
    listing_response,
    locale_parameter,
    parameter,
    whole_number_schema,
)
from cms.api.pages import (
    PortalDocumentsAPIViewSet,
    PortalImagesAPIViewSet,
    PortalPagesAPIViewSet,
    page_api_filters,
)
from cms.api.site_schema import site_paths, site_schemas
from cms.hooks import OPENAPI_PATHS, collect


def page_types():
    return sorted(f"{model._meta.app_label}.{model.__name__}" for model in get_page_models())


def core_paths():
    return {
        "/api/v2/pages/": {
            "get": {
                "summary": "List published, public pages",
                "operationId": "listPages",
                "tags": ["pages"],
                "parameters": listing_parameters(PortalPagesAPIViewSet, Page)
                + [
                    locale_parameter(),
                    parameter(
                        "type",
                        "Page type as `app_label.ModelName`, e.g. `cms.ContentPage`.",
                        {"type": "string", "enum": page_types()},
                    ),
                    parameter("child_of", "Only children of this page id.", whole_number_schema()),
                    parameter(
                        "descendant_of", "Only descendants of this page id.", whole_number_schema()
                    ),
                    parameter(
                        "ancestor_of", "Only ancestors of this page id.", whole_number_schema()
                    ),
                    parameter(
                        "translation_of",
                        "Only translations of this page id.",
                        whole_number_schema(),
                    ),
                ]
                # Parameters that apps' filters add (the page_api_filters hook).
                + [
                    backend.openapi_parameter()
                    for backend in page_api_filters()
                    if hasattr(backend, "openapi_parameter")
                ],
                "responses": {
                    **json_response("Pages", listing_response("PageSummary")),
                    **error_responses("400", "404"),
                },
            }
        },
        "/api/v2/pages/{id}/": detail_operation(
            "One page with all its fields, StreamField content and translations",
            "getPage",
            "pages",
            "Page id.",
            "PageDetail",
            "The page",
            errors=("400", "404"),
        )
        | {
            "parameters": [
                locale_parameter(
                    "The visitor's language, when it differs from the page's (a front end that "
                    "fell back to another language's page): the translation notice and links "
                    "follow it. Does not filter."
                )
            ]
        },
        "/api/v2/pages/find/": {
            "get": {
                "summary": "Find a page by its public path",
                "operationId": "findPage",
                "tags": ["pages"],
                "parameters": [
                    parameter(
                        "html_path",
                        "Path of the page, e.g. `/es/about/`.",
                        {"type": "string"},
                        required=True,
                    )
                ],
                "responses": {
                    "302": {"description": "Redirect to the page's detail URL."},
                    **error_responses("404"),
                },
            }
        },
        "/api/v2/images/": {
            "get": {
                "summary": "List images",
                "operationId": "listImages",
                "tags": ["media"],
                "parameters": listing_parameters(PortalImagesAPIViewSet, get_image_model()),
                "responses": {
                    **json_response("Images", listing_response("Image")),
                    **error_responses("400"),
                },
            }
        },
        "/api/v2/images/{id}/": detail_operation(
            "One image", "getImage", "media", "Image id.", "Image", "The image"
        ),
        "/api/v2/documents/": {
            "get": {
                "summary": "List documents",
                "operationId": "listDocuments",
                "tags": ["media"],
                "parameters": listing_parameters(PortalDocumentsAPIViewSet, get_document_model()),
                "responses": {
                    **json_response("Documents", listing_response("Document")),
                    **error_responses("400"),
                },
            }
        },
        "/api/v2/documents/{id}/": detail_operation(
            "One document", "getDocument", "media", "Document id.", "Document", "The document"
        ),
        "/api/v2/preview/": {
            "get": {
                "summary": "A draft page, for a front end showing a preview",
                "description": "The token comes from the editor's 'Front-end preview link' "
                "and expires (HEADLESS_PREVIEW_MAX_AGE seconds).",
                "operationId": "previewPage",
                "tags": ["pages"],
                "parameters": [
                    parameter(
                        "token",
                        "Signed preview token.",
                        {"type": "string", "minLength": 1},
                        required=True,
                    )
                ],
                "responses": {
                    **json_response("The draft page", {"$ref": "#/components/schemas/PageDetail"}),
                    **error_responses("400", "403", "404", "410"),
                },
            }
        },
    }


def core_schemas():
    meta = {
        "type": "object",
        "properties": {
            "type": {"type": "string", "example": "cms.ContentPage"},
            "detail_url": {"type": "string", "format": "uri"},
            "html_url": {"type": "string", "format": "uri", "nullable": True},
            "slug": {"type": "string"},
            "first_published_at": {"type": "string", "format": "date-time", "nullable": True},
            "locale": {"type": "string"},
        },
    }
    return {
        "Error": {
            "type": "object",
            "required": ["message"],
            "properties": {"message": {"type": "string"}},
        },
        "Translation": {
            "type": "object",
            "required": ["locale", "id", "url", "translated"],
            "properties": {
                "locale": {"type": "string"},
                "id": {"type": "integer"},
                "url": {"type": "string", "format": "uri", "nullable": True},
                "translated": {
                    "type": "boolean",
                    "description": "False while the language shows the source page's content.",
                },
            },
        },
        "StreamBlock": {
            "type": "object",
            "required": ["type", "value", "id"],
            "properties": {
                "type": {
                    "type": "string",
                    "enum": [
                        "heading",
                        "paragraph",
                        "callout",
                        "accordion",
                        "image",
                        "document",
                        "contact",
                        "call_to_action",
                        "table",
                        "task",
                    ],
                },
                "value": {
                    "description": "Block content; rich text is HTML with links "
                    "resolved to URLs, links are {text, url, page}."
                },
                "id": {"type": "string"},
            },
        },
        "PageSummary": {
            "type": "object",
            "required": ["id", "meta", "title"],
            "properties": {
                "id": {"type": "integer"},
                "meta": meta,
                "title": {"type": "string"},
                "content_language": {
                    "type": "string",
                    "description": "Language of the title and text (differs from meta.locale "
                    "on untranslated pages).",
                },
            },
        },
        "PageDetail": {
            "type": "object",
            "required": ["id", "meta", "title"],
            "properties": {
                "id": {"type": "integer"},
                "meta": meta,
                "title": {"type": "string"},
                "intro": {"type": "string"},
                "body": {"type": "array", "items": {"$ref": "#/components/schemas/StreamBlock"}},
                "last_reviewed": {"type": "string", "format": "date", "nullable": True},
                "content_language": {
                    "type": "string",
                    "description": "Language of the content shown (differs from meta.locale on "
                    "untranslated pages).",
                },
                "translations": {
                    "type": "array",
                    "items": {"$ref": "#/components/schemas/Translation"},
                },
                "last_published_at": {"type": "string", "format": "date-time", "nullable": True},
                "translation_notice": {
                    "type": "object",
                    "description": "Detail only. Whether the HTML shows its 'not yet "
                    "translated' notice, and the notice in the visitor's language.",
                    "required": ["shown", "text"],
                    "properties": {
                        "shown": {"type": "boolean"},
                        "text": {"type": "string", "nullable": True},
                    },
                },
                "translation_method": {
                    "type": "object",
                    "nullable": True,
                    "description": "Detail only. How this language version was made and "
                    "when, as the page footer says; null for pages written in the default "
                    "language.",
                    "required": ["method", "label", "dated"],
                    "properties": {
                        "method": {"type": "string", "enum": ["machine", "reviewed", "original"]},
                        "label": {"type": "string"},
                        "dated": {"type": "string", "format": "date"},
                    },
                },
                "breadcrumbs": {
                    "type": "array",
                    "description": "Detail only. The HTML trail: ancestors below the home "
                    "page, in the page's language (the page itself follows).",
                    "items": {
                        "type": "object",
                        "properties": {
                            "id": {"type": "integer"},
                            "title": {"type": "string"},
                            "url": {"type": "string", "format": "uri"},
                            "content_language": {
                                "type": "string",
                                "description": "Language of the title (the source's on an "
                                "untranslated page).",
                            },
                        },
                    },
                },
                "hreflang": {
                    "type": "array",
                    "description": "Detail only. The HTML head's alternates: real "
                    "translations and x-default.",
                    "items": {
                        "type": "object",
                        "properties": {
                            "hreflang": {"type": "string"},
                            "url": {"type": "string", "format": "uri"},
                        },
                    },
                },
                "seo": {
                    "type": "object",
                    "description": "Detail only. Title, description and canonical URL of "
                    "the HTML head.",
                    "properties": {
                        "title": {"type": "string"},
                        "description": {"type": "string"},
                        "document_title": {"type": "string"},
                        "canonical_url": {"type": "string", "format": "uri"},
                    },
                },
            },
            "additionalProperties": True,
        },
        "Image": {
            "type": "object",
            "properties": {
                "id": {"type": "integer"},
                "title": {"type": "string"},
                "width": {"type": "integer"},
                "height": {"type": "integer"},
            },
        },
        "Document": {
            "type": "object",
            "properties": {
                "id": {"type": "integer"},
                "title": {"type": "string"},
                "meta": {
                    "type": "object",
                    "properties": {"download_url": {"type": "string", "format": "uri"}},
                },
            },
        },
    }


def build_schema():
    paths = core_paths() | site_paths()
    schemas = core_schemas() | site_schemas()
    for extra in collect(OPENAPI_PATHS):
        paths.update(extra.get("paths", {}))
        schemas.update(extra.get("schemas", {}))
    return {
        "openapi": "3.0.3",
        "info": {
            "title": "Community Portal API",
            "version": "2.0.0",
            "description": "Read-only JSON API for the city's front ends: pages in every "
            "language, media, and the portal's civic content. Errors carry a `message` "
            "in the caller's language (Accept-Language).",
        },
        "servers": [{"url": settings.WAGTAILAPI_BASE_URL}],
        "paths": paths,
        "components": {"schemas": schemas},
    }


@json_get_only
def openapi_schema_view(request):
    return JsonResponse(build_schema(), json_dumps_params={"ensure_ascii": False})
