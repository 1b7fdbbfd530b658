"""Reading event filters from a query string, shared by the events pages and the API.

``EventFilters`` is applied with ``EventOccurrence.objects.filtered(filters)``.
Bad values raise ``FilterError`` with a message in the visitor's language;
callers answer 400 with it.
"""

import datetime as dt
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from district_councils.models import DistrictCouncilPage
from engagement.choices import LANGUAGES, TOPICS, EventFormat
from engagement.models import EventOccurrence
from engagement.recurrence import city_zone


class FilterError(ValueError):
    def __init__(self, message):
        super().__init__(message)
        self.message = message


@dataclass
class EventFilters:
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    council: object = None  # DistrictCouncilPage
    topic: str = ""
    format: str = ""
    language: str = ""
    councils: list = field(default_factory=list)

    @property
    def active(self):
        return any(
            [self.date_from, self.date_to, self.council, self.topic, self.format, self.language]
        )

    def window(self):
        """The [start, end) datetimes of the date range, in the city's zone."""
        zone = city_zone()
        start = dt.datetime.combine(self.date_from, dt.time(), zone) if self.date_from else None
        end = (
            dt.datetime.combine(self.date_to + dt.timedelta(days=1), dt.time(), zone)
            if self.date_to
            else None
        )
        return start, end


def parse_date(value, name):
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise FilterError(
            _(
                "“%(value)s” is not a valid date for “%(name)s”. Use the form YYYY-MM-DD, "
                "for example 2026-03-10."
            )
            % {"value": value, "name": name}
        ) from None


def councils_for_locale(locale):
    return list(
        DistrictCouncilPage.objects.live()
        .filter(locale=locale)
        .order_by("district_number")
        .only("id", "title", "district_number", "locale_id")
    )


def parse_filters(params, locale, *, council_param="council", from_param="from", to_param="to"):
    """EventFilters from a QueryDict, or FilterError."""
    filters = EventFilters(councils=councils_for_locale(locale))
    if value := params.get(from_param, "").strip():
        filters.date_from = parse_date(value, from_param)
    if value := params.get(to_param, "").strip():
        filters.date_to = parse_date(value, to_param)
    if filters.date_from and filters.date_to and filters.date_to < filters.date_from:
        raise FilterError(_("The end date (“to”) is before the start date (“from”)."))
    if value := params.get(council_param, "").strip():
        by_number = {str(council.district_number): council for council in filters.councils}
        if value not in by_number:
            raise FilterError(
                _("There is no district council “%(value)s”. Choose a council number from 1 to 17.")
                % {"value": value}
            )
        filters.council = by_number[value]
    if value := params.get("topic", "").strip():
        if value not in dict(TOPICS):
            raise FilterError(_("Unknown topic “%(value)s”.") % {"value": value})
        filters.topic = value
    if value := params.get("format", "").strip():
        if value not in EventFormat.values:
            raise FilterError(
                _("Unknown format “%(value)s”. Use in_person, online or hybrid.") % {"value": value}
            )
        filters.format = value
    if value := params.get("language", "").strip():
        if value not in dict(LANGUAGES):
            raise FilterError(_("Unknown language “%(value)s”.") % {"value": value})
        filters.language = value
    return filters


def occurrences(locale, filters=None, *, past=False, now=None):
    """Occurrences of live events in ``locale`` (upcoming, or past for the archive).

    Kept for callers outside the app; it is ``EventOccurrence.objects.listing``.
    """
    return EventOccurrence.objects.listing(locale, filters, past=past, now=now)


def parse_page_number(value):
    if value in (None, ""):
        return 1
    try:
        number = int(value)
    except ValueError:
        number = 0
    if number < 1:
        raise FilterError(
            _("“%(value)s” is not a page number. Use a whole number from 1.") % {"value": value}
        )
    return number
