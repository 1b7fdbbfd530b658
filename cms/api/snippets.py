"""Translatable snippets as API endpoints, in a few lines per snippet.

Any ``TranslatableMixin`` model is served the way pages are: in the language asked for
(``?locale=``, else the caller's language), each object falling back to its version in the
default language when it has no translation yet. An app exposes one with::

    GLOSSARY = SnippetEndpoint("glossary", GlossaryTerm, ["term", "definition"], "Glossary")
    hooks.register("register_api_endpoints", GLOSSARY.register)
    hooks.register("openapi_paths", GLOSSARY.openapi)
"""

from django.core.exceptions import FieldDoesNotExist
from django.http import Http404
from django.urls import path
from django.utils import translation

from wagtail.fields import RichTextField
from wagtail.models import Locale
from wagtail.rich_text import expand_db_html

from rest_framework.response import Response

from cms.api import openapi
from cms.api.listing import PortalAPIViewSet, listing_response
from cms.api.params import locale_code, reject_unknown


def requested_language(request):
    """``?locale=`` if given (refused when unknown), else the caller's language."""
    return locale_code(request.GET, default=translation.get_language())


def field_value(obj, name):
    """A field as a front end wants it: rich text with links resolved, StreamField as JSON."""
    value = getattr(obj, name)
    try:
        model_field = obj._meta.get_field(name)
    except FieldDoesNotExist:  # a property, not a model field
        model_field = None
    if isinstance(model_field, RichTextField):
        return expand_db_html(value) if value else ""
    if hasattr(value, "stream_block"):
        return value.stream_block.get_api_representation(value)
    return value


def in_language(queryset, language):
    """One object per translation key: in ``language``, else in the default language."""
    codes = [language, Locale.get_default().language_code]
    chosen = {}
    for obj in queryset.filter(locale__language_code__in=codes).select_related("locale"):
        current = chosen.get(obj.translation_key)
        if current is None or obj.locale.language_code == language:
            chosen[obj.translation_key] = obj
    return list(chosen.values())


def translation_for(obj, language, objects=None):
    """``obj`` in ``language``, else in the default language, else ``obj`` itself; looked
    for among ``objects`` (all of the model's by default)."""
    objects = type(obj).objects.all() if objects is None else objects
    found = in_language(objects.filter(translation_key=obj.translation_key), language)
    return found[0] if found else obj


class TranslatableSnippetViewSet(PortalAPIViewSet):
    """A listing and a detail of one translatable snippet model (set by ``SnippetEndpoint``)."""

    fields = ()
    ordering = ()
    visible = None  # optional ``visible(user, queryset)``: what the caller may see
    related = ()  # relations every item shows (``select_related``)
    known_query_parameters = frozenset(["locale", "limit", "offset"])

    def serialize(self, obj):
        data = {"id": obj.pk, "locale": obj.locale.language_code}
        data.update({name: field_value(obj, attribute) for name, attribute in self.fields})
        return data

    def objects_for(self, request):
        objects = self.model.objects.select_related(*self.related)
        return self.visible(request.user, objects) if self.visible else objects

    def listing_view(self, request):
        self.check_parameters(request)
        language = requested_language(request)
        offset, limit = self.page_bounds(request)
        objects = in_language(self.objects_for(request).order_by(*self.ordering), language)
        if self.ordering:
            keys = [name.lstrip("-") for name in self.ordering]
            objects.sort(key=lambda obj: [str(getattr(obj, key)).casefold() for key in keys])
        with translation.override(language):
            items = [self.serialize(obj) for obj in objects[offset : offset + limit]]
        return listing_response(items, len(objects), locale=language)

    def detail_view(self, request, pk):
        reject_unknown(request.GET, ["locale"])
        language = requested_language(request)
        objects = self.objects_for(request)
        obj = objects.select_related("locale").filter(pk=pk).first()
        if obj is None:
            raise Http404
        obj = translation_for(obj, language, objects)
        with translation.override(language):
            return Response(self.serialize(obj))

    @classmethod
    def get_urlpatterns(cls):
        return [
            path("", cls.as_view({"get": "listing_view"}), name="listing"),
            path("<int:pk>/", cls.as_view({"get": "detail_view"}), name="detail"),
        ]


class SnippetEndpoint:
    """Everything one translatable snippet needs to be served: its viewset and its OpenAPI.

    ``fields`` names the model fields to serve (or ``(api_name, attribute)`` pairs);
    ``schemas`` optionally gives the OpenAPI schema of a field (plain strings otherwise);
    ``visible(user, queryset)`` narrows what a caller may see.
    """

    def __init__(
        self, name, model, fields, summary, schemas=None, ordering=None, visible=None, related=()
    ):
        self.name = name
        self.model = model
        self.fields = tuple(
            (field, field) if isinstance(field, str) else tuple(field) for field in fields
        )
        self.visible = visible
        self.related = tuple(related)
        self.summary = summary
        self.schemas = schemas or {}
        self.ordering = tuple(ordering if ordering is not None else model._meta.ordering)
        self.schema_name = model.__name__

    def viewset(self):
        return type(
            f"{self.model.__name__}APIViewSet",
            (TranslatableSnippetViewSet,),
            {
                "model": self.model,
                "fields": self.fields,
                "ordering": self.ordering,
                "visible": staticmethod(self.visible) if self.visible else None,
                "related": self.related,
            },
        )

    def register(self, router):
        router.register_endpoint(self.name, self.viewset())

    def openapi(self):
        properties = {
            "id": {"type": "integer"},
            "locale": {"type": "string", "description": "Language of this object."},
        }
        for name, _attribute in self.fields:
            properties[name] = self.schemas.get(name, {"type": "string"})
        base = f"/api/v2/{self.name}/"
        listing = {
            "get": {
                "summary": self.summary,
                "description": "In the language asked for (`locale`, else Accept-Language); "
                "an object not yet translated comes in the default language.",
                "operationId": f"list{self.schema_name}",
                "tags": ["snippets"],
                "parameters": [
                    openapi.locale_parameter(),
                    *openapi.limit_offset_parameters(TranslatableSnippetViewSet.max_limit),
                ],
                "responses": {
                    **openapi.json_response(
                        self.summary, openapi.listing_response(self.schema_name)
                    ),
                    **openapi.error_responses("400"),
                },
            }
        }
        detail = openapi.detail_operation(
            f"One {self.model._meta.verbose_name}, in the language asked for",
            f"get{self.schema_name}",
            "snippets",
            "Id of the object in any language.",
            self.schema_name,
            str(self.model._meta.verbose_name),
            errors=("400", "404"),
        )
        detail["get"]["parameters"].append(openapi.locale_parameter())
        schema = {"type": "object", "required": ["id", "locale"], "properties": properties}
        return {
            "paths": {base: listing, f"{base}{{id}}/": detail},
            "schemas": {self.schema_name: schema},
        }
