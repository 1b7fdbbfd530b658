"""Sign-in lockout (django-axes): failures are counted per username and client address.

Every sign-in that calls ``authenticate(request, ...)`` is covered: the Wagtail admin and
the front-end sign-in. Wagtail's page-password form checks a shared password without
``authenticate``; ``password_form_guard`` reports its failures to axes under the
restriction's id, so a page password is locked per restriction and client the same way.
Counts live in the cache (``AXES_HANDLER``), so no address is written to the database.
"""

import math
from functools import wraps

from django.conf import settings
from django.contrib.auth.signals import user_login_failed
from django.template.response import TemplateResponse

from axes.backends import AxesStandaloneBackend
from axes.handlers.proxy import AxesProxyHandler


class LockoutBackend(AxesStandaloneBackend):
    """Axes' backend, except for calls without a request (the test client's ``login``,
    management commands): no client to count, so they pass on to the next backend.
    Every web sign-in passes the request."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)


def lockout_response(request, original_response=None, credentials=None):
    """429 page in the visitor's language, with ``Retry-After`` (the cool-off)."""
    response = TemplateResponse(request, "lockout.html", {}, status=429)
    response.render()
    response["Retry-After"] = str(math.ceil(settings.AXES_COOLOFF_TIME.total_seconds()))
    return response


def password_form_guard(view):
    """Wrap Wagtail's ``authenticate_with_password`` view with the lockout.

    Wagtail redirects after a right password and shows the form again after a wrong one.
    """

    @wraps(view)
    def wrapper(request, page_view_restriction_id, page_id):
        if request.method != "POST":
            return view(request, page_view_restriction_id, page_id)
        name = f"page-password-{page_view_restriction_id}"
        credentials = {settings.AXES_USERNAME_FORM_FIELD: name}
        if not AxesProxyHandler.is_allowed(request, credentials):
            return lockout_response(request, credentials=credentials)
        response = view(request, page_view_restriction_id, page_id)
        if response.status_code == 200:  # the form again: a wrong password
            user_login_failed.send(sender=__name__, credentials=credentials, request=request)
        return response

    return wrapper
