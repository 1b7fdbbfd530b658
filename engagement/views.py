"""Views behind the routes of the events index and event pages.

The page models' ``@path`` methods reach these through ``cms.routing``;
each view registers itself with ``@handles(<route name>)`` when this module is
imported (``EngagementConfig.ready()`` imports it).
"""

import base64
import calendar
import datetime as dt
import io

from django.http import HttpResponse
from django.utils import formats, timezone
from django.utils.translation import gettext as _

import qrcode
import qrcode.image.svg

from cms.api.params import month_value, page_number
from cms.pagination import PageOutOfRange, kept_rows, paginate
from cms.routing import handles
from cms.site import city_name
from district_councils.models import HEAVY_COUNCIL_FIELDS
from engagement import ical
from engagement.choices import LANGUAGES, TOPICS, EventFormat
from engagement.filters import FilterError, councils_for_locale, parse_filters
from engagement.models import EventOccurrence, EventPage
from engagement.presentation import feed_links
from engagement.recurrence import city_zone

PAGE_SIZE = 20
FEED_LOOKBACK = dt.timedelta(days=92)


def _filter_context(index, request, filters):
    return {
        "councils": filters.councils if filters else councils_for_locale(index.locale),
        "topics": TOPICS,
        "formats": EventFormat.choices,
        "languages": LANGUAGES,
        "values": {
            name: request.GET.get(name, "")
            for name in ("from", "to", "council", "topic", "format", "language")
        },
        "filters": filters,
    }


def _bad_request(index, request, message, template="engagement/event_index_page.html"):
    response = index.render(
        request,
        template=template,
        context_overrides={
            "error": message,
            **_filter_context(index, request, None),
            "feeds": feed_links(index),
            "mode": "error",
        },
    )
    response.status_code = 400
    return response


@handles("event_list")
def event_list(index, request, past=False):
    try:
        filters = parse_filters(request.GET, index.locale)
        number = page_number(request.GET)
    except FilterError as error:
        return _bad_request(index, request, error.message)
    try:
        # To the minute: the same query (and so its kept count) for a minute at a time.
        now = timezone.now().replace(second=0, microsecond=0)
        listing = EventOccurrence.objects.listing(index.locale, filters, past=past, now=now)
        page_obj = paginate(listing, number, PAGE_SIZE)
    except PageOutOfRange as error:
        return _bad_request(
            index,
            request,
            _("There is no page %(number)s of results. The last page is %(last)s.")
            % {"number": error.number, "last": error.last},
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


@handles("month_view")
def month_view(index, request, year=None, month=None):
    today = timezone.localdate()
    try:
        first = month_value({"month": f"{year}-{month}"} if year else {}, "month")
        filters = parse_filters(request.GET, index.locale)
    except FilterError as error:
        return _bad_request(index, request, error.message)
    first = first or today.replace(day=1)
    year, month = first.year, first.month
    zone = city_zone()
    last = dt.date(year, month, calendar.monthrange(year, month)[1])
    start = dt.datetime.combine(first, dt.time(), zone)
    end = dt.datetime.combine(last + dt.timedelta(days=1), dt.time(), zone)
    queryset = (
        EventOccurrence.objects.live()
        .for_locale(index.locale)
        .in_window(start, end)
        .filtered(filters)
        .with_event()
        .order_by("start", "pk")
    )
    by_day = {}
    for occurrence in kept_rows(queryset):
        by_day.setdefault(occurrence.start.astimezone(zone).date(), []).append(occurrence)
    first_weekday = (formats.get_format("FIRST_DAY_OF_WEEK") - 1) % 7  # Django: 0 = Sunday
    weeks = [
        [
            {"date": day, "in_month": day.month == month, "occurrences": by_day.get(day, [])}
            for day in week
        ]
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


def feed_start():
    """Midnight ``FEED_LOOKBACK`` ago in the city: a feed's events are the same all day."""
    return dt.datetime.combine(timezone.localdate() - FEED_LOOKBACK, dt.time.min, city_zone())


@handles("calendar_feed")
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
    recent = (
        EventOccurrence.objects.live()
        .for_locale(index.locale)
        .ending_after(feed_start())
        .filtered(filters)
        .values("event_id")
    )
    events = (
        EventPage.objects.live()
        .filter(pk__in=recent)
        .select_related("host_council", "alias_of")
        # The feed shows neither bodies nor documents, and names the host council only.
        .defer("body", "documents", *(f"host_council__{field}" for field in HEAVY_COUNCIL_FIELDS))
        .order_by("start", "pk")
    )
    name = _("Events")
    if filters.council is not None:
        name = filters.council.title
    elif filters.topic:
        name = str(dict(TOPICS)[filters.topic])
    portal = _("%(city)s Community Portal") % {"city": city_name(request)}
    name = f"{name} · {portal}"
    slug = f"council-{council}" if council else (f"topic-{topic}" if topic else "events")
    return _ics_response(ical.build_feed(events, name=name, request=request), f"{slug}.ics")


@handles("event_ics")
def event_ics(event, request):
    return _ics_response(
        ical.build_calendar([event], name=event.title, request=request), f"{event.slug}.ics"
    )


def qr_code_data_uri(url):
    image = qrcode.make(url, image_factory=qrcode.image.svg.SvgPathImage, box_size=10, border=2)
    buffer = io.BytesIO()
    image.save(buffer)
    return "data:image/svg+xml;base64," + base64.b64encode(buffer.getvalue()).decode()


@handles("event_flyer")
def event_flyer(event, request):
    url = event.get_full_url(request)
    return event.render(
        request,
        template="engagement/event_flyer.html",
        context_overrides={"qr_code": qr_code_data_uri(url), "event_url": url},
    )
