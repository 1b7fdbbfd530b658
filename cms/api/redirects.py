"""``/api/v2/redirects/``: Wagtail's redirects, so a front end can honour them.

Editors manage redirects in the admin (Settings → Redirects); the HTML site follows them
through Wagtail's middleware, and a front end reads the same list here.
"""

from django.urls import path

from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page

from cms.api.listing import PortalAPIViewSet, listing_response
from cms.api.params import locale_code
from cms.visibility import hidden_pages_q


def target_url(redirect):
    """Where the redirect leads, from the joined page (no query per redirect)."""
    if redirect.redirect_page_id:
        url = redirect.redirect_page.url
        if redirect.redirect_page_route_path and url:
            url = url.rstrip("/") + redirect.redirect_page_route_path
        return url
    return redirect.redirect_link or None


def redirect_data(redirect):
    return {
        "id": redirect.pk,
        "old_path": redirect.old_path,
        "site": redirect.site.hostname if redirect.site_id else None,
        "is_permanent": redirect.is_permanent,
        "status": 301 if redirect.is_permanent else 302,
        "redirect_to": target_url(redirect),
        "redirect_page": redirect.redirect_page_id,
    }


class RedirectsAPIViewSet(PortalAPIViewSet):
    """Every redirect, or the one for ``?old_path=`` (normalised as the middleware does)."""

    model = Redirect
    known_query_parameters = frozenset(["old_path", "locale", "limit", "offset"])
    max_limit = 500
    default_limit = 100

    def listing_view(self, request):
        self.check_parameters(request)
        locale_code(request.GET)  # accepted like everywhere, for the language of errors
        offset, limit = self.page_bounds(request)
        redirects = Redirect.objects.select_related("site", "redirect_page").order_by(
            "old_path", "pk"
        )
        if old_path := request.GET.get("old_path"):
            redirects = redirects.filter(old_path=Redirect.normalise_path(old_path))
        # A redirect into a private section would tell the public where it is.
        if hidden := hidden_pages_q(None):
            private = Page.objects.filter(hidden).values("pk")
            redirects = redirects.exclude(redirect_page__in=private)
        total = redirects.count()
        items = [redirect_data(redirect) for redirect in redirects[offset : offset + limit]]
        return listing_response(items, total)

    @classmethod
    def get_urlpatterns(cls):
        return [path("", cls.as_view({"get": "listing_view"}), name="listing")]
