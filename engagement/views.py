"""Views behind the events index routes, event pages and explainers."""

import base64
import calendar
import datetime as dt
import io
import json
from urllib.parse import urlencode

from django.conf import settings
from django.core.paginator import EmptyPage, Paginator
from django.db.models import Q
from django.http import HttpResponse
from django.utils import formats, timezone
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

import qrcode
import qrcode.image.svg

from engagement import ical
from engagement.choices import (
    LANGUAGES,
    SCHEMA_ORG_MODE,
    SCHEMA_ORG_STATUS,
    TOPICS,
    EventFormat,
    EventStatus,
)
from engagement.filters import (
    FilterError,
    councils_for_locale,
    occurrences,
    parse_filters,
    parse_page_number,
)
from engagement.models import EventOccurrence, EventPage
from engagement.recurrence import city_zone

PAGE_SIZE = 20
FEED_LOOKBACK = dt.timedelta(days=92)


def feed_links(index, council=None, topic=None):
    """Calendar feeds a page advertises: all events, and the council's or topic's feed."""
    base = index.url
    links = [{"href": f"{base}calendar.ics", "title": _("All events (calendar feed)")}]
    if council is not None:
        links.append({
            "href": f"{base}calendar/council/{council.district_number}.ics",
            "title": _("Events of %(council)s (calendar feed)") % {"council": council.title},
        })
    if topic:
        links.append({
            "href": f"{base}calendar/topic/{topic}.ics",
            "title": _("Events about %(topic)s (calendar feed)") % {"topic": dict(TOPICS)[topic]},
        })
    return links


def _filter_context(index, request, filters):
    return {
        "councils": filters.councils if filters else councils_for_locale(index.locale),
        "topics": TOPICS,
        "formats": EventFormat.choices,
        "languages": LANGUAGES,
        "values": {name: request.GET.get(name, "") for name in
                   ("from", "to", "council", "topic", "format", "language")},
        "filters": filters,
    }


def _bad_request(index, request, message, template="engagement/event_index_page.html"):
    response = index.render(
        request,
        template=template,
        context_overrides={"error": message, **_filter_context(index, request, None),
                           "feeds": feed_links(index), "mode": "error"},
    )
    response.status_code = 400
    return response


def event_list(index, request, past=False):
    try:
        filters = parse_filters(request.GET, index.locale)
        number = parse_page_number(request.GET.get("page"))
    except FilterError as error:
        return _bad_request(index, request, error.message)
    paginator = Paginator(occurrences(index.locale, filters, past=past), PAGE_SIZE)
    try:
        page_obj = paginator.page(number)
    except EmptyPage:
        if number == 1:
            page_obj = paginator.page(1)
        else:
            return _bad_request(
                index, request,
                _("There is no page %(number)s of results. The last page is %(last)s.")
                % {"number": number, "last": paginator.num_pages},
            )
    query = request.GET.copy()
    query.pop("page", None)
    return index.render(
        request,
        context_overrides={
            "mode": "past" if past else "upcoming",
            "page_obj": page_obj,
            "occurrences": page_obj.object_list,
            "query": query.urlencode(),
            "feeds": feed_links(index, filters.council, filters.topic),
            **_filter_context(index, request, filters),
        },
    )


def month_view(index, request, year=None, month=None):
    today = timezone.localdate()
    try:
        year = int(year) if year else today.year
        month = int(month) if month else today.month
        first = dt.date(year, month, 1)
        filters = parse_filters(request.GET, index.locale)
    except ValueError:
        return _bad_request(index, request, _("There is no such month."))
    except FilterError as error:
        return _bad_request(index, request, error.message)
    zone = city_zone()
    last = dt.date(year, month, calendar.monthrange(year, month)[1])
    start = dt.datetime.combine(first, dt.time(), zone)
    end = dt.datetime.combine(last + dt.timedelta(days=1), dt.time(), zone)
    queryset = filters.apply(
        EventOccurrence.objects.filter(locale=index.locale, live=True,
                                       start__lt=end, end__gte=start)
        .select_related("event").defer("event__body", "event__occurrence_changes")
    ).order_by("start", "pk")
    by_day = {}
    for occurrence in queryset:
        by_day.setdefault(occurrence.start.astimezone(zone).date(), []).append(occurrence)
    first_weekday = (formats.get_format("FIRST_DAY_OF_WEEK") - 1) % 7  # Django: 0 = Sunday
    weeks = [
        [{"date": day, "in_month": day.month == month, "occurrences": by_day.get(day, [])}
         for day in week]
        for week in calendar.Calendar(firstweekday=first_weekday).monthdatescalendar(year, month)
    ]
    weekday_dates = [day["date"] for day in weeks[0]]
    previous = first - dt.timedelta(days=1)
    following = last + dt.timedelta(days=1)
    query = request.GET.urlencode()
    return index.render(
        request,
        template="engagement/event_month.html",
        context_overrides={
            "month": first,
            "weeks": weeks,
            "weekday_dates": weekday_dates,
            "previous_month": f"{previous.year}-{previous.month:02d}",
            "next_month": f"{following.year}-{following.month:02d}",
            "query": query,
            "feeds": feed_links(index, filters.council, filters.topic),
            "occurrence_count": sum(len(items) for items in by_day.values()),
            **_filter_context(index, request, filters),
        },
    )


def _ics_response(body, filename):
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


def calendar_feed(index, request, council=None, topic=None):
    params = {}
    if council is not None:
        params["council"] = council
    if topic is not None:
        params["topic"] = topic
    try:
        filters = parse_filters(params, index.locale)
    except FilterError as error:
        return HttpResponse(error.message, status=400, content_type="text/plain; charset=utf-8")
    recent = filters.apply(
        EventOccurrence.objects.filter(locale=index.locale,
                                       end__gte=timezone.now() - FEED_LOOKBACK)
    ).values("event_id")
    events = (
        EventPage.objects.live().filter(pk__in=recent).select_related("host_council")
        .order_by("start", "pk")
    )
    name = _("Events")
    if filters.council is not None:
        name = filters.council.title
    elif filters.topic:
        name = str(dict(TOPICS)[filters.topic])
    portal = _("Saint Paul Community Portal")
    name = f"{name} · {portal}"
    slug = f"council-{council}" if council else (f"topic-{topic}" if topic else "events")
    return _ics_response(ical.build_calendar(events, name=name, request=request), f"{slug}.ics")


def event_ics(event, request):
    return _ics_response(
        ical.build_calendar([event], name=event.title, request=request), f"{event.slug}.ics"
    )


# --- event page ------------------------------------------------------------


def _schema_place(event):
    lines = [line.strip() for line in (event.address or "").splitlines() if line.strip()]
    return {
        "@type": "Place",
        "name": event.venue_name or (lines[0] if lines else ""),
        "address": {
            "@type": "PostalAddress",
            "streetAddress": lines[0] if lines else "",
            "addressLocality": "Saint Paul",
            "addressRegion": "MN",
            "addressCountry": "US",
        },
    }


def event_json_ld(event, request):
    """schema.org Event data: one Event per upcoming occurrence (at most 12)."""
    url = event.get_full_url(request)
    organizer = {"@type": "Organization", "name": event.host_name}
    if event.host_page is not None:
        organizer["url"] = event.host_page.get_full_url(request)
    items = []
    for occurrence in event.upcoming or event.expand()[-1:]:
        moved_online = occurrence.status == EventStatus.MOVED_ONLINE
        mode = SCHEMA_ORG_MODE[EventFormat.ONLINE if moved_online else event.format]
        locations = []
        if event.format != EventFormat.ONLINE and not moved_online and (
                event.venue_name or event.address):
            locations.append(_schema_place(event))
        if (event.format != EventFormat.IN_PERSON or moved_online) and event.online_url:
            locations.append({"@type": "VirtualLocation", "url": event.online_url})
        item = {
            "@context": "https://schema.org",
            "@type": "Event",
            "name": event.title,
            "description": event.summary,
            "url": url,
            "inLanguage": event.content_language,
            "startDate": occurrence.start.isoformat() if not event.all_day
            else occurrence.start.date().isoformat(),
            "endDate": occurrence.end.isoformat() if not event.all_day
            else occurrence.end.date().isoformat(),
            "eventStatus": SCHEMA_ORG_STATUS.get(occurrence.status,
                                                 SCHEMA_ORG_STATUS[EventStatus.SCHEDULED]),
            "eventAttendanceMode": mode,
            "organizer": organizer,
            "isAccessibleForFree": True,
        }
        if locations:
            item["location"] = locations[0] if len(locations) == 1 else locations
        if occurrence.status == EventStatus.RESCHEDULED and occurrence.original_start:
            item["previousStartDate"] = occurrence.original_start.isoformat()
        if event.capacity:
            item["maximumAttendeeCapacity"] = event.capacity
        items.append(item)
    return items[0] if len(items) == 1 else items


def json_ld_script(data):
    """A JSON-LD <script> block, escaped so text cannot close the element."""
    text = json.dumps(data, ensure_ascii=False, indent=None)
    for char, escape in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026")):
        text = text.replace(char, escape)
    return mark_safe(f'<script type="application/ld+json">{text}</script>')  # noqa: S308


def _compact(moment):
    return moment.astimezone(city_zone()).strftime("%Y%m%dT%H%M%S")


def add_to_calendar_links(event, request, occurrence):
    if occurrence is None:
        return []
    details = f"{event.summary}\n\n{event.get_full_url(request)}"
    location = ical.location_for(event, occurrence.status)
    google = {
        "action": "TEMPLATE",
        "text": event.title,
        "dates": f"{_compact(occurrence.start)}/{_compact(occurrence.end)}",
        "ctz": settings.TIME_ZONE,
        "details": details,
        "location": location,
    }
    if event.is_recurring:
        google["recur"] = f"RRULE:{event.recurrence}"
    outlook = {
        "path": "/calendar/action/compose",
        "rru": "addevent",
        "subject": event.title,
        "startdt": occurrence.start.isoformat(),
        "enddt": occurrence.end.isoformat(),
        "body": details,
        "location": location,
    }
    return [
        {"label": _("Download for Apple, Outlook or other calendars (.ics)"),
         "url": f"{event.url}event.ics"},
        {"label": _("Add to Google Calendar"),
         "url": "https://calendar.google.com/calendar/render?" + urlencode(google)},
        {"label": _("Add to Outlook.com"),
         "url": "https://outlook.live.com/calendar/0/deeplink/compose?" + urlencode(outlook)},
    ]


def event_page_context(event, request):
    upcoming = event.upcoming
    next_occurrence = next((occ for occ in upcoming if not occ.is_cancelled),
                           upcoming[0] if upcoming else None)
    index = EventIndexPageLookup.for_page(event)
    council = event.host_page
    return {
        "upcoming": upcoming,
        "next_occurrence": next_occurrence,
        "past_event": not upcoming,
        "json_ld": json_ld_script(event_json_ld(event, request)),
        "calendar_links": add_to_calendar_links(event, request, next_occurrence),
        "feeds": feed_links(index, council) if index else [],
        "event_index": index,
        "is_cancelled": event.status == EventStatus.CANCELLED,
    }


class EventIndexPageLookup:
    @staticmethod
    def for_page(page):
        from engagement.models import EventIndexPage

        return EventIndexPage.for_locale(page.locale)


def qr_code_data_uri(url):
    image = qrcode.make(url, image_factory=qrcode.image.svg.SvgPathImage, box_size=10,
                        border=2)
    buffer = io.BytesIO()
    image.save(buffer)
    return "data:image/svg+xml;base64," + base64.b64encode(buffer.getvalue()).decode()


def event_flyer(event, request):
    url = event.get_full_url(request)
    return event.render(
        request,
        template="engagement/event_flyer.html",
        context_overrides={"qr_code": qr_code_data_uri(url), "event_url": url},
    )


# --- explainers ----------------------------------------------------------------


def upcoming_for_topics(locale, topics, limit=5):
    if not topics:
        return []
    query = Q()
    for topic in topics:
        query |= Q(topics__contains=f",{topic},")
    return list(
        EventOccurrence.objects.filter(query, locale=locale, live=True,
                                       end__gte=timezone.now())
        .exclude(status=EventStatus.CANCELLED)
        .select_related("event").defer("event__body", "event__occurrence_changes")
        .order_by("start", "pk")[:limit]
    )


def glossary_for(process):
    """The page's glossary terms in the visitor's language, where translated."""
    terms = []
    for block in process.glossary_terms or []:
        term = block.value
        if term is None:
            continue
        localized = term.get_translation_or_none(process.locale) or term
        terms.append(localized)
    return terms


def process_page_context(process, request):
    terms = glossary_for(process)
    steps = []
    for number, value in process.numbered_steps():
        text = (value["what_happens"].source if value.get("what_happens") else "").lower()
        steps.append({
            "number": number,
            "value": value,
            "terms": [term for term in terms if term.term.lower() in text],
        })
    # A step shows its number only once; joined steps carry "and"/"or" between them.
    for previous, step in zip([None, *steps], steps, strict=False):
        step["show_number"] = previous is None or previous["number"] != step["number"]
        step["joiner"] = previous["value"].get("joined_to_next") if previous and not \
            step["show_number"] else ""
    return {
        "steps": steps,
        "glossary": terms,
        "related_events": upcoming_for_topics(process.locale, process.topic_list),
        "event_index": EventIndexPageLookup.for_page(process),
        "step_count": steps[-1]["number"] if steps else 0,
    }


def format_grade(grade):
    return formats.number_format(grade, 1) if grade is not None else ""

