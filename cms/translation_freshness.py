"""Whether each page and snippet is translated into each language, and whether that
translation is still current.

For every translatable item (a page, or a translatable snippet) the *source* is the
version wagtail-localize translates from (where a ``TranslationSource`` exists), else the
default language's version, else the oldest. In each other language the item is:

- **missing**: no version, or only an alias still showing the source's language;
- **stale**: the source changed after the translation was last synced — for a page, it was
  published after wagtail-localize last read it (``TranslationSource.last_updated_at``) or,
  without wagtail-localize, after the translation was last published; for a snippet, its
  content differs from what wagtail-localize last read (snippets keep no dates);
- **current** otherwise.

One query for the pages, one per snippet type, two for wagtail-localize's sources and
translations: the count never grows with the number of pages.
"""

import json
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.core.serializers.json import DjangoJSONEncoder
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from wagtail.models import Locale, Page, TranslatableMixin
from wagtail.snippets.models import get_snippet_models
from wagtail_localize.models import Translation, TranslationSource

from modelcluster.models import get_serializable_data_for_fields

MISSING, STALE, CURRENT = "missing", "stale", "current"
STATUS_CHOICES = [(MISSING, _("missing")), (STALE, _("stale")), (CURRENT, _("current"))]
PAGE, SNIPPET = "page", "snippet"
KIND_CHOICES = [(PAGE, _("page")), (SNIPPET, _("snippet"))]


@dataclass
class Version:
    pk: int
    key: object  # translation_key
    locale_id: int
    title: str
    alias: bool
    changed: object  # a datetime (pages: last published), or None
    model: type
    live: bool = True
    instance: object = None  # snippets: the object itself, to compare with its source


@dataclass
class FreshnessRow:
    title: str
    type_name: str
    kind: str
    language: str
    status: str
    action_url: str

    @property
    def status_label(self):
        return str(dict(STATUS_CHOICES)[self.status])


def _page_versions():
    rows = Page.objects.filter(depth__gt=1).values_list(
        "pk", "translation_key", "locale_id", "title", "alias_of_id", "last_published_at",
        "content_type_id", "live",
    )  # fmt: skip
    for pk, key, locale_id, title, alias_of, published, type_id, live in rows:
        model = ContentType.objects.get_for_id(type_id).model_class()
        if model is not None and (live or alias_of is None):
            yield Version(pk, key, locale_id, title, alias_of is not None, published, model, live)


def _snippet_models():
    return [model for model in get_snippet_models() if issubclass(model, TranslatableMixin)]


def _snippet_versions():
    for model in _snippet_models():
        # Their names may name a related object (a contact point's department): read those too.
        related = [field.name for field in model._meta.fields if field.many_to_one]
        for item in model.objects.select_related(*related):
            yield Version(
                item.pk,
                item.translation_key,
                item.locale_id,
                str(item),
                False,
                None,
                model,
                instance=item,
            )


def _serialized(instance):
    return json.loads(json.dumps(get_serializable_data_for_fields(instance), cls=DjangoJSONEncoder))


def _group(versions):
    groups = {}
    for version in versions:
        groups.setdefault(version.key, {})[version.locale_id] = version
    return groups


def _source(by_locale, item_sources, default_id):
    """The version translated from: one wagtail-localize read (the default language's
    first), else the default language's, else the oldest."""
    preferred = sorted(
        by_locale, key=lambda locale_id: (locale_id not in item_sources, locale_id != default_id)
    )
    for locale_id in preferred:
        version = by_locale[locale_id]
        if not version.alias and (locale_id in item_sources or locale_id == default_id):
            return version
    originals = [version for version in by_locale.values() if not version.alias]
    return min(originals, key=lambda version: version.pk) if originals else None


def _rows_for(kind, versions, locales, sources, translated, default_id):
    """Rows for each item in ``versions`` and each language of ``locales`` but its source's."""
    for key, by_locale in _group(versions).items():
        item_sources = sources.get(key, {})
        source = _source(by_locale, item_sources, default_id)
        if source is None or not _translatable(kind, source):
            continue
        localize_source = item_sources.get(source.locale_id)
        type_name = str(source.model._meta.verbose_name)
        for locale in locales:
            if locale.pk == source.locale_id:
                continue
            target = by_locale.get(locale.pk)
            status, url = _status(kind, source, target, localize_source, translated, locale)
            title = target.title if target and not target.alias else source.title
            yield FreshnessRow(title, type_name, kind, locale.language_code, status, url)


def _translatable(kind, source):
    """Snippets always; pages once published (a draft asks for no translation yet)."""
    return kind == SNIPPET or source.live


def _status(kind, source, target, localize_source, translated, locale):
    if target is None or target.alias:
        return MISSING, _submit_url(kind, source)
    synced = localize_source and (localize_source["pk"], locale.pk) in translated
    if kind == SNIPPET:
        stale = synced and _serialized(source.instance) != json.loads(localize_source["content"])
        url = _update_url(localize_source) if synced else _edit_url(kind, target)
        return (STALE if stale else CURRENT), url
    last_sync = localize_source["synced"] if synced else target.changed
    stale = bool(source.changed and last_sync and source.changed > last_sync)
    url = _update_url(localize_source) if synced and stale else _edit_url(kind, target)
    return (STALE if stale else CURRENT), url


def _submit_url(kind, source):
    if kind == PAGE:
        return reverse("wagtail_localize:submit_page_translation", args=[source.pk])
    meta = source.model._meta
    return reverse(
        "wagtail_localize:submit_snippet_translation",
        args=[meta.app_label, meta.model_name, source.pk],
    )


def _update_url(localize_source):
    return reverse("wagtail_localize:update_translations", args=[localize_source["pk"]])


def _edit_url(kind, target):
    if kind == PAGE:
        return reverse("wagtailadmin_pages:edit", args=[target.pk])
    meta = target.model._meta
    return reverse(f"wagtailsnippets_{meta.app_label}_{meta.model_name}:edit", args=[target.pk])


def _localize_records():
    sources = {}
    for pk, key, locale_id, synced, content in TranslationSource.objects.values_list(
        "pk", "object_id", "locale_id", "last_updated_at", "content_json"
    ):
        sources.setdefault(key, {})[locale_id] = {"pk": pk, "synced": synced, "content": content}
    translated = set(Translation.objects.values_list("source_id", "target_locale_id"))
    return sources, translated


def freshness_rows(language=None, status=None, kind=None):
    """Every translatable page and snippet in every other language (or one), with its status."""
    locales = [
        locale
        for locale in Locale.objects.order_by("language_code")
        if not language or locale.language_code == language
    ]
    default_id = Locale.get_default().pk
    sources, translated = _localize_records()
    rows = []
    if kind in (None, PAGE):
        rows += _rows_for(PAGE, _page_versions(), locales, sources, translated, default_id)
    if kind in (None, SNIPPET):
        rows += _rows_for(SNIPPET, _snippet_versions(), locales, sources, translated, default_id)
    if status:
        rows = [row for row in rows if row.status == status]
    order = {MISSING: 0, STALE: 1, CURRENT: 2}
    return sorted(rows, key=lambda row: (row.language, order[row.status], row.title.casefold()))


def counts_by_language():
    """``{language code: {"missing": n, "stale": n, "current": n}}``."""
    counts = {}
    for row in freshness_rows():
        counts.setdefault(row.language, {MISSING: 0, STALE: 0, CURRENT: 0})[row.status] += 1
    return counts
