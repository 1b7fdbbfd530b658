"""``/api/v2/service-topics/`` and ``/api/v2/service-requests/`` (a district's last 90 days)."""

from django.conf import settings
from django.urls import path
from django.utils.translation import gettext as _

from wagtail.models import Locale

from cms.api.listing import PortalAPIViewSet, listing_response
from cms.api.params import ParameterError, choice, locale_code, whole_number
from engagement.intake.choices import ServiceCategory
from engagement.intake.statistics import district_summary
from engagement.intake.topics import visible_topics
from engagement.models import ServiceIndexPage, ServiceRequestRecord, ServiceTopicPage

MAX_DISTRICT = 99


def _locale(request):
    code = locale_code(request.GET) or settings.LANGUAGE_CODE
    return Locale.objects.get(language_code=code)


def topic_data(topic, request):
    explainer = topic.explainer
    return {
        "id": topic.pk,
        "title": topic.title,
        "html_url": topic.get_full_url(request),
        "detail_url": request.build_absolute_uri(f"/api/v2/pages/{topic.pk}/"),
        "content_language": topic.content_locale.language_code,
        "category": topic.category,
        "category_label": str(topic.get_category_display()),
        "description": topic.description,
        "synonyms": topic.synonym_list,
        "handled_by": topic.handled_by,
        "handled_by_name": topic.handled_by_name,
        "intake": topic.intake.as_dict(),
        "contact_point": topic.contact_point_id,
        "what_to_have_ready": topic.what_to_have_ready,
        "what_happens_next": topic.what_happens_next,
        "explainer": (
            {
                "id": explainer.pk,
                "title": explainer.title,
                "html_url": explainer.get_full_url(request),
            }
            if explainer is not None and explainer.live
            else None
        ),
        "response_time": topic.response_time,
        "department": topic.department,
        "staff_languages": topic.staff_language_list,
        "phone_interpreter": topic.intake.interpreter,
        "service_code": topic.service_code,
    }


class ServiceTopicsAPIViewSet(PortalAPIViewSet):
    """Service topics of one language, by title; the visibility rule applies."""

    model = ServiceTopicPage
    known_query_parameters = frozenset(["locale", "category", "limit", "offset", "_"])
    max_limit = 200
    default_limit = 100

    def listing_view(self, request):
        self.check_parameters(request)
        locale = _locale(request)
        category = choice(request.GET, "category", ServiceCategory.choices)
        offset, limit = self.page_bounds(request)
        index = ServiceIndexPage.objects.filter(locale=locale).first()
        topics = visible_topics(index, request.user) if index is not None else []
        if category:
            topics = [topic for topic in topics if topic.category == category]
        page = topics[offset : offset + limit]
        return listing_response((topic_data(t, request) for t in page), len(topics))

    @classmethod
    def get_urlpatterns(cls):
        return [path("", cls.as_view({"get": "listing_view"}), name="listing")]


class ServiceRequestsAPIViewSet(PortalAPIViewSet):
    """A district's requests of the last 90 days by type, beside the whole city."""

    model = ServiceRequestRecord
    known_query_parameters = frozenset(["district", "_"])

    def listing_view(self, request):
        self.check_parameters(request)
        district = whole_number(request.GET, "district", minimum=1, maximum=MAX_DISTRICT)
        if district is None:
            raise ParameterError(_("Give a district number: ?district=1"))
        summary = district_summary(district).as_dict()
        types = summary.pop("types")
        return listing_response(types, len(types), **summary)

    @classmethod
    def get_urlpatterns(cls):
        return [path("", cls.as_view({"get": "listing_view"}), name="listing")]
