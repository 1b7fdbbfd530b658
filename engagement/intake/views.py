"""Views behind the services index's routes: the topic list and Track a request.

Registered with ``cms.routing`` when imported (``EngagementConfig.ready()``). Input is read
with ``cms.api.params``; a ``ParameterError`` answers a 400 page in the visitor's language.
``track_request`` is a plain view function so a rate limit can wrap it as one decorator.
"""

from django.conf import settings
from django.template.loader import render_to_string
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from cms.api.params import ParameterError, identifier, text_value
from cms.models import SiteSettings
from cms.ratelimit import rate_limited
from cms.routing import handles
from cms.sections import kept
from cms.visibility import hidden_paths
from engagement.intake import tracking
from engagement.intake.demo_open311 import EXAMPLE_REQUEST_ID
from engagement.intake.topics import by_category, visible_topics

QUERY_MAX_LENGTH = 100
TRACK_STATUS = {
    tracking.FOUND: 200,
    tracking.OFF: 200,
    tracking.UNKNOWN: 404,
    tracking.UNAVAILABLE: 503,
}


def topic_listing(index, request, query):
    """The topic list by category as HTML, with how many it shows and how many there are.

    Without a filter it is kept per content change (``cms.sections.kept``) for each set of
    sections hidden from the visitor (the visibility rule's own answer, so everyone who may
    see the same topics shares one copy): it lists every topic, so it grows with them.
    """

    def build():
        topics = visible_topics(index, request.user)
        groups = by_category(topics, query)
        html = render_to_string(
            "engagement/includes/service_topic_groups.html", {"groups": groups}, request=request
        )
        return html, sum(len(items) for _value, _label, items in groups), len(topics)

    if query or getattr(request, "is_preview", False):
        return build()
    hidden = sorted(hidden_paths(request.user))
    return kept(build, "service-topics", index.pk, get_language(), hidden)


@handles("service_topics")
def service_topics(index, request):
    try:
        query = text_value(request.GET, "q", max_length=QUERY_MAX_LENGTH)
        error = None
    except ParameterError as problem:
        query, error = "", problem.message
    topic_groups, topic_count, total_count = topic_listing(index, request, query)
    response = index.render(
        request,
        context_overrides={
            "topic_groups": topic_groups,
            "query": query,
            "error": error,
            "topic_count": topic_count,
            "total_count": total_count,
        },
    )
    if error:
        response.status_code = 400
    return response


def next_step(data, phone):
    """What the resident can do now, from the request's status."""
    if data.get("status") == "closed":
        return _(
            "This request is closed. If the problem is still there, make a new request or "
            "call %(phone)s and give your request number."
        ) % {"phone": phone}
    if data.get("expected_datetime"):
        return _(
            "The city is working on it. If nothing has changed after the expected date, call "
            "%(phone)s and give your request number."
        ) % {"phone": phone}
    return _(
        "The city is working on it. You can check here again, or call %(phone)s and give "
        "your request number."
    ) % {"phone": phone}


@handles("track_request")
@rate_limited("track_request")
def track_request(index, request):
    site_settings = SiteSettings.for_request(request)
    phone = site_settings.service_request_phone
    context = {
        "phone": phone,
        "intake_url": site_settings.service_request_url,
        "demo": settings.OPEN311_DEMO,
        "example_id": EXAMPLE_REQUEST_ID,
        "request_id": "",
    }
    status = 200
    try:
        request_id = identifier(request.GET, "id")
    except ParameterError as problem:
        request_id, status = None, 400
        context["error"] = problem.message
    if request_id:
        lookup = tracking.look_up(request_id)
        status = TRACK_STATUS[lookup.outcome]
        context.update(lookup=lookup, request_id=request_id)
        if lookup.found:
            context["next_step"] = next_step(lookup.request, phone)
    response = index.render(
        request, template="engagement/track_request.html", context_overrides=context
    )
    response.status_code = status
    if request_id:
        response["Cache-Control"] = "private, no-store"
    if status == 503:
        response["Retry-After"] = "60"
    return response
