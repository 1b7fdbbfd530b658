"""Which language a piece of content is written in: the one rule every channel asks.

A page shown in the visitor's language tree may carry another language's text (an
untranslated alias shows its source; search offers other languages' pages; a menu or
footer not yet translated falls back to English). The HTML marks each such piece with
``lang``/``dir`` (``cms/templatetags/language_tags.py``), and the API, feeds and
calendars state the same language, so every output agrees (WCAG 3.1.2).
"""

from django.conf import settings
from django.db.models.signals import post_delete, post_save
from django.utils.html import conditional_escape, format_html
from django.utils.translation import get_language, get_language_info

from wagtail.blocks import StreamValue, StructValue
from wagtail.contrib.settings.models import BaseSiteSetting
from wagtail.models import Locale, Page
from wagtail.rich_text import RichText
from wagtail_localize.models import TranslationSource

_locale_codes = {}
# An alias's source page → its locale. A page never changes locale, so this never goes stale.
_source_locales = {}


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
    """The language a page's text is in: its source's for an alias, its own locale's
    otherwise. No query once each source's locale is known (lists that fetch ``alias_of``
    with their pages never ask)."""
    if not page.alias_of_id:
        return locale_code(page.locale_id)
    if Page.alias_of.is_cached(page):
        return locale_code(page.alias_of.locale_id)
    if "content_locale" in page.__dict__:  # BasePage already looked it up
        return page.__dict__["content_locale"].language_code
    if page.alias_of_id not in _source_locales:
        source = Page.objects.filter(pk=page.alias_of_id).values_list("locale_id", flat=True)
        _source_locales[page.alias_of_id] = source.first()
    return locale_code(_source_locales[page.alias_of_id])


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
    if isinstance(thing, BaseSiteSetting):
        return settings.LANGUAGE_CODE  # one per site, written in the default language
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


def _strings(value, found):
    """Every piece of text in a field or block value (rich text as its stored HTML)."""
    if isinstance(value, RichText):
        found.add(value.source)
    elif isinstance(value, str):
        if value.strip():
            found.add(value)
    elif isinstance(value, StreamValue):
        for child in value:
            _strings(child.value, found)
    elif isinstance(value, StructValue | dict):
        for item in value.values():
            _strings(item, found)
    elif isinstance(value, list | tuple) or type(value).__name__ == "ListValue":
        for item in value:
            _strings(item, found)
    return found


def attach_sources(pages):
    """Remember, for each translated page, the text of the page it was translated from, in
    three queries for the whole list (sources, then source pages by type).

    A translator may publish a page with segments not yet translated: those segments show
    the source's text, which ``part_language`` then recognises. Pages in the default
    language are taken as sources themselves, so English pages cost no query.
    """
    default = settings.LANGUAGE_CODE
    pending = [
        page
        for page in pages
        if isinstance(page, Page)
        and not page.alias_of_id
        and "_source_text" not in page.__dict__
        and locale_code(page.locale_id) != default
    ]
    for page in pages:
        if isinstance(page, Page) and page not in pending:
            page.__dict__.setdefault("_source_text", (None, frozenset()))
    if not pending:
        return pages
    keys = {page.translation_key for page in pending}
    source_locales = dict(
        TranslationSource.objects.filter(object_id__in=keys).values_list("object_id", "locale_id")
    )
    wanted = {
        (page.translation_key, source_locales[page.translation_key])
        for page in pending
        if source_locales.get(page.translation_key) not in (None, page.locale_id)
    }
    sources = {}
    if wanted:
        queryset = Page.objects.filter(
            translation_key__in={key for key, _ in wanted},
            locale_id__in={locale for _, locale in wanted},
        ).specific()
        for source in queryset:
            if (source.translation_key, source.locale_id) in wanted:
                sources[source.translation_key] = source
    for page in pending:
        source = sources.get(page.translation_key)
        if source is None:
            page.__dict__["_source_text"] = (None, frozenset())
            continue
        found = set()
        for field in source._meta.concrete_fields:
            _strings(getattr(source, field.attname, None), found)
        page.__dict__["_source_text"] = (locale_code(source.locale_id), frozenset(found))
        page.__dict__["_source_page"] = source
    return pages


def part_language(page, value):
    """The language of ``value``, a field or block of ``page``: the source page's language
    when all its text is the source's untranslated text, the page's otherwise."""
    language = page_language(page)
    if "_source_text" not in page.__dict__:
        attach_sources([page])
    source_language, source_text = page.__dict__["_source_text"]
    strings = _strings(value, set())
    if source_language and strings and strings <= source_text:
        return source_language
    return language


def in_language(text, language):
    """``text`` escaped, in a ``<span lang dir>`` when ``language`` is not the visitor's
    (for text composed in Python, such as a label that names a page)."""
    if not language or language == get_language():
        return conditional_escape(text)
    return format_html('<span lang="{}" dir="{}">{}</span>', language, direction(language), text)


def direction(code):
    """``rtl`` or ``ltr`` for a language code (``ltr`` when Django does not know it)."""
    try:
        return "rtl" if get_language_info(code)["bidi"] else "ltr"
    except KeyError:
        return "ltr"


def visitor_language():
    return get_language()
