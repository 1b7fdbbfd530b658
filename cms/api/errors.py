"""Wagtail's own API errors in the caller's language.

Wagtail's endpoints raise English messages; this maps each known message to a translated
one so every ``/api/`` error reads in the language of ``Accept-Language``.
"""

import re
from functools import wraps

from django.http import Http404, JsonResponse
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt

from cms.api.params import MAX_WHOLE_NUMBER, ParameterError, whole_number

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
    (re.compile(r"No \w+ matches the given query\."), lambda m: _("Not found.")),
    (re.compile(r"not found"), lambda m: _("Not found.")),  # find/ with nothing found
]
# A well-formed id of a page that does not exist is a 404 (nothing there), not a 400.
_NOT_FOUND = re.compile(r"(parent|ancestor|descendant|translation_of) page doesn't exist")


def translate_api_message(message):
    for pattern, translate in _API_MESSAGES:
        if match := pattern.fullmatch(message):
            return translate(match)
    return message


class TranslatedErrorsMixin:
    """Give the caller Wagtail's API errors in their language.

    Every endpoint has it, so it is also where an id too large for any database column
    becomes a 404 (no such object) instead of an overflow deep in the query, and where the
    numbers Wagtail reads itself (``limit``, ``offset``, ``find/?id=``) pass the toolkit's
    ``whole_number`` first.
    """

    def initial(self, request, *args, **kwargs):
        pk = kwargs.get("pk")
        if pk is not None and not 0 <= int(pk) <= MAX_WHOLE_NUMBER:
            raise Http404(_("Not found."))
        for name in ("limit", "offset"):
            whole_number(request.GET, name)
        return super().initial(request, *args, **kwargs)

    def find_object(self, queryset, request):
        if "id" in request.GET and whole_number(request.GET, "id") is None:  # an empty id
            raise ParameterError(
                _("%(name)s must be a whole number of 0 or more.") % {"name": "id"}
            )
        return super().find_object(queryset, request)

    def handle_exception(self, exc):
        response = super().handle_exception(exc)
        data = getattr(response, "data", None)
        if not isinstance(data, dict):
            return response
        if "detail" in data and "message" not in data:
            # DRF's own errors (405, 406...) in the shape the schema gives every error.
            data["message"] = str(data.pop("detail"))
        if "message" in data:
            message = str(data["message"])
            if response.status_code == 400 and _NOT_FOUND.fullmatch(message):
                response.status_code = 404
            data["message"] = translate_api_message(message)
        return response


def not_found_response(request):
    """The JSON 404 every ``/api/`` URL answers, routed or not."""
    return JsonResponse({"message": _("Not found.")}, status=404)


def json_get_only(view):
    """Like ``require_GET``, but a JSON 405 in the caller's language; no CSRF check, as
    the view only reads (a cross-site POST gets the same 405, never a CSRF page). OPTIONS
    answers the allowed methods without calling the view."""

    @csrf_exempt
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.method == "OPTIONS":
            response = JsonResponse({})
            response["Allow"] = "GET, HEAD, OPTIONS"
            return response
        if request.method not in ("GET", "HEAD"):
            response = JsonResponse(
                {"message": _("Method “%(method)s” is not allowed.") % {"method": request.method}},
                status=405,
            )
            response["Allow"] = "GET, HEAD, OPTIONS"
            return response
        return view(request, *args, **kwargs)

    return wrapper
