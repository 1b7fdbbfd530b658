"""iCalendar (RFC 5545) feeds built with the ``icalendar`` library.

One VEVENT per event with its RRULE and EXDATEs; each changed occurrence is a
further VEVENT with the same UID and a RECURRENCE-ID (STATUS:CANCELLED when
it is cancelled). UIDs come from the page's translation key, so they never
change when a page is renamed or moved, and SEQUENCE goes up when it changes.
SUMMARY, DESCRIPTION and LOCATION carry a LANGUAGE parameter when the event's text is
not in the feed's language (an untranslated event shows its source's text).
"""

import datetime as dt
import functools
import re
from urllib.parse import urlsplit

from django.conf import settings
from django.utils import timezone
from django.utils.translation import get_language

from icalendar import Calendar, Event, Timezone, vRecur

from cms.pagination import kept_rows
from cms.sections import kept_each
from cms.text_language import page_language
from engagement.choices import EventStatus
from engagement.hosts import city_organisation
from engagement.presentation import location_for
from engagement.recurrence import city_zone, normalise_rule

TZID = re.compile(rb";TZID=([^:;]+)[:;]")
ICAL_STATUS = {
    EventStatus.SCHEDULED: "CONFIRMED",
    EventStatus.RESCHEDULED: "CONFIRMED",
    EventStatus.MOVED_ONLINE: "CONFIRMED",
    EventStatus.POSTPONED: "TENTATIVE",
    EventStatus.CANCELLED: "CANCELLED",
}


def uid_for(event):
    host = urlsplit(settings.WAGTAILADMIN_BASE_URL).hostname or "localhost"
    return f"{event.translation_key}@{host}"


def _rule_for_ical(event, zone):
    rule = vRecur.from_ical(normalise_rule(event.recurrence))
    if "UNTIL" in rule:
        until = rule["UNTIL"][0]
        if isinstance(until, dt.datetime):
            local = until if until.tzinfo else until.replace(tzinfo=zone)
        else:
            local = dt.datetime.combine(until, dt.time(23, 59, 59), zone)
        rule["UNTIL"] = [
            until
            if event.all_day and not isinstance(until, dt.datetime)
            else local.astimezone(dt.UTC)
        ]
    return rule


def text_parameters(event):
    """``LANGUAGE`` for the event's own text where it differs from the feed's language."""
    language = page_language(event)
    return {"LANGUAGE": language} if language and language != get_language() else {}


def _base_component(event, request, stamp):
    component = Event()
    component.add("uid", uid_for(event))
    component.add("dtstamp", stamp)
    component.add("sequence", event.sequence)
    component.add("summary", event.title, parameters=text_parameters(event))
    url = event.get_full_url(request)
    description = event.summary
    if url:
        component.add("url", url)
        description = f"{description}\n\n{url}"
    component.add("description", description, parameters=text_parameters(event))
    # With a request, the city's name is read once per request, not per event.
    host_name = event.get_host_name(request)
    if host_name:
        component.add(
            "organizer",
            f"MAILTO:noreply@{uid_for(event).split('@')[1]}",
            parameters={"CN": host_name},
        )
    return component


def _add_times(component, event, start, end):
    zone = city_zone()
    if event.all_day:
        component.add("dtstart", start.astimezone(zone).date())
        component.add("dtend", end.astimezone(zone).date() + dt.timedelta(days=1))
    else:
        component.add("dtstart", start.astimezone(zone))
        component.add("dtend", end.astimezone(zone))


def event_components(event, request=None):
    """The VEVENTs for one event page: the series and each changed occurrence."""
    zone = city_zone()
    stamp = (event.last_published_at or timezone.now()).astimezone(dt.UTC)
    master = _base_component(event, request, stamp)
    # DTSTART is the series' first occurrence (RFC 5545 counts it as one).
    _add_times(master, event, *event.series_bounds())
    master.add("status", ICAL_STATUS.get(event.status, "CONFIRMED"))
    if location := location_for(event, event.status):
        master.add("location", location, parameters=text_parameters(event))
    components = [master]
    if not event.is_recurring:
        return components
    master.add("rrule", _rule_for_ical(event, zone))
    local_time = event.series_bounds()[0].astimezone(zone).time()
    skipped = event.get_skipped_dates()
    if skipped:
        if event.all_day:
            master.add("exdate", skipped)
        else:
            master.add("exdate", [dt.datetime.combine(day, local_time, zone) for day in skipped])
    if not event.get_changes():
        return components  # no occurrence of its own: the rule says it all, no expansion
    for occurrence in event.expand():
        if not occurrence.changed:
            continue
        component = _base_component(event, request, stamp)
        if event.all_day:
            component.add("recurrence-id", occurrence.original_start.date())
        else:
            component.add("recurrence-id", occurrence.original_start)
        _add_times(component, event, occurrence.start, occurrence.end)
        component.add("status", ICAL_STATUS.get(occurrence.status, "CONFIRMED"))
        if occurrence.reason:
            description = f"{occurrence.reason}\n\n{component.pop('description')}"
            component.add("description", description, parameters=text_parameters(event))
        if location := location_for(event, occurrence.status):
            component.add("location", location, parameters=text_parameters(event))
        components.append(component)
    return components


def _calendar(name, request):
    calendar = Calendar()
    calendar.add(
        "prodid", f"-//{city_organisation(request, translate=False)}//Community Portal//EN"
    )
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", settings.TIME_ZONE)
    return calendar


@functools.cache
def _timezone_text(tzid):
    """A VTIMEZONE as text: the same for every feed, and costly to build."""
    return Timezone.from_tzid(tzid).to_ical()


def _event_text(event, request):
    return b"".join(component.to_ical() for component in event_components(event, request))


def _assemble(calendar, texts):
    """The calendar with the events' text inside, after the VTIMEZONE of each zone they name."""
    body = b"".join(texts)
    zones = sorted({match.decode() for match in TZID.findall(body)})
    end = b"END:VCALENDAR\r\n"
    head = calendar.to_ical()
    return head.removesuffix(end) + b"".join(map(_timezone_text, zones)) + body + end


def build_calendar(events, *, name, request=None):
    """A calendar of ``events`` (pages), built as they are now (one event, a preview)."""
    return _assemble(_calendar(name, request), [_event_text(event, request) for event in events])


def build_feed(events, *, name, request):
    """A subscription calendar of the ``events`` queryset, in its order.

    The list and each event's text are kept per content change (``cms.sections``): finding
    the events means reading their occurrences, and building and folding VEVENTs is most of
    a feed's cost. Between changes a request builds nothing, and each council's and topic's
    feed reuses the texts the all-events feed built (the query, and its key, hold all day).
    """
    order = kept_rows(events.values_list("pk", flat=True))

    def build(missing):
        return {event.pk: _event_text(event, request) for event in events.filter(pk__in=missing)}

    texts = kept_each(order, build, "ical-event", get_language(), request.get_host())
    return _assemble(_calendar(name, request), [texts[pk] for pk in order])
