"""How-it-works explainers: step-by-step process pages and their glossary."""

from decimal import Decimal

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Page, TranslatableMixin
from wagtail.search import index
from wagtail.snippets.blocks import SnippetChooserBlock
from wagtail_localize.fields import SynchronizedField

from cms.models import BasePage, SectionIndexPage
from cms.pagination import kept_rows
from cms.readability import reading_grade
from engagement import presentation
from engagement.blocks import ProcessStepBlock
from engagement.choices import split_codes
from engagement.forms import ProcessPageForm
from engagement.models.events import EventIndexPage
from engagement.models.fields import code_list_field
from engagement.models.occurrences import EventOccurrence
from engagement.text import process_text

RELATED_EVENT_COUNT = 5


class ProcessIndexPage(SectionIndexPage):
    """Plain-language explainers of city processes, at /<lang>/how-it-works/."""

    subpage_types = ["engagement.ProcessPage"]
    template = "engagement/process_index_page.html"

    class Meta:
        verbose_name = _("how-it-works index page")


class GlossaryTerm(TranslatableMixin, index.Indexed, models.Model):
    """A word used in city processes, with a plain-language definition."""

    term = models.CharField(_("term"), max_length=100)
    definition = models.TextField(_("plain-language definition"), max_length=500)

    panels = [FieldPanel("term"), FieldPanel("definition")]
    search_fields = [index.SearchField("term"), index.AutocompleteField("term")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("glossary term")
        verbose_name_plural = _("glossary terms")
        ordering = ["term"]

    def __str__(self):
        return self.term


class ProcessPage(BasePage):
    """A step-by-step explainer of a city process, in the style of GOV.UK's step by step."""

    intro = models.TextField(_("introduction"), max_length=800)
    process_owner = models.CharField(
        _("owner"),
        max_length=200,
        blank=True,
        help_text=_("The City office that keeps this explainer right."),
    )
    steps = StreamField([("step", ProcessStepBlock())], verbose_name=_("steps"))
    topics = code_list_field(_("topics"))
    glossary_terms = StreamField(
        [("term", SnippetChooserBlock("engagement.GlossaryTerm"))],
        blank=True,
        verbose_name=_("glossary terms"),
    )
    reading_grade = models.DecimalField(
        _("reading grade"),
        max_digits=4,
        decimal_places=1,
        null=True,
        blank=True,
        help_text=_(
            "US school grade needed to read the page (Flesch–Kincaid). Aim for 8 or "
            "lower. Worked out when the page is saved."
        ),
    )

    base_form_class = ProcessPageForm
    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("process_owner"),
        FieldPanel("steps"),
        FieldPanel("topics"),
        FieldPanel("glossary_terms"),
        FieldPanel("reading_grade", read_only=True),
    ]
    override_translatable_fields = [*BasePage.accountability_fields, SynchronizedField("topics")]
    search_fields = Page.search_fields + [
        index.SearchField("intro", boost=2),
        index.SearchField("steps"),
    ]
    api_fields = [
        APIField("intro"),
        APIField("process_owner"),
        APIField("steps"),
        APIField("topic_list"),
        APIField("reading_grade"),
        *BasePage.base_api_fields,
    ]

    parent_page_types = ["engagement.ProcessIndexPage"]
    subpage_types = []
    template = "engagement/process_page.html"

    class Meta:
        verbose_name = _("how-it-works page")

    @property
    def topic_list(self):
        return split_codes(self.topics)

    def plain_text(self):
        return process_text(self.intro, self.steps)

    def save(self, *args, **kwargs):
        if kwargs.get("update_fields") is None:
            locale = self.locale if self.locale_id else self.get_default_locale()
            grade = reading_grade(self.plain_text(), locale.language_code)
            self.reading_grade = Decimal(str(grade)) if grade is not None else None
        result = super().save(*args, **kwargs)
        if kwargs.get("update_fields") is None:
            self.refresh_step_links()
        return result

    def refresh_step_links(self):
        ProcessStepLink.objects.filter(process_id=self.pk).delete()
        links = []
        for number, step in self.numbered_steps():
            for page in step["pages"] or []:
                if page is not None:
                    links.append(
                        ProcessStepLink(
                            process_id=self.pk,
                            step_number=number,
                            step_title=step["title"],
                            page_translation_key=page.translation_key,
                        )
                    )
        ProcessStepLink.objects.bulk_create(links)

    def numbered_steps(self):
        """(number, step) pairs; steps joined by "and"/"or" share a number."""
        number = 0
        joined = False
        result = []
        for block in self.steps or []:
            if not joined:
                number += 1
            result.append((number, block.value))
            joined = bool(block.value.get("joined_to_next"))
        return result

    def related_events(self, limit=RELATED_EVENT_COUNT):
        """The next occurrences of live events about this process's topics.

        Kept per content change and minute (``cms.pagination.kept_rows``): a rare topic
        matches few of many occurrences, which the database finds only by reading them all.
        """
        if not self.topic_list:
            return []
        now = timezone.now().replace(second=0, microsecond=0)
        found = (
            EventOccurrence.objects.live()
            .for_locale(self.locale)
            .with_topics(self.topic_list)
            .not_cancelled()
            .with_event()
            .upcoming(now)
        )
        return kept_rows(found, 0, limit)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(
            presentation.process_page_context(
                self,
                request,
                related_events=self.related_events(),
                index=EventIndexPage.for_locale(self.locale),
            )
        )
        return context


class ProcessStepLink(models.Model):
    """Which content pages belong to which step of a process (for the step-by-step sidebar).

    Keyed by the linked page's translation key so every language finds its process.
    """

    process = models.ForeignKey(ProcessPage, on_delete=models.CASCADE, related_name="step_links")
    step_number = models.PositiveSmallIntegerField()
    step_title = models.CharField(max_length=200)
    page_translation_key = models.UUIDField(db_index=True)

    class Meta:
        ordering = ["step_number"]

    def __str__(self):
        return f"{self.process_id} step {self.step_number}"
