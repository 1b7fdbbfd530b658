"""The occurrence table and the one query set every list, feed, teaser and the API use."""

from django.db import models
from django.db.models import Q
from django.utils import timezone

from wagtail.models import Locale

from cms.visibility import hidden_pages_q
from district_councils.models import HEAVY_COUNCIL_FIELDS
from engagement.choices import EventFormat, EventStatus


class OccurrenceQuerySet(models.QuerySet):
    """Occurrences, narrowed step by step: ``.live().for_locale(l).upcoming()``.

    ``filtered()`` takes an ``engagement.filters.EventFilters`` (or anything with
    the same attributes); this module does not import it.
    """

    def live(self, user=None):
        """Occurrences of published events that ``user`` (None: the public) may see, by
        the one visibility rule: no list, feed, teaser or API shows a private event."""
        queryset = self.filter(live=True)
        hidden = hidden_pages_q(user, prefix="event__")
        return queryset.exclude(hidden) if hidden else queryset

    def for_locale(self, locale):
        return self.filter(locale=locale)

    def with_event(self):
        """Fetch each occurrence's event and host council in the same query."""
        return self.select_related("event", "host_council").defer(
            "event__body",
            "event__documents",
            "event__occurrence_changes",
            *(f"host_council__{field}" for field in HEAVY_COUNCIL_FIELDS),  # named, not shown
        )

    def ending_after(self, moment):
        return self.filter(end__gte=moment)

    def upcoming(self, now=None):
        """Not yet over, soonest first."""
        return self.ending_after(now or timezone.now()).order_by("start", "pk")

    def past(self, now=None):
        """Over, most recent first (the archive)."""
        return self.filter(end__lt=now or timezone.now()).order_by("-start", "-pk")

    def in_window(self, start=None, end=None):
        """Overlapping the datetimes [start, end); either end may be open."""
        queryset = self
        if start is not None:
            queryset = queryset.filter(end__gte=start)
        if end is not None:
            queryset = queryset.filter(start__lt=end)
        return queryset

    def with_topics(self, topics):
        """About any of ``topics`` (none when there are none)."""
        query = Q()
        for topic in topics:
            query |= Q(topics__contains=f",{topic},")
        return self.filter(query) if topics else self.none()

    def not_cancelled(self):
        return self.exclude(status=EventStatus.CANCELLED)

    def filtered(self, filters):
        """Narrowed by the visitor's filters: date range, council, topic, format, language."""
        if filters is None:
            return self
        queryset = self.in_window(*filters.window())
        if filters.council is not None:
            queryset = queryset.filter(host_council=filters.council)
        if filters.topic:
            queryset = queryset.filter(topics__contains=f",{filters.topic},")
        if filters.format:
            queryset = queryset.filter(format=filters.format)
        if filters.language:
            queryset = queryset.filter(languages__contains=f",{filters.language},")
        return queryset

    def listing(self, locale, filters=None, *, past=False, now=None):
        """What the events list and the API show: live occurrences in ``locale``.

        Upcoming ones soonest first, unless the filters start at a date (then
        everything from that date); with ``past``, the archive.
        """
        queryset = self.live().for_locale(locale).with_event().filtered(filters)
        if past:
            return queryset.past(now)
        if filters is None or not filters.date_from:
            return queryset.upcoming(now)
        return queryset.order_by("start", "pk")


class EventOccurrence(models.Model):
    """One occurrence of an event, expanded ahead of time so lists and feeds are fast.

    Rows are rewritten whenever the event page is saved (publishing, aliases
    updated by wagtail-localize); filter fields are copied from the event.
    """

    event = models.ForeignKey(
        "engagement.EventPage", on_delete=models.CASCADE, related_name="occurrences"
    )
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
        "district_councils.DistrictCouncilPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    format = models.CharField(max_length=20, choices=EventFormat.choices)
    topics = models.CharField(max_length=220, blank=True)
    languages = models.CharField(max_length=220, blank=True)

    objects = OccurrenceQuerySet.as_manager()

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
