"""The pages, images and documents endpoints of ``/api/v2/``.

Apps add filters to the pages endpoint through the ``page_api_filters`` hook: each returns a
filter backend with a ``parameter`` (its query parameter) and
``filter_queryset(request, queryset, view)``.
"""

from django.conf import settings
from django.db.models import prefetch_related_objects
from django.utils import translation
from django.utils.http import http_date

from wagtail.api.v2.filters import DescendantOfFilter, LocaleFilter, SearchFilter
from wagtail.api.v2.serializers import PageSerializer
from wagtail.api.v2.utils import BadRequestError, page_models_from_string
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.api.validators import SiteFilterValidator
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet
from wagtail.models import Locale, Page
from wagtail.search.backends import get_search_backend

from rest_framework.fields import Field
from rest_framework.response import Response

from cms.api.errors import TranslatedErrorsMixin
from cms.api.listing import ListingParametersMixin
from cms.api.pagination import KeptCountPagination
from cms.api.params import choice, has_control_characters, locale_code, search_text
from cms.hooks import PAGE_API_FILTERS, collect
from cms.models import BasePage
from cms.models.pages import prefetch_translation_pages
from cms.sections import kept
from cms.text_language import page_language
from cms.visibility import visible_documents, visible_pages


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


class CleanSearchFilter(SearchFilter):
    """``?search=`` read with the toolkit's ``search_text`` rules (length, control
    characters, quotes), and ``?search_operator=`` one of ``and`` and ``or``."""

    def filter_queryset(self, request, queryset, view):
        if "search" not in request.GET:
            return queryset
        text = search_text(request.GET, "search")
        operator = choice(request.GET, "search_operator", ["and", "or"])
        if not text:
            return queryset.none()
        return get_search_backend().search(
            text, queryset, operator=operator, order_by_relevance="order" not in request.GET
        )


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
    SearchFilter: CleanSearchFilter,
    DescendantOfFilter: CombinableDescendantOfFilter,
}


def portal_filters(backends):
    """Wagtail's filter backends with the portal's stricter locale, search and tree filters."""
    return [REPLACED_FILTERS.get(backend, backend) for backend in backends]


class ContentLanguageField(Field):
    """The language the page's text is in (its source's on an untranslated page), on
    every listed item as on the detail: the same rule the HTML's ``lang`` follows."""

    def __init__(self, **kwargs):
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, page):
        return page_language(page)


class PortalPageSerializer(PageSerializer):
    content_language = ContentLanguageField()


def _roots_of(site):
    """The site's root page in every language, kept per content change by the caller."""
    return [site.root_page, *site.root_page.get_translations()]


def page_api_filters():
    return collect(PAGE_API_FILTERS)


class PortalPagesAPIViewSet(TranslatedErrorsMixin, ListingParametersMixin, PagesAPIViewSet):
    filter_backends = portal_filters(PagesAPIViewSet.filter_backends)

    base_serializer_class = PortalPageSerializer
    pagination_class = KeptCountPagination
    body_fields = PagesAPIViewSet.body_fields + ["content_language"]
    listing_default_fields = PagesAPIViewSet.listing_default_fields + ["content_language"]
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
        """Public pages by the one visibility rule, translations of private pages included.

        Built once per request (Wagtail asks twice), and without Wagtail's own restriction
        check, which reads every restriction and its groups on each call: the rule's cached
        sections already hide everything that check would.
        """
        if "_base_queryset" not in self.__dict__:
            self._base_queryset = visible_pages(None, self._site_pages())
        return self._base_queryset

    def get_queryset(self):
        """One page type asked for: that type's pages filtered like the base query set,
        instead of Wagtail's ``pk IN (every visible page)``, which the database must read
        whole before it can sort; this way it reads in order and stops at the page."""
        try:
            models = page_models_from_string(self.request.GET.get("type") or "")
        except (LookupError, ValueError):
            models = []
        if len(models) == 1 and self.model == Page:
            return visible_pages(None, self._site_pages(models[0]))
        return super().get_queryset()

    def _site_roots(self):
        """The requested site's root page in every language (read once per request)."""
        if "_roots" not in self.__dict__:
            try:
                site = SiteFilterValidator(
                    site=self.request.GET.get("site"), request=self.request
                ).site_obj
            except ValueError as error:
                raise BadRequestError(str(error)) from error
            self._roots = [] if site is None else kept(lambda: _roots_of(site), "roots", site.pk)
        return self._roots

    def _site_pages(self, model=Page):
        """Live ``model`` pages of the requested site, in every language's tree (as
        Wagtail's own)."""
        roots = self._site_roots()
        if not roots:
            return model.objects.none()
        live = model.objects.live()
        pages = live.descendant_of(roots[0], inclusive=True)
        for translation_root in roots[1:]:
            pages |= live.descendant_of(translation_root, inclusive=True)
        return pages

    def paginate_queryset(self, queryset):
        """Attach each page's locale and language versions, each from one query for the
        whole page of results (the listing shows every page's locale and translations), and
        the source pages of untranslated ones (their ``content_language``)."""
        pages = list(super().paginate_queryset(queryset))
        locales = {locale.pk: locale for locale in Locale.objects.all()}
        for page in pages:
            page.locale = locales[page.locale_id]
        prefetch_translation_pages(pages)  # also each alias's source, for ``meta.alias_of``
        prefetch_related_objects([page for page in pages if page.alias_of_id], "alias_of")
        portal_pages = [page for page in pages if isinstance(page, BasePage)]
        by_type = {}
        for page in portal_pages:
            by_type.setdefault(type(page), []).append(page)
        for page_type, of_type in by_type.items():
            page_type.prefetch_for_listing(of_type)
        return pages

    def find_object(self, queryset, request):
        """No page has a path with control characters: nothing to find (a 404)."""
        if has_control_characters(request.GET.get("html_path", "")):
            return None
        return super().find_object(queryset, request)

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


class CollectionVisibilityMixin:
    """Images and documents in collections open to everyone, by the one visibility rule
    (the API answers as to an anonymous visitor, as the pages endpoint does)."""

    def get_queryset(self):
        return visible_documents(None, self.model.objects.all()).order_by("id")


class PortalImagesAPIViewSet(
    CollectionVisibilityMixin, TranslatedErrorsMixin, ListingParametersMixin, ImagesAPIViewSet
):
    filter_backends = portal_filters(ImagesAPIViewSet.filter_backends)


class PortalDocumentsAPIViewSet(
    CollectionVisibilityMixin, TranslatedErrorsMixin, ListingParametersMixin, DocumentsAPIViewSet
):
    filter_backends = portal_filters(DocumentsAPIViewSet.filter_backends)
