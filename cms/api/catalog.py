"""``/api/v2/i18n/<language>/``: the interface strings of one language, as JSON.

A front end takes its labels, notices, month names and error messages from the same
gettext catalogues the HTML site uses (the project's, every app's, Django's and Wagtail's),
so a translator's fix shows in both.
"""

from django.http import JsonResponse
from django.utils import translation
from django.views.i18n import JSONCatalog

from cms.api.errors import json_get_only
from cms.api.params import ParameterError, locale_code, reject_unknown

# Without ``packages`` the "django" domain gathers every installed app's catalogue and
# the project's LOCALE_PATHS, exactly as the HTML site's gettext does.
catalog_view = JSONCatalog.as_view(domain="django")


def error_response(error, status):
    return JsonResponse(
        {"message": error.message}, status=status, json_dumps_params={"ensure_ascii": False}
    )


@json_get_only
def interface_strings_view(request, language):
    """404 for a language the site does not have, 400 for any query parameter."""
    try:
        locale_code({"language": language}, name="language")
    except ParameterError as error:
        return error_response(error, 404)
    try:
        reject_unknown(request.GET, [])
    except ParameterError as error:
        return error_response(error, 400)
    with translation.override(language):
        return catalog_view(request)
