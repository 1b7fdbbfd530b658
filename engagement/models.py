"""Events, meetings and how-it-works explainers."""

import datetime as dt
import hashlib
import json
from decimal import Decimal

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.fields import StreamField
from wagtail.models import Locale, Page, TranslatableMixin
from wagtail.search import index
from wagtail.snippets.blocks import SnippetChooserBlock
from wagtail_localize.fields import SynchronizedField

from cms.blocks import RICH_TEXT_FEATURES, BodyStreamBlock, RichTextBlock
from cms.models import BasePage, SectionIndexPage
from district_councils.models import PublishedByCouncilEditors
from engagement import recurrence
from engagement.choices import (
    LANGUAGES,
    TOPICS,
    EventFormat,
    EventStatus,
    labels,
    split_codes,
)
from engagement.readability import reading_grade


class EventIndexPage(RoutablePageMixin, SectionIndexPage):
    """Upcoming events and public meetings, at /<lang>/events/.

    Gathers the events of the whole language tree: City events are its
    children, district council meetings live under each council's page.
    Routes (list, archive, month view, calendar feeds) are in ``engagement.views``.
    """

    subpage_types = ["engagement.EventPage"]
    template = "engagement/event_index_page.html"

    class Meta:
        verbose_name = _("event index page")

    @path("")
    def upcoming_view(self, request):
        from engagement import views

        return views.event_list(self, request)

    @path("past/")
    def past_view(self, request):
        from engagement import views

        return views.event_list(self, request, past=True)

    @path("month/")
    @re_path(r"^month/(?P<year>\d{4})-(?P<month>\d{1,2})/$")
    def month_view(self, request, year=None, month=None):
        from engagement import views

        return views.month_view(self, request, year, month)

    @path("calendar.ics/")
    def calendar_feed(self, request):
        from engagement import views

        return views.calendar_feed(self, request)

    @re_path(r"^calendar/council/(?P<number>[^/]+)\.ics/$")
    def council_feed(self, request, number):
        from engagement import views

        return views.calendar_feed(self, request, council=number)

    @re_path(r"^calendar/topic/(?P<topic>[^/]+)\.ics/$")
    def topic_feed(self, request, topic):
        from engagement import views

        return views.calendar_feed(self, request, topic=topic)

    @classmethod
    def for_locale(cls, locale):
        return cls.objects.live().filter(locale=locale).first()


class OccurrenceChangeBlock(blocks.StructBlock):
    original_date = blocks.DateBlock(
        label=_("Date of the occurrence"),
        help_text=_("The date this occurrence would normally fall on."),
    )
    status = blocks.ChoiceBlock(
        choices=[choice for choice in EventStatus.choices if choice[0] != "scheduled"],
        label=_("What changed"),
    )
    reason = blocks.CharBlock(max_length=300, required=False, label=_("Reason shown to visitors"))
    new_start = blocks.DateTimeBlock(required=False, label=_("New start (if rescheduled)"))
    new_end = blocks.DateTimeBlock(required=False, label=_("New end (if rescheduled)"))

    class Meta:
        icon = "date"
        label = _("Change to one occurrence")


class EventDocumentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Document"))
    title = blocks.CharBlock(max_length=200, required=False, label=_("Link text"))

    class Meta:
        icon = "doc-full"
        label = _("Document")


class CodeListFormMixin:
    """Edit comma-separated code fields (topics, languages) as checkboxes."""

    CODE_LISTS = ()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in self.CODE_LISTS:
            if isinstance(self.initial.get(name), str):
                self.initial[name] = split_codes(self.initial[name])

    def clean(self):
        cleaned = super().clean()
        for name in self.CODE_LISTS:
            cleaned[name] = ",".join(cleaned.get(name) or [])
        return cleaned


def _checkboxes(choices, label):
    return forms.MultipleChoiceField(choices=choices, required=False, label=label,
                                     widget=forms.CheckboxSelectMultiple)


class EventPageForm(CodeListFormMixin, WagtailAdminPageForm):
    CODE_LISTS = ("topics", "languages_spoken", "interpretation")
    topics = _checkboxes(TOPICS, _("Topics"))
    languages_spoken = _checkboxes(LANGUAGES, _("Languages spoken"))
    interpretation = _checkboxes(LANGUAGES, _("Interpretation offered"))

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start"), cleaned.get("end")
        if start and end and end < start:
            self.add_error("end", _("The end must be after the start."))
        return cleaned


class ProcessPageForm(CodeListFormMixin, WagtailAdminPageForm):
    CODE_LISTS = ("topics",)
    topics = _checkboxes(TOPICS, _("Topics"))


def _code_list_field(verbose_name):
    return models.CharField(verbose_name, max_length=200, blank=True)


class EventPage(PublishedByCouncilEditors, RoutablePageMixin, BasePage):
    """An event or public meeting, once or repeating."""

    summary = models.TextField(_("summary"), max_length=600)
    body = StreamField(BodyStreamBlock(), blank=True, verbose_name=_("body"))

    start = models.DateTimeField(_("start"))
    end = models.DateTimeField(_("end"))
    all_day = models.BooleanField(_("all day"), default=False)
    recurrence = models.CharField(
        _("repeat rule"), max_length=300, blank=True, validators=[recurrence.validate_rule],
        help_text=_("Leave empty for a one-off event. An iCalendar RRULE, e.g. "
                    "FREQ=MONTHLY;BYDAY=+2TU for the second Tuesday of every month."),
    )
    recurrence_description = models.CharField(
        _("repeat description"), max_length=200, blank=True,
        help_text=_("How visitors read the rule, e.g. “Second Tuesday of every month”."),
    )
    skipped_dates = models.TextField(
        _("dates with no meeting"), blank=True,
        help_text=_("One date a line (YYYY-MM-DD). These occurrences are left out."),
    )
    occurrence_changes = StreamField(
        [("change", OccurrenceChangeBlock())], blank=True,
        verbose_name=_("changes to single occurrences"),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=EventStatus.choices, default=EventStatus.SCHEDULED
    )
    status_reason = models.CharField(_("reason for the status"), max_length=300, blank=True)

    format = models.CharField(
        _("format"), max_length=20, choices=EventFormat.choices, default=EventFormat.IN_PERSON
    )
    venue_name = models.CharField(_("place"), max_length=200, blank=True)
    address = models.TextField(_("address"), blank=True)
    step_free_access = models.BooleanField(_("step-free access"), default=False)
    parking = models.CharField(_("parking"), max_length=300, blank=True)
    transit = models.CharField(_("transit"), max_length=300, blank=True)
    restrooms = models.CharField(_("restrooms"), max_length=300, blank=True)
    online_url = models.URLField(_("online meeting link"), blank=True)
    dial_in = models.CharField(_("dial-in"), max_length=200, blank=True)

    languages_spoken = _code_list_field(_("languages spoken"))
    interpretation = _code_list_field(_("interpretation offered"))
    accommodations = models.TextField(
        _("how to request accommodations"), blank=True,
        help_text=_("How and by when to ask for interpretation or other accommodations."),
    )
    childcare = models.BooleanField(_("childcare provided"), default=False)
    food = models.BooleanField(_("food provided"), default=False)
    registration_url = models.URLField(_("registration link"), blank=True)
    capacity = models.PositiveIntegerField(_("capacity"), null=True, blank=True)

    department = models.CharField(
        _("host department"), max_length=200, blank=True,
        help_text=_("For City events. Council meetings are hosted by the council they are "
                    "filed under."),
    )
    host_council = models.ForeignKey(
        "district_councils.DistrictCouncilPage", null=True, blank=True, editable=False,
        on_delete=models.SET_NULL, related_name="+", verbose_name=_("host council"),
    )
    topics = _code_list_field(_("topics"))

    agenda = models.ForeignKey(
        "wagtaildocs.Document", null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+", verbose_name=_("agenda"),
    )
    minutes = models.ForeignKey(
        "wagtaildocs.Document", null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+", verbose_name=_("minutes"),
    )
    recording_url = models.URLField(_("recording"), blank=True)
    documents = StreamField([("document", EventDocumentBlock())], blank=True,
                            verbose_name=_("other documents"))

    sequence = models.PositiveIntegerField(default=0, editable=False)
    schedule_fingerprint = models.CharField(max_length=64, blank=True, editable=False)

    base_form_class = EventPageForm
    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
                FieldPanel("all_day"),
                FieldPanel("recurrence"),
                FieldPanel("recurrence_description"),
                FieldPanel("skipped_dates"),
                FieldPanel("occurrence_changes"),
            ],
            heading=_("When"),
        ),
        MultiFieldPanel([FieldPanel("status"), FieldPanel("status_reason")],
                        heading=_("Status")),
        MultiFieldPanel(
            [
                FieldPanel("format"),
                FieldPanel("venue_name"),
                FieldPanel("address"),
                FieldPanel("step_free_access"),
                FieldPanel("parking"),
                FieldPanel("transit"),
                FieldPanel("restrooms"),
                FieldPanel("online_url"),
                FieldPanel("dial_in"),
            ],
            heading=_("Where"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("languages_spoken"),
                FieldPanel("interpretation"),
                FieldPanel("accommodations"),
                FieldPanel("childcare"),
                FieldPanel("food"),
                FieldPanel("registration_url"),
                FieldPanel("capacity"),
            ],
            heading=_("Taking part"),
        ),
        FieldPanel("department"),
        FieldPanel("topics"),
        FieldPanel("body"),
        MultiFieldPanel(
            [FieldPanel("agenda"), FieldPanel("minutes"), FieldPanel("recording_url"),
             FieldPanel("documents")],
            heading=_("Agenda, minutes and recording"),
        ),
    ]
    override_translatable_fields = [
        SynchronizedField("recurrence"),
        SynchronizedField("skipped_dates"),
        SynchronizedField("topics"),
        SynchronizedField("languages_spoken"),
        SynchronizedField("interpretation"),
        SynchronizedField("online_url"),
        SynchronizedField("registration_url"),
        SynchronizedField("recording_url"),
        SynchronizedField("dial_in"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary", boost=2),
        index.SearchField("body"),
        index.SearchField("venue_name"),
        index.FilterField("start"),
    ]
    api_fields = [
        APIField("summary"),
        APIField("body"),
        APIField("start"),
        APIField("end"),
        APIField("all_day"),
        APIField("recurrence"),
        APIField("recurrence_description"),
        APIField("status"),
        APIField("status_reason"),
        APIField("format"),
        APIField("place"),
        APIField("online_url"),
        APIField("dial_in"),
        APIField("languages_spoken_list"),
        APIField("interpretation_list"),
        APIField("accommodations"),
        APIField("childcare"),
        APIField("food"),
        APIField("registration_url"),
        APIField("capacity"),
        APIField("host"),
        APIField("topic_list"),
        APIField("upcoming_occurrences"),
        APIField("sequence"),
        *BasePage.base_api_fields,
    ]

    parent_page_types = ["engagement.EventIndexPage", "district_councils.DistrictCouncilPage"]
    subpage_types = []
    template = "engagement/event_page.html"

    class Meta:
        verbose_name = _("event page")

    # --- schedule ----------------------------------------------------------

    def clean(self):
        super().clean()
        try:
            recurrence.parse_dates(self.skipped_dates)
        except ValidationError as error:
            raise ValidationError({"skipped_dates": error}) from error
        if self.recurrence:
            self.recurrence = recurrence.normalise_rule(self.recurrence)
        if self.start and self.end and self.end < self.start:
            raise ValidationError({"end": _("The end must be after the start.")})

    def get_changes(self):
        changes = []
        for block in self.occurrence_changes or []:
            value = block.value
            if not value.get("original_date"):
                continue
            zone = recurrence.city_zone()
            new_start, new_end = value.get("new_start"), value.get("new_end")
            changes.append(
                recurrence.Change(
                    original_date=value["original_date"],
                    status=value.get("status") or EventStatus.CANCELLED,
                    reason=value.get("reason") or "",
                    new_start=timezone.make_aware(new_start, zone)
                    if new_start and timezone.is_naive(new_start) else new_start,
                    new_end=timezone.make_aware(new_end, zone)
                    if new_end and timezone.is_naive(new_end) else new_end,
                )
            )
        return changes

    def get_skipped_dates(self):
        try:
            return recurrence.parse_dates(self.skipped_dates)
        except ValidationError:
            return []

    def expand(self, horizon=None):
        start, end = self.start, self.end
        if self.all_day:
            zone = recurrence.city_zone()
            start = dt.datetime.combine(start.astimezone(zone).date(), dt.time(), zone)
            end = dt.datetime.combine(end.astimezone(zone).date(), dt.time(23, 59), zone)
        return recurrence.expand(
            start=start, end=end, rule=self.recurrence, exdates=self.get_skipped_dates(),
            changes=self.get_changes(), status=self.status, reason=self.status_reason,
            horizon=horizon,
        )

    def fingerprint(self):
        data = [
            str(self.start), str(self.end), self.all_day, self.recurrence, self.skipped_dates,
            json.dumps(self.occurrence_changes.get_prep_value() if self.occurrence_changes
                       else [], sort_keys=True, default=str),
            self.status, self.status_reason, self.format, self.venue_name, self.address,
            self.online_url, self.title, self.summary,
        ]
        return hashlib.sha256(json.dumps(data, default=str).encode()).hexdigest()

    def _parent_council_id(self):
        from district_councils.models import DistrictCouncilPage

        if not self.path or self.depth <= 1:
            return None
        parent_path = self.path[: -self.steplen]
        return (
            DistrictCouncilPage.objects.filter(path=parent_path)
            .values_list("pk", flat=True)
            .first()
        )

    def save(self, *args, **kwargs):
        if kwargs.get("update_fields") is None:
            self.host_council_id = self._parent_council_id()
            fingerprint = self.fingerprint()
            if self.pk:
                stored = (
                    EventPage.objects.filter(pk=self.pk)
                    .values_list("schedule_fingerprint", "sequence")
                    .first()
                )
                if stored and stored[0] and stored[0] != fingerprint:
                    self.sequence = max(self.sequence, stored[1] + 1)
            self.schedule_fingerprint = fingerprint
        return super().save(*args, **kwargs)

    def refresh_occurrences(self):
        """Rewrite this event's rows in the occurrence table (used by lists, feeds, API)."""
        EventOccurrence.objects.filter(event_id=self.pk).delete()
        languages = sorted(set(split_codes(self.languages_spoken))
                           | set(split_codes(self.interpretation)))
        common = {
            "event_id": self.pk,
            "locale_id": self.locale_id,
            "host_council_id": self.host_council_id,
            "format": self.format,
            "topics": f",{self.topics}," if self.topics else "",
            "languages": f",{','.join(languages)}," if languages else "",
            "all_day": self.all_day,
            "live": self.live,
        }
        EventOccurrence.objects.bulk_create(
            EventOccurrence(
                start=occurrence.start,
                end=occurrence.end,
                original_start=occurrence.original_start,
                status=occurrence.status,
                reason=occurrence.reason,
                changed=occurrence.changed,
                **common,
            )
            for occurrence in self.expand()
        )

    # --- presentation ------------------------------------------------------

    @property
    def is_recurring(self):
        return bool(self.recurrence)

    @cached_property
    def upcoming(self):
        now = timezone.now()
        return [occ for occ in self.expand() if occ.end >= now][:12]

    @property
    def upcoming_occurrences(self):
        return [
            {
                "start": occ.start.isoformat(),
                "end": occ.end.isoformat(),
                "status": occ.status,
                "reason": occ.reason,
                "original_start": occ.original_start.isoformat() if occ.original_start
                else None,
            }
            for occ in self.upcoming
        ]

    @property
    def topic_list(self):
        return split_codes(self.topics)

    @property
    def topic_labels(self):
        return labels(TOPICS, self.topic_list)

    @property
    def languages_spoken_list(self):
        return split_codes(self.languages_spoken)

    @property
    def interpretation_list(self):
        return split_codes(self.interpretation)

    @property
    def languages_spoken_labels(self):
        return labels(LANGUAGES, self.languages_spoken_list)

    @property
    def interpretation_labels(self):
        return labels(LANGUAGES, self.interpretation_list)

    @property
    def is_in_person(self):
        return self.format != EventFormat.ONLINE and self.status != EventStatus.MOVED_ONLINE

    @property
    def is_online(self):
        return self.format != EventFormat.IN_PERSON or self.status == EventStatus.MOVED_ONLINE

    @property
    def place(self):
        return {"name": self.venue_name, "address": self.address,
                "step_free_access": self.step_free_access, "parking": self.parking,
                "transit": self.transit, "restrooms": self.restrooms}

    @cached_property
    def host_page(self):
        if self.host_council_id:
            return self.host_council
        return None

    @property
    def host_name(self):
        if self.host_page is not None:
            return self.host_page.title
        return self.department or str(_("City of Saint Paul"))

    @property
    def host(self):
        page = self.host_page
        return {
            "name": self.host_name,
            "council": page.district_number if page is not None else None,
            "url": page.get_full_url() if page is not None else None,
        }

    def get_context(self, request, *args, **kwargs):
        from engagement import views

        context = super().get_context(request, *args, **kwargs)
        context.update(views.event_page_context(self, request))
        return context

    @path("")
    def event_view(self, request):
        return self.render(request)

    @path("event.ics/")
    def ics_view(self, request):
        from engagement import views

        return views.event_ics(self, request)

    @path("flyer/")
    def flyer_view(self, request):
        from engagement import views

        return views.event_flyer(self, request)


class EventOccurrence(models.Model):
    """One occurrence of an event, expanded ahead of time so lists and feeds are fast.

    Rows are rewritten whenever the event page is saved (publishing, aliases
    updated by wagtail-localize); filter fields are copied from the event.
    """

    event = models.ForeignKey(EventPage, on_delete=models.CASCADE, related_name="occurrences")
    locale = models.ForeignKey(Locale, on_delete=models.CASCADE, related_name="+")
    start = models.DateTimeField()
    end = models.DateTimeField()
    original_start = models.DateTimeField(null=True, blank=True)
    status = models.CharField(max_length=20, choices=EventStatus.choices)
    reason = models.CharField(max_length=300, blank=True)
    changed = models.BooleanField(default=False)
    all_day = models.BooleanField(default=False)
    live = models.BooleanField(default=True)  # copy of the page's, so lists need no join
    host_council = models.ForeignKey(
        "district_councils.DistrictCouncilPage", null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )
    format = models.CharField(max_length=20, choices=EventFormat.choices)
    topics = models.CharField(max_length=220, blank=True)
    languages = models.CharField(max_length=220, blank=True)

    class Meta:
        ordering = ["start", "pk"]
        indexes = [
            models.Index(fields=["locale", "start"], name="engagement_occ_locale_start"),
            models.Index(fields=["locale", "end"], name="engagement_occ_locale_end"),
        ]

    def __str__(self):
        return f"{self.event_id} @ {self.start.isoformat()}"

    @property
    def is_cancelled(self):
        return self.status == EventStatus.CANCELLED

    def get_status_display_if_changed(self):
        return "" if self.status == EventStatus.SCHEDULED else self.get_status_display()


# --- how-it-works explainers ----------------------------------------------


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


class ProcessStepBlock(blocks.StructBlock):
    title = blocks.CharBlock(max_length=200, label=_("Step"))
    what_happens = RichTextBlock(features=RICH_TEXT_FEATURES, label=_("What happens"))
    who_decides = blocks.CharBlock(max_length=200, required=False, label=_("Who decides"))
    duration = blocks.CharBlock(max_length=100, required=False, label=_("Typical duration"))
    your_say = RichTextBlock(features=RICH_TEXT_FEATURES, required=False, label=_("Your say"),
                             help_text=_("What a resident can do at this step."))
    actions = blocks.MultipleChoiceBlock(
        choices=[("comment", _("Comment")), ("testify", _("Testify")),
                 ("attend", _("Attend")), ("contact", _("Contact"))],
        required=False, label=_("Ways to take part"),
    )
    pages = blocks.ListBlock(blocks.PageChooserBlock(), required=False, default=[],
                             label=_("Pages about this step"))
    joined_to_next = blocks.ChoiceBlock(
        choices=[("", _("Next step follows")), ("and", _("And")), ("or", _("Or"))],
        required=False, default="", label=_("Link to the next step"),
        help_text=_("“And” or “or” keeps the next step under the same number."),
    )

    class Meta:
        icon = "list-ol"
        label = _("Step")


class ProcessPage(BasePage):
    """A step-by-step explainer of a city process, in the style of GOV.UK's step by step."""

    intro = models.TextField(_("introduction"), max_length=800)
    process_owner = models.CharField(_("owner"), max_length=200, blank=True,
                             help_text=_("The City office that keeps this explainer right."))
    steps = StreamField([("step", ProcessStepBlock())], verbose_name=_("steps"))
    topics = _code_list_field(_("topics"))
    glossary_terms = StreamField(
        [("term", SnippetChooserBlock("engagement.GlossaryTerm"))], blank=True,
        verbose_name=_("glossary terms"),
    )
    reading_grade = models.DecimalField(
        _("reading grade"), max_digits=4, decimal_places=1, null=True, blank=True,
        help_text=_("US school grade needed to read the page (Flesch–Kincaid). Aim for 8 or "
                    "lower. Worked out when the page is saved."),
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
    override_translatable_fields = [SynchronizedField("topics")]
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
        parts = [self.intro]
        for block in self.steps or []:
            value = block.value
            parts.append(value["title"] + ".")
            for name in ("what_happens", "your_say"):
                if value.get(name):
                    parts.append(value[name].source)
        return "\n\n".join(parts)

    def save(self, *args, **kwargs):
        if kwargs.get("update_fields") is None:
            grade = reading_grade(self.plain_text())
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
                    links.append(ProcessStepLink(process_id=self.pk, step_number=number,
                                                 step_title=step["title"],
                                                 page_translation_key=page.translation_key))
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

    def get_context(self, request, *args, **kwargs):
        from engagement import views

        context = super().get_context(request, *args, **kwargs)
        context.update(views.process_page_context(self, request))
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

