"""What the portal records about a page beside its content: how its translation was made,
and how hard its text is to read.

Kept in their own tables, one row per page, rather than as fields of ``BasePage``: a field
there would be a migration in every app with a page type, and neither record is content to
translate or to keep in revisions.
"""

from django.core.cache import cache
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.models import Locale

RECORD_CACHE = "portal:translation-record:{}"


class TranslationRecord(models.Model):
    """How the page in this language came to be, and when."""

    MACHINE = "machine"
    REVIEWED = "reviewed"
    ORIGINAL = "original"
    METHOD_CHOICES = [
        (MACHINE, _("Translated by machine")),
        (REVIEWED, _("Translation reviewed by a person")),
        (ORIGINAL, _("Written in this language")),
    ]

    page = models.OneToOneField(
        "wagtailcore.Page",
        on_delete=models.CASCADE,
        related_name="translation_record",
        verbose_name=_("page"),
    )
    method = models.CharField(_("how it was translated"), max_length=20, choices=METHOD_CHOICES)
    dated = models.DateField(
        _("date"), default=timezone.localdate, help_text=_("When it was translated or reviewed.")
    )
    reviewer = models.CharField(
        _("reviewed by"),
        max_length=200,
        blank=True,
        help_text=_("The person who checked the translation (shown to editors only)."),
    )

    class Meta:
        verbose_name = _("translation record")
        verbose_name_plural = _("translation records")

    def __str__(self):
        return f"{self.page_id}: {self.method}"

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        cache.delete(RECORD_CACHE.format(self.page_id))

    def as_public_dict(self):
        return {"method": self.method, "dated": self.dated}


class ReadingMeasure(models.Model):
    """The page's reading grade when it was last saved, by its language's formula."""

    page = models.OneToOneField(
        "wagtailcore.Page",
        on_delete=models.CASCADE,
        related_name="reading_measure",
        verbose_name=_("page"),
    )
    grade = models.DecimalField(
        _("reading grade"), max_digits=4, decimal_places=1, null=True, blank=True
    )
    score = models.DecimalField(_("score"), max_digits=6, decimal_places=1, null=True, blank=True)
    formula = models.CharField(_("formula"), max_length=40, blank=True)
    words = models.PositiveIntegerField(_("words"), default=0)
    measured_at = models.DateTimeField(_("measured"), auto_now=True)

    class Meta:
        verbose_name = _("reading grade")
        verbose_name_plural = _("reading grades")

    def __str__(self):
        return f"{self.page_id}: {self.grade}"


def public_translation_line(page):
    """``{"method", "label", "dated"}``: how ``page`` was translated, for its readers; or None.

    Read from the cache (kept until the record changes), so showing it costs a page no
    query. Pages written in the default language say nothing: that is where content starts.
    """
    key = RECORD_CACHE.format(page.pk)
    data = cache.get(key)
    if data is None:
        record = TranslationRecord.objects.filter(page_id=page.pk).first()
        in_default_language = page.locale_id == Locale.get_default().pk
        if record is None or (record.method == TranslationRecord.ORIGINAL and in_default_language):
            data = {}
        else:
            data = record.as_public_dict()
        cache.set(key, data, 60 * 60)
    if not data:
        return None
    return {**data, "label": str(dict(TranslationRecord.METHOD_CHOICES)[data["method"]])}
