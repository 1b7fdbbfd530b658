"""Engagement's extension points: home page teaser, council sections, API, OpenAPI, demo."""

from django.conf import settings
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from cms.api.snippets import SnippetEndpoint
from engagement.api import EventsAPIViewSet
from engagement.demo.intake import load as load_intake_demo
from engagement.demo.loader import load as load_demo
from engagement.demo.staff_loader import load as load_staff_demo
from engagement.intake.api import ServiceRequestsAPIViewSet, ServiceTopicsAPIViewSet
from engagement.intake.openapi import openapi_description as intake_openapi
from engagement.intake.statistics import district_summary
from engagement.models import (
    EventIndexPage,
    EventOccurrence,
    GlossaryTerm,
    Open311Service,
    ProcessStepLink,
)
from engagement.openapi import openapi_description

TEASER_COUNT = 3
COUNCIL_EVENT_COUNT = 5


def _upcoming(locale):
    return EventOccurrence.objects.live().for_locale(locale).with_event().upcoming()


@hooks.register("home_page_teasers")
def upcoming_events_teaser(request, page):
    index = EventIndexPage.for_locale(page.locale)
    if index is None:
        return None
    return {
        "template": "engagement/includes/home_upcoming_events.html",
        "order": 20,
        "occurrences": list(_upcoming(page.locale)[:TEASER_COUNT]),
        "event_index": index,
    }


@hooks.register("district_council_page_sections")
def council_upcoming_events(request, page):
    index = EventIndexPage.for_locale(page.locale)
    if index is None:
        return None
    feed = f"{index.url}calendar/council/{page.district_number}.ics"
    title = _("Events of %(council)s (calendar feed)") % {"council": page.title}
    section = {
        "template": "engagement/includes/council_upcoming_events.html",
        "order": 20,
        "alternate_links": [{"type": "text/calendar", "href": feed, "title": title}],
        "occurrences": list(_upcoming(page.locale).filter(host_council=page)[:COUNCIL_EVENT_COUNT]),
        "council": page,
        "event_index": index,
        "feed_url": feed,
        "feed_title": title,
        "all_events_url": f"{index.url}?council={page.district_number}",
    }
    # The template reads ``section``, whether the dict is passed as the context
    # itself or included ``with section=...``.
    section["section"] = section
    return section


@hooks.register("content_page_sidebars")
def step_by_step_sidebar(request, page):
    """On a content page that belongs to a process: where it sits in the step by step."""
    links = list(
        ProcessStepLink.objects.filter(
            page_translation_key=page.translation_key,
            process__locale_id=page.locale_id,
            process__live=True,
        ).select_related("process")[:3]
    )
    if not links:
        return None
    return {
        "template": "engagement/includes/step_by_step_sidebar.html",
        "order": 10,
        "links": links,
    }


@hooks.register("register_api_endpoints")
def register_events_endpoint(router):
    router.register_endpoint("events", EventsAPIViewSet)


@hooks.register("openapi_paths")
def events_openapi():
    return openapi_description()


@hooks.register("load_demo_content")
def load_engagement_demo(home, stdout):
    load_demo(home, stdout)
    load_intake_demo(home, stdout)
    load_staff_demo(home, stdout)  # guidance links to the service topics


class GlossaryTermViewSet(SnippetViewSet):
    model = GlossaryTerm
    icon = "help"
    menu_label = gettext_lazy("Glossary")
    list_display = ["term", "locale"]
    search_fields = ["term"]


register_snippet(GlossaryTermViewSet)

GLOSSARY_ENDPOINT = SnippetEndpoint(
    "glossary",
    GlossaryTerm,
    ["term", "definition"],
    "Glossary: plain-language definitions of words used in city processes",
)
hooks.register("register_api_endpoints", GLOSSARY_ENDPOINT.register)
hooks.register("openapi_paths", GLOSSARY_ENDPOINT.openapi)


@hooks.register("register_api_endpoints")
def register_service_endpoints(router):
    router.register_endpoint("service-topics", ServiceTopicsAPIViewSet)
    router.register_endpoint("service-requests", ServiceRequestsAPIViewSet)


@hooks.register("openapi_paths")
def services_openapi():
    return intake_openapi()


@hooks.register("district_council_page_sections")
def council_service_requests(request, page):
    """The district's service requests of the last 90 days beside the city's (open data)."""
    section = {
        "template": "engagement/includes/council_service_requests.html",
        "order": 30,
        "summary": district_summary(page.district_number),
        "demo": settings.OPEN311_DEMO,
    }
    section["section"] = section
    return section


class Open311ServiceViewSet(SnippetViewSet):
    """The city's Open311 service list as last synced (read it; the sync command writes it)."""

    model = Open311Service
    icon = "list-ul"
    menu_label = gettext_lazy("Open311 services")
    list_display = ["service_code", "service_name", "group", "removed", "last_seen"]
    list_filter = ["removed"]
    search_fields = ["service_code", "service_name"]


register_snippet(Open311ServiceViewSet)
