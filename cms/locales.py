"""Locales read once per request.

Wagtail looks the active and default ``Locale`` up by language code every time it is asked
(``Locale.get_active()``, ``Page.localized``, every per-language snippet), which cost a page
16–20 identical queries. The locale table is tiny and changes only when an administrator adds
a language, so during a request every lookup by language code is answered from one read of
the whole table (``cms.memo``). Outside requests lookups go to the database as before.
"""

from django.db.models.signals import post_delete, post_save

from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale
from wagtail.models.i18n import LocaleManager

from cms import memo

MEMO_KEY = "locales"
_database_lookup = LocaleManager.get_for_language


def _read_table():
    return {locale.language_code: locale for locale in Locale.objects.all()}


def _all_locales():
    return memo.per_request(MEMO_KEY, _read_table)


def all_locales():
    """Every locale of the site, read once per request."""
    return list(_all_locales().values())


def _memoized_lookup(manager, language_code):
    if not memo.in_request():
        return _database_lookup(manager, language_code)
    try:
        return _all_locales()[get_supported_content_language_variant(language_code)]
    except (KeyError, LookupError):
        # Unknown here: let Wagtail answer (and raise) exactly as it would have.
        return _database_lookup(manager, language_code)


def attach(objects):
    """Give each object (a page, a snippet) its ``locale`` without a query of its own."""
    by_id = {locale.pk: locale for locale in _all_locales().values()}
    for obj in objects:
        locale = by_id.get(obj.locale_id)
        if locale is not None:
            type(obj).locale.field.set_cached_value(obj, locale)


def forget(**kwargs):
    """A locale was added or removed: read the table again on the next lookup."""
    memo.forget(MEMO_KEY)


def connect():
    LocaleManager.get_for_language = _memoized_lookup
    post_save.connect(forget, sender=Locale, dispatch_uid="locales-saved")
    post_delete.connect(forget, sender=Locale, dispatch_uid="locales-deleted")
