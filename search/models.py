"""Search data editors manage (synonyms), extracted document text, and the query log."""

import re

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index


def normalise_query(query):
    """Lower case, single spaces: "  Trash   PICKUP " and "trash pickup" count as one query."""
    return re.sub(r"\s+", " ", query).strip().lower()[:200]


class Synonym(TranslatableMixin, models.Model):
    """A word residents use, and the words the site's content uses for the same thing."""

    term = models.CharField(
        _("when someone searches for"),
        max_length=100,
        help_text=_("A word or short phrase, e.g. “garbage”."),
    )
    synonyms = models.CharField(
        _("also search for"),
        max_length=500,
        help_text=_("Comma-separated, e.g. “trash, 311”."),
    )

    panels = [FieldPanel("term"), FieldPanel("synonyms")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("search synonym")
        verbose_name_plural = _("search synonyms")
        ordering = ["term"]

    def __str__(self):
        return f"{self.term} → {self.synonyms}"

    def synonym_list(self):
        return [word.strip() for word in self.synonyms.split(",") if word.strip()]


class DocumentText(index.Indexed, models.Model):
    """The text of an uploaded document (PDF), kept next to Wagtail's document model.

    Extracted when the document is uploaded or its file changes; indexed so the
    text of agendas and minutes is searchable. ``collection`` mirrors the
    document's collection so private collections can be filtered in the index.
    """

    document = models.OneToOneField(
        "wagtaildocs.Document", on_delete=models.CASCADE, related_name="search_text"
    )
    title = models.CharField(_("title"), max_length=255)
    text = models.TextField(_("text"), blank=True)
    collection = models.ForeignKey(
        "wagtailcore.Collection", on_delete=models.CASCADE, related_name="+"
    )
    file_hash = models.CharField(max_length=40, blank=True)

    search_fields = [
        index.SearchField("title", boost=2),
        index.SearchField("text"),
        index.AutocompleteField("title"),
        index.FilterField("collection"),
    ]

    class Meta:
        verbose_name = _("document")
        verbose_name_plural = _("documents")

    def __str__(self):
        return self.title


class QueryDay(models.Model):
    """How often a query was searched in one language on one day. No personal data."""

    query = models.CharField(_("query"), max_length=200)
    language = models.CharField(_("language"), max_length=12)
    date = models.DateField(_("date"))
    searches = models.PositiveIntegerField(_("searches"), default=0)
    zero_results = models.PositiveIntegerField(_("searches with no results"), default=0)
    clicks = models.PositiveIntegerField(_("clicks on a result"), default=0)

    class Meta:
        verbose_name = _("search query")
        verbose_name_plural = _("search queries")
        constraints = [
            models.UniqueConstraint(fields=["query", "language", "date"], name="unique_query_day")
        ]
        indexes = [models.Index(fields=["date", "language"])]

    def __str__(self):
        return f"{self.query} ({self.language}, {self.date})"
