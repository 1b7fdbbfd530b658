"""Which language a piece of content is written in: the one rule every channel asks.

A page shown in the visitor's language tree may carry another language's text (an
untranslated alias shows its source; search offers other languages' pages; a menu or
footer not yet translated falls back to English). The HTML marks each such piece with
``lang``/``dir`` (``cms/templatetags/language_tags.py``), and the API, feeds and
calendars state the same language, so every output agrees (WCAG 3.1.2).
"""

from django.db.models.signals import post_delete, post_save
from django.utils.translation import get_language, get_language_info

from wagtail.models import Locale, Page

_locale_codes = {}


def locale_code(locale_id):
    """A locale's language code from a per-process map, so lists never query per item."""
    if locale_id not in _locale_codes:
        _locale_codes.update(Locale.objects.values_list("pk", "language_code"))
    return _locale_codes.get(locale_id)


def _forget_locales(**kwargs):
    _locale_codes.clear()


post_save.connect(_forget_locales, sender=Locale, dispatch_uid="text_language_locales")
post_delete.connect(_forget_locales, sender=Locale, dispatch_uid="text_language_locales")


def page_language(page):
    """The language a page's text is in: its source's for an alias (one query unless the
    list fetched ``alias_of`` with it), its own locale's otherwise."""
    if not page.alias_of_id:
        return locale_code(page.locale_id)
    if Page.alias_of.is_cached(page):
        return locale_code(page.alias_of.locale_id)
    if "content_locale" in page.__dict__:  # BasePage already looked it up
        return page.__dict__["content_locale"].language_code
    source = Page.objects.filter(pk=page.alias_of_id).values_list("locale_id", flat=True).first()
    return locale_code(source)


def language_of(thing):
    """The language code of ``thing``'s text, or None when it has none of its own.

    ``thing`` is a language code; a page; a translatable snippet (its locale); a dict or
    object with ``content_language`` or ``language`` (API items, breadcrumbs, search
    hits); or a link whose text is its page's title (a link with its own label says
    None: the label is in the language of the menu or footer that holds it).
    """
    if thing is None or thing == "":
        return None
    if isinstance(thing, str):
        return thing
    if isinstance(thing, Page):
        return page_language(thing)
    if isinstance(thing, dict):
        return thing.get("content_language") or thing.get("language")
    if hasattr(thing, "page_in_active_locale"):  # cms.blocks.LinkStructValue
        if thing.get("label"):
            return None
        page = thing.page_in_active_locale()
        return page_language(page) if page is not None else None
    for name in ("content_language", "language"):
        if isinstance(value := getattr(thing, name, None), str) and value:
            return value
    if locale_id := getattr(thing, "locale_id", None):
        return locale_code(locale_id)
    return None


def direction(code):
    """``rtl`` or ``ltr`` for a language code (``ltr`` when Django does not know it)."""
    try:
        return "rtl" if get_language_info(code)["bidi"] else "ltr"
    except KeyError:
        return "ltr"


def visitor_language():
    return get_language()
