"""Event pages and the events index (a routable page: lists, month view, feeds).

Routes hand requests to ``engagement.views`` through ``cms.routing``;
page contexts come from ``engagement.presentation``. This module imports neither
the views nor the filters. A little over 400 lines: most of it is the event
page's field declarations and editor panels; the schedule is in ``schedule``.
"""

from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from rest_framework import serializers

from cms import routing
from cms.blocks import BodyStreamBlock, DocumentLinkBlock
from cms.models import BasePage, SectionIndexPage
from cms.sections import kept
from cms.site import city_name
from district_councils.queries import host_council
from district_councils.workflows import PublishedByCouncilEditors
from engagement import presentation, recurrence
from engagement.blocks import OccurrenceChangeBlock
from engagement.choices import LANGUAGES, TOPICS, EventFormat, EventStatus, labels, split_codes
from engagement.forms import EventPageForm
from engagement.hosts import city_organisation
from engagement.models.fields import code_list_field
from engagement.models.schedule import EventScheduleMixin


class EventIndexPage(RoutablePageMixin, SectionIndexPage):
    """Upcoming events and public meetings, at /<lang>/events/.

    Gathers the events of the whole language tree: City events are its
    children, district council meetings live under each council's page.
    Routes (list, archive, month view, calendar feeds) are served by
    ``engagement.views``, through ``cms.routing``.
    """

    subpage_types = ["engagement.EventPage"]
    template = "engagement/event_index_page.html"

    class Meta:
        verbose_name = _("event index page")

    @path("")
    def upcoming_view(self, request):
        return routing.dispatch("event_list", self, request)

    @path("past/")
    def past_view(self, request):
        return routing.dispatch("event_list", self, request, past=True)

    @path("month/")
    @re_path(r"^month/(?P<year>\d{4})-(?P<month>\d{1,2})/$")
    def month_view(self, request, year=None, month=None):
        return routing.dispatch("month_view", self, request, year=year, month=month)

    @path("calendar.ics/")
    def calendar_feed(self, request):
        return routing.dispatch("calendar_feed", self, request)

    @re_path(r"^calendar/council/(?P<number>[^/]+)\.ics/$")
    def council_feed(self, request, number):
        return routing.dispatch("calendar_feed", self, request, council=number)

    @re_path(r"^calendar/topic/(?P<topic>[^/]+)\.ics/$")
    def topic_feed(self, request, topic):
        return routing.dispatch("calendar_feed", self, request, topic=topic)

    @classmethod
    def for_locale(cls, locale):
        """The language's events index, kept per content change (``cms.sections.kept``):
        every event and explainer links to it."""
        return kept(lambda: cls.objects.live().filter(locale=locale).first(), "events", locale.pk)


class EventPage(EventScheduleMixin, PublishedByCouncilEditors, RoutablePageMixin, BasePage):
    """An event or public meeting, once or repeating."""

    summary = models.TextField(_("summary"), max_length=600)
    body = StreamField(BodyStreamBlock(), blank=True, verbose_name=_("body"))

    start = models.DateTimeField(_("start"))
    end = models.DateTimeField(_("end"))
    all_day = models.BooleanField(_("all day"), default=False)
    recurrence = models.CharField(
        _("repeat rule"),
        max_length=300,
        blank=True,
        validators=[recurrence.validate_rule],
        help_text=_(
            "Leave empty for a one-off event. An iCalendar RRULE, e.g. "
            "FREQ=MONTHLY;BYDAY=+2TU for the second Tuesday of every month."
        ),
    )
    recurrence_description = models.CharField(
        _("repeat description"),
        max_length=200,
        blank=True,
        help_text=_("How visitors read the rule, e.g. “Second Tuesday of every month”."),
    )
    skipped_dates = models.TextField(
        _("dates with no meeting"),
        blank=True,
        help_text=_("One date a line (YYYY-MM-DD). These occurrences are left out."),
    )
    occurrence_changes = StreamField(
        [("change", OccurrenceChangeBlock())],
        blank=True,
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

    languages_spoken = code_list_field(_("languages spoken"))
    interpretation = code_list_field(_("interpretation offered"))
    accommodations = models.TextField(
        _("how to request accommodations"),
        blank=True,
        help_text=_("How and by when to ask for interpretation or other accommodations."),
    )
    childcare = models.BooleanField(_("childcare provided"), default=False)
    food = models.BooleanField(_("food provided"), default=False)
    registration_url = models.URLField(_("registration link"), blank=True)
    capacity = models.PositiveIntegerField(_("capacity"), null=True, blank=True)

    department = models.CharField(
        _("host department"),
        max_length=200,
        blank=True,
        help_text=_(
            "For City events. Council meetings are hosted by the council they are filed under."
        ),
    )
    host_council = models.ForeignKey(
        "district_councils.DistrictCouncilPage",
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("host council"),
    )
    topics = code_list_field(_("topics"))

    agenda = models.ForeignKey(
        "wagtaildocs.Document",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("agenda"),
    )
    minutes = models.ForeignKey(
        "wagtaildocs.Document",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("minutes"),
    )
    recording_url = models.URLField(_("recording"), blank=True)
    documents = StreamField(
        [("document", DocumentLinkBlock())], blank=True, verbose_name=_("other documents")
    )

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
        MultiFieldPanel([FieldPanel("status"), FieldPanel("status_reason")], heading=_("Status")),
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
            [
                FieldPanel("agenda"),
                FieldPanel("minutes"),
                FieldPanel("recording_url"),
                FieldPanel("documents"),
            ],
            heading=_("Agenda, minutes and recording"),
        ),
    ]
    override_translatable_fields = [
        *BasePage.accountability_fields,
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
        # A series' first occurrence, which is what iCalendar's DTSTART means.
        APIField("start", serializer=serializers.DateTimeField(source="series_start")),
        APIField("end", serializer=serializers.DateTimeField(source="series_end")),
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

    def _host_council_id(self):
        if not self.path or self.depth <= 1:
            return None
        council = host_council(self)
        return council.pk if council else None

    def save(self, *args, **kwargs):
        if kwargs.get("update_fields") is None:
            self.host_council_id = self._host_council_id()
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

    # --- presentation ------------------------------------------------------

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
        return {
            "name": self.venue_name,
            "address": self.address,
            "step_free_access": self.step_free_access,
            "parking": self.parking,
            "transit": self.transit,
            "restrooms": self.restrooms,
        }

    @cached_property
    def host_page(self):
        if self.host_council_id:
            return self.host_council
        return None

    @property
    def host_name(self):
        return self.get_host_name()

    def get_host_name(self, request=None):
        """The host council's name, the department, or “City of <city>”."""
        if self.host_page is not None:
            return self.host_page.title
        return self.department or city_organisation(request)

    @property
    def host(self):
        page = self.host_page
        return {
            "name": self.host_name,
            "council": page.district_number if page is not None else None,
            "url": page.get_full_url() if page is not None else None,
        }

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(
            presentation.event_page_context(
                self,
                request,
                index=EventIndexPage.for_locale(self.locale),
                city=city_name(request),
            )
        )
        return context

    @path("")
    def event_view(self, request):
        return self.render(request)

    @path("event.ics/")
    def ics_view(self, request):
        return routing.dispatch("event_ics", self, request)

    @path("flyer/")
    def flyer_view(self, request):
        return routing.dispatch("event_flyer", self, request)
