"""Content Security Policy by area: the strict public policy, and one the admin can run under.

Public pages load scripts and styles from files only, so their policy
(``CONTENT_SECURITY_POLICY``) allows no inline code at all. Wagtail's admin writes inline
styles, loads the page preview in a same-origin frame and shows editors' uploads, so it gets
a policy of its own (``ADMIN_CONTENT_SECURITY_POLICY``) for the paths in
``ADMIN_URL_PREFIXES`` rather than none: a view's own ``@csp`` decorators still win.
"""

from django.conf import settings

from csp.middleware import CSPMiddleware


class PortalCSPMiddleware(CSPMiddleware):
    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if (
            not report_only
            and parts.config is None
            and request.path_info.startswith(tuple(settings.ADMIN_URL_PREFIXES))
        ):
            parts.config = settings.ADMIN_CONTENT_SECURITY_POLICY["DIRECTIVES"]
        return parts
