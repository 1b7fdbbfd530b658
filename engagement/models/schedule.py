"""The schedule side of event pages: expanding the repeat rule, and the occurrence table.

``EventScheduleMixin`` is mixed into ``EventPage``; the rule arithmetic itself
is in ``engagement.recurrence``.
"""

import datetime as dt
import hashlib
import json

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from engagement import recurrence
from engagement.choices import EventStatus, split_codes
from engagement.models.occurrences import EventOccurrence

UPCOMING_COUNT = 12


class EventScheduleMixin:
    """Occurrences of an event page from its start, end, rule, skipped dates and changes."""

    def clean(self):
        super().clean()
        try:
            recurrence.parse_dates(self.skipped_dates)
        except ValidationError as error:
            raise ValidationError({"skipped_dates": error}) from error
        if self.recurrence:
            self.recurrence = recurrence.normalise_rule(self.recurrence)
            if self.start:
                try:
                    recurrence.validate_start(self.start, self.recurrence)
                except ValidationError as error:
                    raise ValidationError({"start": error}) from error
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
                    if new_start and timezone.is_naive(new_start)
                    else new_start,
                    new_end=timezone.make_aware(new_end, zone)
                    if new_end and timezone.is_naive(new_end)
                    else new_end,
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
            start=start,
            end=end,
            rule=self.recurrence,
            exdates=self.get_skipped_dates(),
            changes=self.get_changes(),
            status=self.status,
            reason=self.status_reason,
            horizon=horizon,
        )

    def fingerprint(self):
        data = [
            str(self.start),
            str(self.end),
            self.all_day,
            self.recurrence,
            self.skipped_dates,
            json.dumps(
                self.occurrence_changes.get_prep_value() if self.occurrence_changes else [],
                sort_keys=True,
                default=str,
            ),
            self.status,
            self.status_reason,
            self.format,
            self.venue_name,
            self.address,
            self.online_url,
            self.title,
            self.summary,
        ]
        return hashlib.sha256(json.dumps(data, default=str).encode()).hexdigest()

    def refresh_occurrences(self):
        """Rewrite this event's rows in the occurrence table (used by lists, feeds, API)."""
        EventOccurrence.objects.filter(event_id=self.pk).delete()
        languages = sorted(
            set(split_codes(self.languages_spoken)) | set(split_codes(self.interpretation))
        )
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

    def series_bounds(self):
        """Start and end of the first occurrence: what a feed gives as DTSTART and DTEND.

        Validation keeps ``start`` a date the rule gives; this also holds for a page
        saved before that rule was checked.
        """
        first = recurrence.first_occurrence(self.start, self.recurrence) or self.start
        return first, first + (self.end - self.start)

    @property
    def series_start(self):
        return self.series_bounds()[0]

    @property
    def series_end(self):
        return self.series_bounds()[1]

    @property
    def is_recurring(self):
        return bool(self.recurrence)

    @cached_property
    def upcoming(self):
        now = timezone.now()
        return [occ for occ in self.expand() if occ.end >= now][:UPCOMING_COUNT]

    @property
    def upcoming_occurrences(self):
        return [
            {
                "start": occ.start.isoformat(),
                "end": occ.end.isoformat(),
                "status": occ.status,
                "reason": occ.reason,
                "original_start": occ.original_start.isoformat() if occ.original_start else None,
            }
            for occ in self.upcoming
        ]
