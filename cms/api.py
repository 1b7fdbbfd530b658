"""The headless JSON API (Wagtail API v2) that the city's front ends read.

Apps add their own endpoints through the ``register_api_endpoints`` hook, so
this module stays the one place the router is built.
"""

import re

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext as _

from wagtail import hooks
from wagtail.api.v2.filters import LocaleFilter
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet

from rest_framework.response import Response

# Wagtail's API answers in English only; these are its messages, in the
# caller's language (from Accept-Language or the language cookie).
_API_MESSAGES = [
    (
        re.compile(r"query parameter is not an operation or a recognised field: (?P<names>.+)"),
        lambda m: _("Unknown query parameter: %(names)s") % {"names": m["names"]},
    ),
    (
        re.compile(r"unknown fields: (?P<names>.+)"),
        lambda m: _("Unknown field: %(names)s") % {"names": m["names"]},
    ),
    (
        re.compile(
            r"(?P<name>limit|offset|child_of|ancestor_of|descendant_of)"
            r" must be a positive integer"
        ),
        lambda m: _("%(name)s must be a whole number of 0 or more.") % {"name": m["name"]},
    ),
    (
        re.compile(r"limit cannot be higher than (?P<max>\d+)"),
        lambda m: _("limit cannot be higher than %(max)s.") % {"max": m["max"]},
    ),
    (re.compile(r"type doesn't exist"), lambda m: _("Unknown page type.")),
    (
        re.compile(r"(parent|ancestor|descendant|translation_of) page doesn't exist"),
        lambda m: _("The page given in the filter does not exist."),
    ),
    (
        re.compile(r"cannot order by '(?P<name>.+)' \(unknown field\)"),
        lambda m: _("Cannot sort by “%(name)s”: there is no such field.") % {"name": m["name"]},
    ),
]


def translate_api_message(message):
    for pattern, translate in _API_MESSAGES:
        if match := pattern.fullmatch(message):
            return translate(match)
    return message


class TranslatedErrorsMixin:
    """Give the caller Wagtail's API errors in their language."""

    def handle_exception(self, exc):
        response = super().handle_exception(exc)
        if isinstance(getattr(response, "data", None), dict) and "message" in response.data:
            response.data["message"] = translate_api_message(str(response.data["message"]))
        return response


class KnownLocaleFilter(LocaleFilter):
    """``?locale=`` with a clear 400 for a language the site does not have."""

    def filter_queryset(self, request, queryset, view):
        code = request.GET.get("locale")
        if code is not None and code not in dict(settings.LANGUAGES):
            raise BadRequestError(
                _("Unknown language “%(code)s”. Use one of: %(codes)s.")
                % {"code": code, "codes": ", ".join(dict(settings.LANGUAGES))}
            )
        return super().filter_queryset(request, queryset, view)


class PortalPagesAPIViewSet(TranslatedErrorsMixin, PagesAPIViewSet):
    filter_backends = [
        KnownLocaleFilter if backend is LocaleFilter else backend
        for backend in PagesAPIViewSet.filter_backends
    ]

    def detail_view(self, request, pk):
        """Serialise in the page's own language, so its links lead within that language."""
        instance = self.get_object()
        with translation.override(instance.locale.language_code):
            return Response(self.get_serializer(instance).data)

    def listing_view(self, request):
        language = request.GET.get("locale")
        if language not in dict(settings.LANGUAGES):
            language = translation.get_language()
        with translation.override(language):
            return super().listing_view(request)


class PortalImagesAPIViewSet(TranslatedErrorsMixin, ImagesAPIViewSet):
    pass


class PortalDocumentsAPIViewSet(TranslatedErrorsMixin, DocumentsAPIViewSet):
    pass


def build_router():
    router = WagtailAPIRouter("wagtailapi")
    router.register_endpoint("pages", PortalPagesAPIViewSet)
    router.register_endpoint("images", PortalImagesAPIViewSet)
    router.register_endpoint("documents", PortalDocumentsAPIViewSet)
    for register in hooks.get_hooks("register_api_endpoints"):
        register(router)
    return router


api_router = build_router()
