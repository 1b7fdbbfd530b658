"""How each page was translated, recorded when it is published and told to its readers.

Set automatically where the portal can tell (wagtail-localize keeps, for every translated
segment, whether a machine or a person wrote it):

- a page published from a wagtail-localize translation with any segment still
  machine-translated → *translated by machine*;
- a translation whose every segment a person wrote or edited → *reviewed by a person*
  (named after the last person who translated a segment);
- a page that translates nothing (written directly in its language's tree) → *written in
  this language*.

A reviewer marks a machine translation as *reviewed by a person* from the page editor
(``cms.page_quality_views``); a later machine translation of any segment undoes that.
Aliases (pages still showing another language) get no record.
"""

from django.utils import timezone

from wagtail_localize.models import StringTranslation, Translation

from cms.models import BasePage, TranslationRecord


def _person(user):
    return (user.get_full_name() or user.username) if user else ""


def record_translation(page):
    """Work out and keep how ``page`` (a published page in its language) was made."""
    if page.alias_of_id:
        return None
    record = TranslationRecord.objects.filter(page_id=page.pk).first()
    translated = (
        Translation.objects.filter(
            source__object_id=page.translation_key, target_locale_id=page.locale_id
        )
        .exclude(source__locale_id=page.locale_id)
        .exists()
    )
    today = timezone.localdate()
    if not translated:
        if record is None:
            record = TranslationRecord.objects.create(
                page_id=page.pk, method=TranslationRecord.ORIGINAL, dated=today
            )
        return record
    strings = StringTranslation.objects.filter(
        locale_id=page.locale_id, context__object_id=page.translation_key
    )
    machine = strings.filter(translation_type=StringTranslation.TRANSLATION_TYPE_MACHINE)
    reviewed = record is not None and record.method == TranslationRecord.REVIEWED
    if reviewed:
        machine = machine.filter(updated_at__date__gt=record.dated)
    if machine.exists():
        method, reviewer = TranslationRecord.MACHINE, ""
    elif reviewed:
        return record
    else:
        last = (
            strings.filter(translation_type=StringTranslation.TRANSLATION_TYPE_MANUAL)
            .select_related("last_translated_by")
            .order_by("-updated_at")
            .first()
        )
        method = TranslationRecord.REVIEWED
        reviewer = _person(last.last_translated_by) if last else ""
    record, _created = TranslationRecord.objects.update_or_create(
        page_id=page.pk, defaults={"method": method, "reviewer": reviewer, "dated": today}
    )
    return record


def mark_reviewed(page, reviewer):
    """A person checked the translation of ``page`` today."""
    record, _created = TranslationRecord.objects.update_or_create(
        page_id=page.pk,
        defaults={
            "method": TranslationRecord.REVIEWED,
            "reviewer": reviewer,
            "dated": timezone.localdate(),
        },
    )
    return record


def page_published(sender, instance, **kwargs):
    if isinstance(instance, BasePage):
        record_translation(instance)
