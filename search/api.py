"""``/api/v2/search/``: the site search for front ends, with the same rules as the page."""

from django.conf import settings
from django.urls import path
from django.utils import translation
from django.utils.translation import gettext as _

from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import BaseAPIViewSet

from rest_framework.response import Response

from cms.api.errors import TranslatedErrorsMixin
from search.models import DocumentText
from search.presentation import present
from search.query import SearchQueryError, clean_query
from search.querylog import log_search
from search.ranking import site_search
from search.suggest import suggestions

MAX_LIMIT = 50


def _whole_number(request, name, default, maximum=None):
    raw = request.GET.get(name)
    if raw is None:
        return default
    try:
        value = int(raw)
        if value < 0:
            raise ValueError
    except ValueError:
        raise BadRequestError(
            _("%(name)s must be a whole number of 0 or more.") % {"name": name}
        ) from None
    if maximum is not None and value > maximum:
        raise BadRequestError(_("limit cannot be higher than %(max)s.") % {"max": maximum})
    return value


class SearchAPIViewSet(TranslatedErrorsMixin, BaseAPIViewSet):
    model = DocumentText  # the router asks every endpoint for a model; this one has no detail
    known_query_parameters = frozenset(["q", "locale", "type", "limit", "offset"])

    @classmethod
    def get_urlpatterns(cls):
        return [
            path("", cls.as_view({"get": "listing_view"}), name="listing"),
            path("suggest/", cls.as_view({"get": "suggest_view"}), name="suggest"),
        ]

    def _language(self, request):
        code = request.GET.get("locale")
        if code is None:
            return translation.get_language()
        if code not in dict(settings.LANGUAGES):
            raise BadRequestError(
                _("Unknown language “%(code)s”. Use one of: %(codes)s.")
                % {"code": code, "codes": ", ".join(dict(settings.LANGUAGES))}
            )
        return code

    def _query(self, request):
        try:
            return clean_query(request.GET.get("q"), required=True)
        except SearchQueryError as error:
            raise BadRequestError(str(error)) from None

    def listing_view(self, request):
        query = self._query(request)
        language = self._language(request)
        limit = _whole_number(request, "limit", 20, MAX_LIMIT)
        offset = _whole_number(request, "offset", 0)
        content_type = request.GET.get("type") or None
        with translation.override(language):
            outcome = site_search(query, language, request.user, content_type)
            hits = present(outcome.hits[offset : offset + limit], query, outcome, request)
            data = {
                "meta": {
                    "total_count": outcome.total,
                    "query": query,
                    "locale": language,
                    "corrected_query": outcome.corrected_query,
                    "other_languages": outcome.other_languages,
                    "facets": outcome.facets,
                },
                "promotions": [
                    {
                        "title": promotion.page.title
                        if promotion.page
                        else promotion.external_link_text,
                        "url": promotion.page.get_url(request)
                        if promotion.page
                        else promotion.external_link_url,
                        "description": promotion.description,
                    }
                    for promotion in outcome.promotions
                ],
                "items": [
                    {
                        "kind": hit.kind,
                        "id": hit.obj.document_id if hit.kind == "document" else hit.obj.pk,
                        "title": hit.title,
                        "url": request.build_absolute_uri(hit.url)
                        if hit.url.startswith("/")
                        else hit.url,
                        "type": hit.type_key,
                        "type_label": hit.type_label,
                        "locale": hit.language,
                        "other_language": hit.language not in (None, language),
                        "snippet": str(hit.snippet),
                    }
                    for hit in hits
                ],
            }
        if not offset and not content_type:
            log_search(query, language, outcome.total + len(outcome.promotions))
        return Response(data)

    def suggest_view(self, request):
        query = self._query(request)
        language = self._language(request)
        items = suggestions(query, language, request.user)
        for item in items:
            item["url"] = request.build_absolute_uri(item["url"]) if item["url"] else ""
        return Response({"query": query, "locale": language, "items": items})
