"""Page serving with language fallback, and error pages in the visitor's language."""

import sys

from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.http import Http404, HttpResponse, HttpResponseServerError, JsonResponse
from django.template import loader
from django.template.response import TemplateResponse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.csrf import requires_csrf_token

from wagtail import hooks
from wagtail.models import Page, Site
from wagtail.views import serve_chain

from cms.api.errors import not_found_response


def _fallback_locales():
    """Other languages to look in when a page is missing: the default language first."""
    default = settings.LANGUAGE_CODE
    active = get_language()
    codes = [default] + [code for code, _name in settings.LANGUAGES if code != default]
    return [code for code in codes if code != active]


def route_in_other_locales(request, path):
    """Route ``path`` through the other languages' trees.

    A page may exist only in the language it was written in (a council update
    written in Hmong, say). Rather than a 404, the visitor gets that page with
    a notice that it is not yet in their language.
    """
    site = Site.find_for_request(request)
    if site is None:
        return None
    components = [component for component in path.split("/") if component]
    roots = {
        page.locale.language_code: page
        for page in Page.objects.filter(translation_key=site.root_page.translation_key)
        .live()
        .select_related("locale")
    }
    for code in _fallback_locales():
        root = roots.get(code)
        if root is None:
            continue
        try:
            return root.specific.route(request, components)
        except Http404:
            continue
    return None


def serve_with_language_fallback(request, path):
    """Wagtail's ``serve`` view, falling back to other languages before a 404."""
    route = Page.route_for_request(request, path)
    if route is None:
        route = route_in_other_locales(request, path)
        if route is None:
            raise Http404
        request._wagtail_route_for_request = route
    page, args, kwargs = route

    # The same hook chain as wagtail.views.serve: view restrictions, method checks.
    on_serve_chain = serve_chain
    for fn in reversed(hooks.get_hooks("on_serve_page")):
        on_serve_chain = fn(on_serve_chain)
    for fn in hooks.get_hooks("before_serve_page"):
        result = fn(page, request, args, kwargs)
        if isinstance(result, HttpResponse):
            return result
    return on_serve_chain(page, request, args, kwargs)


def robots_txt(request):
    """Crawlers may read every public page; the admin is off limits; the sitemap is named."""
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /_util/",
        "Allow: /",
        "",
        f"Sitemap: {request.build_absolute_uri('/sitemap.xml')}",
        "",
    ]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")


def page_not_found(request, exception=None):
    if request.path.startswith("/api/"):
        return not_found_response(request)
    return TemplateResponse(request, "404.html", {"request_path": request.path}, status=404)


# Raised while the database is unreachable (restarting, failing over): a passing state.
DATABASE_UNAVAILABLE = (OperationalError, InterfaceError)
RETRY_AFTER_SECONDS = 10


@requires_csrf_token
def server_error(request):
    """Rendered without touching the database, which may be what failed.

    An unreachable database is a 503 with ``Retry-After`` rather than a 500: visitors,
    front ends and proxies try again, and the next request opens a fresh connection
    (``conn_health_checks``), so the site recovers by itself.
    """
    unavailable = isinstance(sys.exc_info()[1], DATABASE_UNAVAILABLE)
    if request.path.startswith("/api/"):
        message = _("The site had a problem showing this page. Please try again in a few minutes.")
        response = JsonResponse({"message": message}, status=500)
    else:
        template = loader.get_template("500.html")
        response = HttpResponseServerError(template.render({"LANGUAGE_CODE": get_language()}))
    if unavailable:
        response.status_code = 503
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response


def csrf_failure(request, reason=""):
    """A form sent without a valid CSRF token (cookies blocked, or a form left open for long):
    403 in the visitor's language with what to do, not Django's page for developers."""
    return TemplateResponse(request, "403_csrf.html", status=403)
