"""Language middleware that leaves non-page URLs alone, and conditional requests."""

from django.middleware.http import ConditionalGetMiddleware
from django.middleware.locale import LocaleMiddleware
from django.utils.cache import patch_vary_headers

# Paths outside the language prefixes: a 404 there is final, not a hint to add /en/.
UNPREFIXED_PATHS = ("/api/", "/admin/", "/documents/", "/static/", "/media/", "/i18n/")
API_PATH = "/api/"


class PortalLocaleMiddleware(LocaleMiddleware):
    def process_response(self, request, response):
        if request.path_info.startswith(UNPREFIXED_PATHS):
            return response
        return super().process_response(request, response)


class PortalConditionalGetMiddleware(ConditionalGetMiddleware):
    """``ETag`` on every answer (API, pages, Atom and iCalendar feeds) and ``304 Not
    Modified`` when it or ``Last-Modified`` still matches.

    API answers are translated by ``Accept-Language``, so they say ``Vary:
    Accept-Language`` and a cache keeps one copy per language. Placed after
    ``CorsMiddleware`` so a 304 still carries the CORS headers.
    """

    def process_response(self, request, response):
        if request.path_info.startswith(API_PATH):
            patch_vary_headers(response, ["Accept-Language"])
        return super().process_response(request, response)
