"""Per-client request limits: a 429 in the visitor's language once a client asks too often.

One mechanism for the whole site. ``RATE_LIMITS`` (settings) names each scope's limit as
``(requests, seconds)``; ``None`` switches a scope off. Requests are counted per client in
fixed windows in the Django cache (``RATE_LIMIT_CACHE``), so every process behind the same
Redis shares the counts. A client is its address (``REMOTE_ADDR``, or the last address in
``RATE_LIMIT_CLIENT_HEADER`` when a trusted proxy sets it), kept only as a keyed hash.

- ``RateLimitMiddleware`` counts every ``/api/`` request (scope ``api``) and every public
  form submission: any POST outside the admin (scope ``forms``: the page-password form,
  sign-in, and every form added later).
- ``@rate_limited("scope")`` puts one view (a function, a viewset method or a page route
  handler) under a scope of its own, e.g. ``search``; a later feature opts in with that line.
"""

import hmac
import logging
import math
import time
from functools import wraps

from django.conf import settings
from django.core.cache import caches
from django.http import JsonResponse
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

logger = logging.getLogger(__name__)

API_PATH = "/api/"
# Editors' pages: their sign-in is guarded by the login lockout instead (django-axes).
STAFF_PATHS = ("/admin/", "/django-admin/")
SAFE_METHODS = ("GET", "HEAD", "OPTIONS")


def client_address(request):
    """The client's address: ``REMOTE_ADDR``, or the last address in
    ``RATE_LIMIT_CLIENT_HEADER`` when a proxy we run sets it (the proxy appends the address
    it saw; earlier entries are the client's own say). The login lockout uses it too."""
    address = request.META.get("REMOTE_ADDR", "")
    if header := settings.RATE_LIMIT_CLIENT_HEADER:
        forwarded = [part.strip() for part in request.META.get(header, "").split(",")]
        address = next((part for part in reversed(forwarded) if part), address)
    return address


def client_key(request):
    """The client's address as a keyed hash: counted per client, never stored in clear."""
    digest = hmac.new(settings.SECRET_KEY.encode(), client_address(request).encode(), "sha256")
    return digest.hexdigest()[:32]


def retry_after(request, scope):
    """Count this request against ``scope``: the seconds to wait when it is over the limit,
    else ``None``. A cache that is down lets the request through (and logs it)."""
    limit = settings.RATE_LIMITS.get(scope)
    if not limit:
        return None
    allowed, period = limit
    now = time.time()
    key = f"ratelimit:{scope}:{client_key(request)}:{int(now // period)}"
    cache = caches[settings.RATE_LIMIT_CACHE]
    try:
        cache.add(key, 0, period + 1)
        count = cache.incr(key)
    except ValueError:  # the window's key expired between add and incr
        cache.set(key, 1, period + 1)
        count = 1
    except Exception:
        logger.warning("Rate limit cache unavailable; request let through", exc_info=True)
        return None
    if count <= allowed:
        return None
    return max(1, math.ceil(period - now % period))


def too_many_requests(request, seconds):
    """429 with ``Retry-After``: JSON ``{"message"}`` under ``/api/``, else an HTML page."""
    message = _(
        "You have sent too many requests in a short time. Please wait a minute and try again."
    )
    if request.path_info.startswith(API_PATH):
        response = JsonResponse({"message": message}, status=429)
    else:
        response = TemplateResponse(request, "429.html", {"message": message}, status=429)
        response.render()
    response["Retry-After"] = str(seconds)
    return response


def request_scope(request):
    """The scope the middleware counts a request in, or ``None``."""
    if request.path_info.startswith(API_PATH):
        return "api"
    if request.method not in SAFE_METHODS and not request.path_info.startswith(STAFF_PATHS):
        return "forms"
    return None


class RateLimitMiddleware:
    """After the locale middleware, so the 429 is in the visitor's language."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        scope = request_scope(request)
        if scope and (seconds := retry_after(request, scope)):
            return too_many_requests(request, seconds)
        return self.get_response(request)


def _request_in(args):
    for arg in args:
        if hasattr(arg, "META") and hasattr(arg, "path_info"):
            return getattr(arg, "_request", arg)  # Django's request inside DRF's
    raise TypeError("rate_limited views take the request as an argument")


def rate_limited(scope):
    """Limit a view to ``RATE_LIMITS[scope]`` requests per client."""

    def decorate(view):
        @wraps(view)
        def wrapper(*args, **kwargs):
            request = _request_in(args)
            if seconds := retry_after(request, scope):
                return too_many_requests(request, seconds)
            return view(*args, **kwargs)

        return wrapper

    return decorate
