"""Language middleware that leaves non-page URLs alone."""

from django.middleware.locale import LocaleMiddleware

# Paths outside the language prefixes: a 404 there is final, not a hint to add /en/.
UNPREFIXED_PATHS = ("/api/", "/admin/", "/documents/", "/static/", "/media/", "/i18n/")


class PortalLocaleMiddleware(LocaleMiddleware):
    def process_response(self, request, response):
        if request.path_info.startswith(UNPREFIXED_PATHS):
            return response
        return super().process_response(request, response)
