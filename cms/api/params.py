"""Query-parameter parsing for every endpoint and view: one place for the rules and messages.

Each function takes a ``QueryDict`` (or any mapping), returns a clean Python value and raises
``ParameterError`` with a message in the active language when the value is unusable. The API
answers it as a JSON 400 (it is Wagtail's ``BadRequestError``); HTML views catch it and answer
a 400 page with ``error.message``.
"""

import datetime as dt
import re

from django.conf import settings
from django.utils.translation import gettext as _

from wagtail.api.v2.utils import BadRequestError

# Larger numbers than this are never a real id, offset or count; refusing them early keeps
# the database from overflowing its integer columns.
MAX_WHOLE_NUMBER = 2**31 - 1
# Search text: what a person types. Longer text or control characters (NUL breaks
# PostgreSQL, long text the query parsers) is refused; the schema states the same rule.
MAX_SEARCH_LENGTH = 200
CONTROL_CHARACTERS = r"\x00-\x1f\x7f-\x9f"  # a range of a regular-expression class
# The last date accepted: a window of a year or more after it still fits the calendar.
LATEST_DATE = dt.date(9998, 12, 31)


class ParameterError(BadRequestError):
    def __init__(self, message):
        super().__init__(message)
        self.message = message


def _raw(params, name):
    value = params.get(name)
    return None if value is None else str(value)


def reject_unknown(params, known):
    """Refuse parameters the endpoint does not know, naming them."""
    unknown = set(params) - set(known)
    if unknown:
        raise ParameterError(
            _("Unknown query parameter: %(names)s") % {"names": ", ".join(sorted(unknown))}
        )


def _integer(raw):
    text = raw.strip()
    if not text.isascii() or not text.removeprefix("-").isdigit() or len(text) > 12:
        return None
    return int(text)


def whole_number(params, name, default=None, minimum=0, maximum=None):
    """An integer from ``minimum``; above ``maximum`` is refused with the limit named."""
    raw = _raw(params, name)
    if raw is None or raw == "":
        return default
    value = _integer(raw)
    if value is None or value < minimum or value > MAX_WHOLE_NUMBER:
        if minimum == 1:
            raise ParameterError(
                _("“%(value)s” is not a page number. Use a whole number from 1.") % {"value": raw}
                if name == "page"
                else _("%(name)s must be a whole number of 1 or more.") % {"name": name}
            )
        raise ParameterError(_("%(name)s must be a whole number of 0 or more.") % {"name": name})
    if maximum is not None and value > maximum:
        raise ParameterError(
            _("%(name)s cannot be higher than %(max)s.") % {"name": name, "max": maximum}
        )
    return value


def page_number(params, name="page"):
    """The page of a paginated HTML list: a whole number from 1 (default 1)."""
    return whole_number(params, name, default=1, minimum=1)


def language_codes():
    return [code for code, _name in settings.LANGUAGES]


def locale_code(params, name="locale", default=None):
    """A language code the site has; ``default`` when the parameter is absent."""
    code = _raw(params, name)
    if code is None:
        return default
    if code not in language_codes():
        raise ParameterError(
            _("Unknown language “%(code)s”. Use one of: %(codes)s.")
            % {"code": code, "codes": ", ".join(language_codes())}
        )
    return code


def date_value(params, name, default=None, *, allow_empty=False):
    """A date written ``YYYY-MM-DD``, up to ``LATEST_DATE``. Empty is refused unless allowed."""
    raw = _raw(params, name)
    if raw is None or (allow_empty and not raw.strip()):
        return default
    text = raw.strip()
    if len(text) == 10:
        try:
            value = dt.date.fromisoformat(text)
        except ValueError:
            value = None
        if value is not None and value <= LATEST_DATE:
            return value
    raise ParameterError(
        _(
            "“%(value)s” is not a valid date for “%(name)s”. Use the form YYYY-MM-DD, "
            "for example 2026-03-10."
        )
        % {"value": raw, "name": name}
    )


def search_text(params, name="search", required=False):
    """Stripped search text: at most ``MAX_SEARCH_LENGTH`` characters, no control characters."""
    text = (_raw(params, name) or "").strip()
    if len(text) > MAX_SEARCH_LENGTH:
        raise ParameterError(
            _("Your search is too long. Use %(max)d characters or fewer.")
            % {"max": MAX_SEARCH_LENGTH}
        )
    if re.search(f"[{CONTROL_CHARACTERS}]", text):
        raise ParameterError(_("Your search contains characters that cannot be searched."))
    if required and not text:
        raise ParameterError(_("Type what you are looking for."))
    return text


def choice(params, name, choices, default=None):
    """One of ``choices`` (codes, or ``(code, label)`` pairs); anything else is refused."""
    raw = _raw(params, name)
    if raw is None or raw == "":
        return default
    codes = [item[0] if isinstance(item, tuple | list) else item for item in choices]
    if raw not in codes:
        raise ParameterError(
            _("Unknown value “%(value)s” for %(name)s. Use one of: %(codes)s.")
            % {"value": raw, "name": name, "codes": ", ".join(map(str, codes))}
        )
    return raw
