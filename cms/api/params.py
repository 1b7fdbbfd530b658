"""Query-parameter parsing for every endpoint and view: one place for the rules and messages.

Each function takes a ``QueryDict`` (or any mapping), returns a clean Python value and raises
``ParameterError`` with a message in the active language when the value is unusable. The API
answers it as a JSON 400 (it is Wagtail's ``BadRequestError``); HTML views catch it and answer
a 400 page with ``error.message``.
"""

import datetime as dt

from django.conf import settings
from django.utils.translation import gettext as _

from wagtail.api.v2.utils import BadRequestError

# Larger numbers than this are never a real id, offset or count; refusing them early keeps
# the database from overflowing its integer columns.
MAX_WHOLE_NUMBER = 2**31 - 1
# Dates outside these years are no one's event; refusing them keeps date arithmetic (a day
# after, a month before) away from the ends of Python's calendar.
FIRST_YEAR, LAST_YEAR = 1900, 2199
LATEST_DATE = dt.date(LAST_YEAR, 12, 31)  # the last date accepted (the schema states it)
# Search text: what a person types. Longer text or control characters (NUL breaks
# PostgreSQL, long text the query parsers) is refused; the schema states the same rule.
MAX_SEARCH_LENGTH = 200
CONTROL_CHARACTERS = r"\x00-\x1f\x7f-\x9f"  # a range of a regular-expression class


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


def _within_years(value, raw, name):
    if not FIRST_YEAR <= value.year <= LAST_YEAR:
        raise ParameterError(
            _("“%(value)s” for “%(name)s” is outside the years %(first)s to %(last)s.")
            % {"value": raw, "name": name, "first": FIRST_YEAR, "last": LAST_YEAR}
        )
    return value


def date_value(params, name, default=None, *, allow_empty=False):
    """A calendar date written ``YYYY-MM-DD`` within the years the site covers
    (``FIRST_YEAR`` to ``LAST_YEAR``). An empty value is refused unless allowed."""
    raw = _raw(params, name)
    if raw is None or (allow_empty and not raw.strip()):
        return default
    text = raw.strip()
    if len(text) == 10:
        try:
            value = dt.date.fromisoformat(text)
        except ValueError:
            value = None
        if value is not None:
            return _within_years(value, raw, name)
    raise ParameterError(
        _(
            "“%(value)s” is not a valid date for “%(name)s”. Use the form YYYY-MM-DD, "
            "for example 2026-03-10."
        )
        % {"value": raw, "name": name}
    )


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


LINE_BREAKS = str.maketrans("\n\r\t", "   ")  # typed in a comment box


def text_value(params, name, default="", max_length=200, *, multiline=False, label=None):
    """Free text (a filter box): stripped, at most ``max_length`` characters, no control
    characters (NUL and the like never come from a keyboard). ``multiline`` text (a comment
    box) may hold line breaks and tabs, counted as one character per line break. Messages
    call the field ``label`` (what the form calls it, translated) when given."""
    raw = _raw(params, name)
    if raw is None:
        return default
    text = raw.strip()
    if multiline:
        text = text.replace("\r\n", "\n")
    if has_control_characters(text.translate(LINE_BREAKS) if multiline else text):
        raise ParameterError(
            _("“%(name)s” contains characters that cannot be typed. Remove them and try again.")
            % {"name": label or name}
        )
    if len(text) > max_length:
        raise ParameterError(
            _("“%(name)s” is too long: at most %(max)s characters.")
            % {"name": label or name, "max": max_length}
        )
    return text


IDENTIFIER_CHARACTERS = frozenset(
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_."
)


def identifier(params, name, default=None, max_length=64):
    """A reference number such as a request ID: letters, digits, ``-``, ``_`` and ``.``,
    at most ``max_length`` long. Spaces around it are ignored; an empty value is ``default``."""
    text = text_value(params, name, default="", max_length=max_length)
    if not text:
        return default
    if not set(text) <= IDENTIFIER_CHARACTERS or text.strip(".") == "":
        raise ParameterError(
            _(
                "“%(value)s” is not a valid %(name)s. Use only letters, digits, "
                "dashes, dots and underscores."
            )
            % {"value": text, "name": name}
        )
    return text


def month_value(params, name, default=None):
    """The first day of a month written ``YYYY-MM`` (or ``YYYY-M``), within the years the
    site covers."""
    raw = _raw(params, name)
    if raw is None or raw == "":
        return default
    year, _dash, month = raw.strip().partition("-")
    if year.isascii() and year.isdigit() and month.isascii() and month.isdigit():
        try:
            return _within_years(dt.date(int(year), int(month), 1), raw, name)
        except ValueError:
            pass
    raise ParameterError(_("There is no such month."))


def has_control_characters(text):
    """True for text no page, path or query can hold: NUL (which PostgreSQL refuses in
    any text value) and the other control characters."""
    return any(ord(char) < 32 or 127 <= ord(char) < 160 for char in text)


def search_text(params, name="search", *, required=False):
    """Words to search for: at most ``MAX_SEARCH_LENGTH`` characters, no control characters.

    Quotation marks are dropped: every backend searches plain words, and a stray ``"``
    breaks SQLite's full-text syntax. Empty text is refused when ``required``.
    """
    text = (_raw(params, name) or "").strip()
    if len(text) > MAX_SEARCH_LENGTH:
        raise ParameterError(
            _("Your search is too long. Use %(max)d characters or fewer.")
            % {"max": MAX_SEARCH_LENGTH}
        )
    if has_control_characters(text):
        raise ParameterError(_("Your search contains characters that cannot be searched."))
    text = " ".join(text.replace('"', " ").split())
    if required and not text:
        raise ParameterError(_("Type what you are looking for."))
    return text
