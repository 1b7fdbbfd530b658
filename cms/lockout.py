"""Sign-in lockout (django-axes): failures are counted per username and client address.

Every sign-in that calls ``authenticate(request, ...)`` is covered: the Wagtail admin and
the front-end sign-in. Wagtail's page-password form checks a shared password without
``authenticate``; ``password_form_guard`` reports its failures to axes under the
restriction's id, so a page password is locked per restriction and client the same way.
Failures are counted in the database, so every process shares them; the address is
stored only as a pseudonym (``client_pseudonym``), never in clear.
"""

import hmac
import ipaddress
import math
from functools import wraps

from django.conf import settings
from django.contrib.auth.signals import user_login_failed
from django.template.response import TemplateResponse

from axes.backends import AxesStandaloneBackend
from axes.handlers.proxy import AxesProxyHandler

from cms.ratelimit import client_address


def client_pseudonym(request):
    """The client's address (as the rate limits see it) replaced by a keyed hash written
    as an IPv6 address: the same client always gets the same one, and it cannot be
    turned back into the address without the secret key."""
    digest = hmac.new(settings.SECRET_KEY.encode(), client_address(request).encode(), "sha256")
    return str(ipaddress.IPv6Address(digest.digest()[:16]))


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
