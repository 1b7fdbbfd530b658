"""The pages, images and documents endpoints of ``/api/v2/``.

Apps add filters to the pages endpoint through the ``page_api_filters`` hook: each returns a
filter backend with a ``parameter`` (its query parameter) and
``filter_queryset(request, queryset, view)``.
"""

from django.conf import settings
from django.utils import translation
from django.utils.http import http_date

from wagtail.api.v2.filters import DescendantOfFilter, LocaleFilter
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet
from wagtail.models import Locale

from rest_framework.response import Response

from cms.api.errors import TranslatedErrorsMixin
from cms.api.listing import ListingParametersMixin
from cms.api.params import locale_code
from cms.hooks import PAGE_API_FILTERS, collect
from cms.models import BasePage
from cms.visibility import visible_pages


class KnownLocaleFilter(LocaleFilter):
    """``?locale=`` with a clear 400 for a language the site does not have.

    On a listing it keeps the pages in that language; on a detail it names the visitor's
    language instead (see ``detail_view``), so it filters nothing there.
    """

    def filter_queryset(self, request, queryset, view):
        locale_code(request.GET)
        if getattr(view, "action", None) == "detail_view":
            return queryset
        return super().filter_queryset(request, queryset, view)


class CombinableDescendantOfFilter(DescendantOfFilter):
    """``?descendant_of=`` also with ``?child_of=``: the children that are below that page.

    Wagtail refuses the pair, though it has a plain meaning and the schema allows both.
    """

    def filter_queryset(self, request, queryset, view):
        parent = getattr(queryset, "_filtered_by_child_of", None)
        if parent is not None:
            del queryset._filtered_by_child_of
        queryset = super().filter_queryset(request, queryset, view)
        if parent is not None:
            queryset._filtered_by_child_of = parent
        return queryset


REPLACED_FILTERS = {
    LocaleFilter: KnownLocaleFilter,
    DescendantOfFilter: CombinableDescendantOfFilter,
}


def page_api_filters():
    return collect(PAGE_API_FILTERS)


class PortalPagesAPIViewSet(TranslatedErrorsMixin, ListingParametersMixin, PagesAPIViewSet):
    filter_backends = [
        REPLACED_FILTERS.get(backend, backend) for backend in PagesAPIViewSet.filter_backends
    ]

    # Fields that cost queries per page stay out of listings, so listings stay flat.
    detail_only_fields = PagesAPIViewSet.detail_only_fields + BasePage.detail_only_api_fields

    @property
    def known_query_parameters(self):
        extra = {backend.parameter for backend in page_api_filters()}
        return super().known_query_parameters | extra

    def filter_queryset(self, queryset):
        for backend in page_api_filters():
            queryset = backend.filter_queryset(self.request, queryset, self)
        return super().filter_queryset(queryset)

    def get_base_queryset(self):
        """Public pages by the one visibility rule, translations of private pages included."""
        return visible_pages(None, super().get_base_queryset())

    def paginate_queryset(self, queryset):
        """Attach each page's locale from one query (the listing shows every page's locale)."""
        pages = list(super().paginate_queryset(queryset))
        locales = {locale.pk: locale for locale in Locale.objects.all()}
        for page in pages:
            page.locale = locales[page.locale_id]
        return pages

    def detail_view(self, request, pk):
        """Serialise in the visitor's language: ``?locale=``, else the page's own.

        The HTML does the same: links lead within that language, and the "not yet
        translated" notice shows when the content is in another one. A front end that
        fell back to another language's page passes the visitor's language as ``?locale=``.
        """
        language = locale_code(request.GET)
        instance = self.get_object()
        with translation.override(language or instance.locale.language_code):
            response = Response(self.get_serializer(instance).data)
        if instance.last_published_at:
            response["Last-Modified"] = http_date(instance.last_published_at.timestamp())
        return response

    def listing_view(self, request):
        language = request.GET.get("locale")
        if language not in dict(settings.LANGUAGES):
            language = translation.get_language()
        with translation.override(language):
            return super().listing_view(request)


class PortalImagesAPIViewSet(TranslatedErrorsMixin, ListingParametersMixin, ImagesAPIViewSet):
    pass


class PortalDocumentsAPIViewSet(TranslatedErrorsMixin, ListingParametersMixin, DocumentsAPIViewSet):
    pass
