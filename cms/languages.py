"""The portal's languages, defined once.

Everything language-related (Django's LANGUAGES, Wagtail's content languages,
the language switcher, hreflang links, the translation catalogue test) reads
from ``PORTAL_LANGUAGES``. Adding a language is one entry here plus a
``locale/<code>/LC_MESSAGES/django.po`` catalogue.

Django ships no language info for Somali, Hmong or S'gaw Karen, so each entry
carries its own (English name, name in the language itself, writing direction).
Date and number formats for those languages live in ``cms/formats/<code>/``.

Codes are BCP 47:
- ``hmn`` — Hmong (ISO 639-2 collective code). Saint Paul residents write both
  White Hmong and Green Hmong in the same Latin RPA script, so one catalogue
  serves both and the collective code is what city materials and browsers use.
- ``ksw`` — S'gaw Karen (ISO 639-3, a valid BCP 47 primary subtag). Saint
  Paul's Karen community came mostly from Burma's S'gaw-speaking areas and the
  Thai border camps; the collective ``kar`` would not say which Karen language
  the text is in, which screen readers and translators need to know.
"""

from dataclasses import dataclass

from django.utils.translation import gettext_noop


@dataclass(frozen=True)
class PortalLanguage:
    code: str
    name: str
    name_local: str
    bidi: bool = False


PORTAL_LANGUAGES = [
    PortalLanguage("en", gettext_noop("English"), "English"),
    PortalLanguage("es", gettext_noop("Spanish"), "Español"),
    PortalLanguage("hmn", gettext_noop("Hmong"), "Hmoob"),
    PortalLanguage("so", gettext_noop("Somali"), "Soomaali"),
    PortalLanguage("ksw", gettext_noop("S'gaw Karen"), "ကညီကျိာ်"),
]

DEFAULT_LANGUAGE_CODE = "en"

# Right-to-left languages known to the portal but not switched on by default.
# Enabling one is adding it to PORTAL_LANGUAGES (tests switch Arabic on to
# prove right-to-left pages render mirrored).
EXTRA_LANGUAGE_INFO = [
    PortalLanguage("ar", gettext_noop("Arabic"), "العربية", bidi=True),
]


def django_languages(languages=PORTAL_LANGUAGES):
    """``settings.LANGUAGES``: (code, English name) pairs."""
    return [(language.code, language.name) for language in languages]


def lang_info(languages=PORTAL_LANGUAGES + EXTRA_LANGUAGE_INFO):
    """Entries for ``django.conf.locale.LANG_INFO`` that Django lacks."""
    return {
        language.code: {
            "bidi": language.bidi,
            "code": language.code,
            "name": language.name,
            "name_local": language.name_local,
        }
        for language in languages
    }


def register_language_info():
    """Teach Django the names and direction of the portal's languages."""
    from django.conf import locale

    for code, info in lang_info().items():
        locale.LANG_INFO.setdefault(code, info)


def enabled_languages():
    """The languages switched on in ``settings.LANGUAGES``, with their info."""
    from django.conf import settings
    from django.utils.translation import get_language_info

    known = {language.code: language for language in PORTAL_LANGUAGES + EXTRA_LANGUAGE_INFO}
    languages = []
    for code, _name in settings.LANGUAGES:
        if code not in known:
            info = get_language_info(code)
            known[code] = PortalLanguage(code, info["name"], info["name_local"], info["bidi"])
        languages.append(known[code])
    return languages
