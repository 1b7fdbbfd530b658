"""What event pages and explainers show: JSON-LD, add-to-calendar links, feed
links and page contexts.

Functions take page instances (and what the caller looked up for them) and
import no models (nor the feeds), so models can use them in ``get_context``;
``engagement.ical`` uses ``location_for`` too.
"""

import json
import re
from urllib.parse import urlencode

from django.conf import settings
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from cms.sections import kept
from cms.text_language import in_language, language_of
from engagement.choices import SCHEMA_ORG_MODE, SCHEMA_ORG_STATUS, TOPICS, EventFormat, EventStatus
from engagement.recurrence import city_zone


def location_for(event, status=None):
    """Where the event is, as one line: the venue and address, or the online link."""
    if status == EventStatus.MOVED_ONLINE or not event.is_in_person:
        return event.online_url or ""
    parts = [event.venue_name, " ".join((event.address or "").split())]
    return ", ".join(part for part in parts if part)


def feed_links(index, council=None, topic=None):
    """Calendar feeds a page advertises: all events, and the council's or topic's feed.

    ``title`` is plain text (for ``<link title>``); ``label`` is the same words as HTML,
    the council's name marked with its own language where it is not the visitor's.
    """
    base = index.url
    links = [{"href": f"{base}calendar.ics", "title": _("All events (calendar feed)")}]
    if council is not None:
        links.append(
            {
                "href": f"{base}calendar/council/{council.district_number}.ics",
                "title": _("Events of %(council)s (calendar feed)") % {"council": council.title},
                "label": mark_safe(  # noqa: S308 - the template is escaped, the name marked
                    conditional_escape(_("Events of %(council)s (calendar feed)"))
                    % {"council": in_language(council.title, language_of(council))}
                ),
            }
        )
    if topic:
        links.append(
            {
                "href": f"{base}calendar/topic/{topic}.ics",
                "title": _("Events about %(topic)s (calendar feed)")
                % {"topic": dict(TOPICS)[topic]},
            }
        )
    return links


# --- event page ------------------------------------------------------------


# The last line of a US address: “Saint Paul, MN 55103” (the postal code may be missing).
_LOCALITY_LINE = re.compile(
    r"^(?P<locality>[^,]+?),\s*(?P<region>[A-Za-z]{2})(?:\s+(?P<postal>\d{5}(?:-\d{4})?))?$"
)


def postal_address(text, city):
    """schema.org PostalAddress fields from an address written over one or more lines.

    The street lines become ``streetAddress``; a last line “Locality, ST 12345” gives
    ``addressLocality``, ``addressRegion`` and ``postalCode``. Without one, the locality
    is the city. Fields with no value are left out rather than guessed.
    """
    lines = [line.strip() for line in (text or "").splitlines() if line.strip()]
    address = {"@type": "PostalAddress", "addressLocality": city, "addressCountry": "US"}
    if lines and (match := _LOCALITY_LINE.match(lines[-1])):
        lines = lines[:-1]
        address["addressLocality"] = match["locality"].strip()
        address["addressRegion"] = match["region"].upper()
        if match["postal"]:
            address["postalCode"] = match["postal"]
    if lines:
        address["streetAddress"] = ", ".join(lines)
    return {key: address[key] for key in sorted(address, key=_ADDRESS_ORDER.index)}


_ADDRESS_ORDER = [
    "@type",
    "streetAddress",
    "addressLocality",
    "addressRegion",
    "postalCode",
    "addressCountry",
]


def _schema_place(event, city):
    address = postal_address(event.address, city)
    return {
        "@type": "Place",
        "name": event.venue_name or address.get("streetAddress") or address["addressLocality"],
        "address": address,
    }


def _organizer(event, request):
    """The host council's page, else the portal's home page in the event's language
    (the City runs the portal; departments have no page of their own)."""
    organizer = {"@type": "Organization", "name": event.get_host_name(request)}
    home = event.host_page or kept(
        lambda: event.get_ancestors().filter(depth=2).first(),
        "home-above",
        event.path[: 2 * event.steplen],
    )
    if home is not None and (url := home.get_full_url(request)):
        organizer["url"] = url
    return organizer


def event_json_ld(event, request, city):
    """schema.org Event data: one Event per upcoming occurrence (at most 12)."""
    url = event.get_full_url(request)
    organizer = _organizer(event, request)
    items = []
    for occurrence in event.upcoming or event.expand()[-1:]:
        moved_online = occurrence.status == EventStatus.MOVED_ONLINE
        mode = SCHEMA_ORG_MODE[EventFormat.ONLINE if moved_online else event.format]
        locations = []
        if (
            event.format != EventFormat.ONLINE
            and not moved_online
            and (event.venue_name or event.address)
        ):
            locations.append(_schema_place(event, city))
        if (event.format != EventFormat.IN_PERSON or moved_online) and event.online_url:
            locations.append({"@type": "VirtualLocation", "url": event.online_url})
        item = {
            "@context": "https://schema.org",
            "@type": "Event",
            "name": event.title,
            "description": event.summary,
            "url": url,
            "inLanguage": event.content_language,
            "startDate": occurrence.start.isoformat()
            if not event.all_day
            else occurrence.start.date().isoformat(),
            "endDate": occurrence.end.isoformat()
            if not event.all_day
            else occurrence.end.date().isoformat(),
            "eventStatus": SCHEMA_ORG_STATUS.get(
                occurrence.status, SCHEMA_ORG_STATUS[EventStatus.SCHEDULED]
            ),
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
    location = location_for(event, occurrence.status)
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
        {
            "label": _("Download for Apple, Outlook or other calendars (.ics)"),
            "url": f"{event.url}event.ics",
        },
        {
            "label": _("Add to Google Calendar"),
            "url": "https://calendar.google.com/calendar/render?" + urlencode(google),
        },
        {
            "label": _("Add to Outlook.com"),
            "url": "https://outlook.live.com/calendar/0/deeplink/compose?" + urlencode(outlook),
        },
    ]


def event_page_context(event, request, *, index, city):
    """Context of an event page; ``index`` is the events index of its language, or None."""
    upcoming = event.upcoming
    next_occurrence = next(
        (occ for occ in upcoming if not occ.is_cancelled), upcoming[0] if upcoming else None
    )
    council = event.host_page
    return {
        "upcoming": upcoming,
        "next_occurrence": next_occurrence,
        "past_event": not upcoming,
        "json_ld": json_ld_script(event_json_ld(event, request, city)),
        "calendar_links": add_to_calendar_links(event, request, next_occurrence),
        "feeds": feed_links(index, council) if index else [],
        "event_index": index,
        "is_cancelled": event.status == EventStatus.CANCELLED,
    }


# --- explainers ------------------------------------------------------------


def glossary_for(process):
    """The page's glossary terms in the visitor's language, where translated."""
    chosen = [block.value for block in process.glossary_terms or [] if block.value is not None]
    if not chosen:
        return []
    # Every translation in one query, not one per term.
    translated = {
        term.translation_key: term
        for term in type(chosen[0]).objects.filter(
            translation_key__in={term.translation_key for term in chosen},
            locale_id=process.locale_id,
        )
    }
    return [translated.get(term.translation_key, term) for term in chosen]


def process_page_context(process, request, *, related_events, index):
    """Context of an explainer: numbered steps with their glossary terms."""
    terms = glossary_for(process)
    steps = []
    for number, value in process.numbered_steps():
        text = (value["what_happens"].source if value.get("what_happens") else "").lower()
        steps.append(
            {
                "number": number,
                "value": value,
                "terms": [term for term in terms if term.term.lower() in text],
            }
        )
    # A step shows its number only once; joined steps carry "and"/"or" between them.
    for previous, step in zip([None, *steps], steps, strict=False):
        step["show_number"] = previous is None or previous["number"] != step["number"]
        step["joiner"] = (
            previous["value"].get("joined_to_next") if previous and not step["show_number"] else ""
        )
    return {
        "steps": steps,
        "glossary": terms,
        "related_events": related_events,
        "event_index": index,
        "step_count": steps[-1]["number"] if steps else 0,
    }
