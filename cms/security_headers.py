"""Content Security Policy by area: the strict public policy, and one the admin can run under.

Public pages load scripts and styles from files only, so their policy
(``CONTENT_SECURITY_POLICY``) allows no inline code at all. Wagtail's admin writes inline
styles, loads the page preview in a same-origin frame and shows editors' uploads, so it gets
a policy of its own (``ADMIN_CONTENT_SECURITY_POLICY``) for the paths in
``ADMIN_URL_PREFIXES`` rather than none: a view's own ``@csp`` decorators still win.
"""

from django.conf import settings

from csp.middleware import CSPMiddleware


def is_preview(request):
    """Wagtail renders a preview by running a copy of the request for the page's own URL
    through the middleware: that answer is framed by the admin, on this site only."""
    return getattr(request, "is_preview", False) or getattr(request, "is_dummy", False)


class PortalCSPMiddleware(CSPMiddleware):
    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        admin = request.path_info.startswith(tuple(settings.ADMIN_URL_PREFIXES))
        if not report_only and parts.config is None and (admin or is_preview(request)):
            parts.config = settings.ADMIN_CONTENT_SECURITY_POLICY["DIRECTIVES"]
        return parts

    def process_response(self, request, response):
        if is_preview(request):
            # Before XFrameOptionsMiddleware, which keeps a header already set.
            response.headers.setdefault("X-Frame-Options", "SAMEORIGIN")
        return super().process_response(request, response)
