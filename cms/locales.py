"""Locales read once per request.

Wagtail looks the active and default ``Locale`` up by language code every time it is asked
(``Locale.get_active()``, ``Page.localized``, every per-language snippet), which cost a page
16–20 identical queries. The locale table is tiny and changes only when an administrator adds
a language, so during a request every lookup by language code is answered from one read of
the whole table. Outside requests (commands, migrations) lookups go to the database as before.
"""

import contextvars

from django.core.signals import request_finished, request_started
from django.db.models.signals import post_delete, post_save

from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale
from wagtail.models.i18n import LocaleManager

_locales = contextvars.ContextVar("portal_request_locales", default=None)
_database_lookup = LocaleManager.get_for_language


def _memoized_lookup(manager, language_code):
    if _locales.get() is None:
        return _database_lookup(manager, language_code)
    try:
        return _all_locales()[get_supported_content_language_variant(language_code)]
    except (KeyError, LookupError):
        # Unknown here: let Wagtail answer (and raise) exactly as it would have.
        return _database_lookup(manager, language_code)


def _all_locales():
    memo = _locales.get()
    if memo is None:
        return {locale.language_code: locale for locale in Locale.objects.all()}
    if not memo:
        memo.update({locale.language_code: locale for locale in Locale.objects.all()})
    return memo


def attach(objects):
    """Give each object (a page, a snippet) its ``locale`` without a query of its own."""
    by_id = {locale.pk: locale for locale in _all_locales().values()}
    for obj in objects:
        locale = by_id.get(obj.locale_id)
        if locale is not None:
            type(obj).locale.field.set_cached_value(obj, locale)


def begin_request(**kwargs):
    _locales.set({})


def end_request(**kwargs):
    _locales.set(None)


def forget(**kwargs):
    """A locale was added or removed: read the table again on the next lookup."""
    memo = _locales.get()
    if memo:
        memo.clear()


def connect():
    LocaleManager.get_for_language = _memoized_lookup
    request_started.connect(begin_request, dispatch_uid="locales-request-started")
    request_finished.connect(end_request, dispatch_uid="locales-request-finished")
    post_save.connect(forget, sender=Locale, dispatch_uid="locales-saved")
    post_delete.connect(forget, sender=Locale, dispatch_uid="locales-deleted")
