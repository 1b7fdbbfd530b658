"""``/api/v2/i18n/<language>/``: the interface strings of one language, as JSON.

A front end takes its labels, notices, month names and error messages from the same
gettext catalogues the HTML site uses (the project's, every app's, Django's and Wagtail's),
so a translator's fix shows in both.
"""

import functools
import json
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.http import JsonResponse
from django.utils import translation
from django.views.i18n import JSONCatalog

import polib

from cms.api.errors import json_get_only
from cms.api.params import ParameterError, locale_code, reject_unknown

# Without ``packages`` the "django" domain gathers every installed app's catalogue and
# the project's LOCALE_PATHS, exactly as the HTML site's gettext does.
catalog_view = JSONCatalog.as_view(domain="django")


def error_response(error, status):
    return JsonResponse(
        {"message": error.message}, status=status, json_dumps_params={"ensure_ascii": False}
    )


@functools.cache
def source_plurals():
    """``{singular: [singular, plural]}`` of the portal's own plural strings, in English.

    English is the catalogues' keys, so it has no catalogue of its own, and a key is only
    the singular form: the plural form ("%(counter)s events found") is read from the source
    strings the other languages' catalogues record.
    """
    reference = next(code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE)
    folders = [Path(path) for path in settings.LOCALE_PATHS] + [
        Path(config.path) / "locale" for config in apps.get_app_configs()
    ]
    plurals = {}
    for folder in folders:
        po_file = folder / reference / "LC_MESSAGES" / "django.po"
        if po_file.exists():
            for entry in polib.pofile(str(po_file)):
                if entry.msgid_plural and not entry.obsolete:
                    plurals.setdefault(entry.msgid, [entry.msgid, entry.msgid_plural])
    return plurals


def with_english_plurals(response):
    data = json.loads(response.content)
    data["catalog"] = {**source_plurals(), **data["catalog"]}
    data["plural"] = data.get("plural") or "(n != 1)"
    return JsonResponse(data, json_dumps_params={"ensure_ascii": False})


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
        response = catalog_view(request)
    if language == settings.LANGUAGE_CODE:
        return with_english_plurals(response)
    return response
