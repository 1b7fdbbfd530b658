"""Reading event filters from a query string, shared by the events pages and the API.

``EventFilters`` is applied with ``EventOccurrence.objects.filtered(filters)``.
Bad values raise ``FilterError`` (the input toolkit's ``ParameterError``) with a message in
the visitor's language; callers answer 400 with it.
"""

import datetime as dt
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from cms.api.params import ParameterError, date_value
from cms.pagination import kept_rows
from cms.visibility import visible_pages
from district_councils.models import DistrictCouncilPage
from engagement.choices import LANGUAGES, TOPICS, EventFormat
from engagement.recurrence import city_zone

# The toolkit's error: the API answers it as a JSON 400, the pages as a 400 page.
FilterError = ParameterError


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


def councils_for_locale(locale):
    """The councils a visitor may filter by: a private council's name is not offered."""
    # Every events list and feed offers them: kept per content change (``kept_rows``).
    return kept_rows(
        visible_pages(None, DistrictCouncilPage.objects.live())
        .filter(locale=locale)
        .order_by("district_number")
        .only("id", "title", "district_number", "locale_id", "alias_of_id")
    )


def parse_filters(params, locale, *, council_param="council", from_param="from", to_param="to"):
    """EventFilters from a QueryDict, or FilterError."""
    filters = EventFilters(councils=councils_for_locale(locale))
    filters.date_from = date_value(params, from_param, allow_empty=True)
    filters.date_to = date_value(params, to_param, allow_empty=True)
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
