"""Batch PO export and import for outside translators.

wagtail-localize already offers a PO download and upload per page in the
translation editor; agencies translating a whole language at once want one
folder of PO files instead. Each file carries the translation's UUID in its
``X-WagtailLocalize-TranslationID`` header, so files can be renamed freely.
"""

import re
from pathlib import Path

from django.conf import settings

from wagtail.models import Locale, Page
from wagtail_localize.models import Translation, TranslationSource

import polib

from cms.models import ContactPoint, Department, FooterText, NavigationMenu

TRANSLATABLE_SNIPPETS = (Department, ContactPoint, NavigationMenu, FooterText)


def start_translations(language_code, source_language=None):
    """Open a translation into ``language_code`` for every live page and snippet of the
    source language that has none yet (as "Translate" in the admin would)."""
    source_locale = Locale.objects.get(language_code=source_language or settings.LANGUAGE_CODE)
    target_locale = Locale.objects.get(language_code=language_code)
    instances = list(
        Page.objects.live().filter(locale=source_locale, depth__gt=1).specific().order_by("path")
    )
    for model in TRANSLATABLE_SNIPPETS:
        instances.extend(model.objects.filter(locale=source_locale))
    created = 0
    for instance in instances:
        source, _created = TranslationSource.get_or_create_from_instance(instance)
        _translation, was_created = Translation.objects.get_or_create(
            source=source, target_locale=target_locale
        )
        created += was_created
    return created


def _filename(translation):
    instance = translation.source.get_source_instance()
    name = re.sub(r"[^\w-]+", "-", str(instance)).strip("-").lower()[:60] or "item"
    return f"{translation.pk:05d}-{name}.po"


def export_po_files(language_code, directory, *, only_incomplete=True, progress=None):
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    translations = (
        Translation.objects.filter(target_locale__language_code=language_code, enabled=True)
        .select_related("source", "target_locale")
        .order_by("pk")
    )
    written = []
    total = translations.count()
    for number, translation in enumerate(translations, start=1):
        total_segments, translated_segments = translation.get_progress()
        if only_incomplete and total_segments == translated_segments:
            continue
        path = directory / _filename(translation)
        translation.export_po().save(str(path))
        written.append(path)
        if progress:
            progress(f"[{number}/{total}] {path.name}")
    return written


def import_po_files(directory, *, user=None, publish=False, progress=None):
    """Import every PO file in ``directory``; returns (imported, problems)."""
    imported, problems = [], []
    paths = sorted(Path(directory).glob("*.po"))
    for number, path in enumerate(paths, start=1):
        try:
            po = polib.pofile(str(path))
        except (OSError, ValueError) as error:
            problems.append(f"{path.name}: not a readable PO file ({error})")
            continue
        translation_id = po.metadata.get("X-WagtailLocalize-TranslationID")
        translation = (
            Translation.objects.filter(uuid=translation_id).first() if translation_id else None
        )
        if translation is None:
            problems.append(f"{path.name}: no translation with ID {translation_id!r}")
            continue
        warnings = translation.import_po(po, user=user, tool_name="PO file")
        problems.extend(f"{path.name}: {warning}" for warning in warnings)
        translation.save_target(user=user, publish=publish)
        imported.append(path)
        if progress:
            progress(f"[{number}/{len(paths)}] {path.name}")
    return imported, problems
