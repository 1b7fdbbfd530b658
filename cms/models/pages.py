"""Page types shared by the whole site, and the base every page type extends.

Large on purpose: BasePage holds what every page answers for (language, routing,
translations, breadcrumbs, accountability) in one place, so no page type re-implements it.
"""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db import models
from django.db.models import Q
from django.http import Http404
from django.utils.functional import cached_property
from django.utils.translation import get_language, get_language_info, gettext, override
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.fields import StreamField
from wagtail.images.api.fields import ImageRenditionField
from wagtail.models import Page, PageViewRestriction, get_page_models
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from cms import locales
from cms.blocks import BodyStreamBlock, TopTaskBlock, localize_links
from cms.hooks import HOME_PAGE_TEASERS
from cms.models.directory import ContactPoint, Department, directory_version, in_active_language
from cms.models.page_records import public_translation_line
from cms.models.site_settings import SiteSettings
from cms.page_quality_panel import PageQualityPanel
from cms.sections import kept, kept_each, rendered_sections
from cms.text_language import page_language
from cms.visibility import contact_point_visible

# Breadcrumbs start below the language's home page (depth 2), as the HTML trail does.
BREADCRUMB_START_DEPTH = 3
TRANSLATIONS_CACHE = "_live_translation_pages"


def _read_translation_pages(keys):
    by_key = {key: [] for key in keys}
    versions = (
        Page.objects.filter(translation_key__in=keys)
        .live()
        .select_related("locale")
        .order_by("locale__language_code")
    )
    for version in versions:
        by_key[version.translation_key].append(version)
    return by_key


def prefetch_translation_pages(pages):
    """Read the live language versions of all ``pages`` at once (a listing would otherwise
    ask once per page), kept per content change (``cms.sections.kept_each``: every page
    and API answer shows them), and keep them on each page for ``get_translation_pages``."""
    keys = {page.translation_key for page in pages}
    by_key = kept_each(keys, _read_translation_pages, "translation-pages")
    for page in pages:
        page.__dict__[TRANSLATIONS_CACHE] = by_key[page.translation_key]
        # An alias's source is one of its versions: the API's ``meta.alias_of`` needs it.
        if page.alias_of_id and not Page.alias_of.is_cached(page):
            source = next(
                (v for v in by_key[page.translation_key] if v.pk == page.alias_of_id), None
            )
            if source is not None:
                Page.alias_of.field.set_cached_value(page, source)


class BasePage(Page):
    """Language-aware behaviour every page on the portal shares.

    A page may show content from another locale: an alias created by the
    synchronised tree until a translator translates it, or a page found in
    another language's tree by the fallback router. ``content_locale`` says
    which language the visitor actually reads, so templates can announce it and
    mark it with ``lang`` (WCAG 3.1.2).
    """

    last_reviewed = models.DateField(
        _("last reviewed"),
        null=True,
        blank=True,
        help_text=_("When the owner last checked this page is still right."),
    )
    owner_department = models.ForeignKey(
        "cms.Department",
        verbose_name=_("page owner"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The department that answers for this page. Council pages: the council."),
    )
    content_contact = models.ForeignKey(
        "cms.ContactPoint",
        verbose_name=_("content contact"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Where readers send questions about this page."),
    )

    promote_panels = Page.promote_panels + [
        MultiFieldPanel(
            [
                FieldPanel("owner_department"),
                FieldPanel("content_contact"),
                FieldPanel("last_reviewed"),
            ],
            heading=_("Accountability"),
        ),
        PageQualityPanel(heading=_("Translation and reading grade")),
    ]
    # The same owner and contact in every language (each shown in the reader's language).
    accountability_fields = [
        SynchronizedField("owner_department"),
        SynchronizedField("content_contact"),
    ]
    override_translatable_fields = accountability_fields
    # A page type whose pages answer for the pages below them (a district council).
    owns_descendants = False

    class Meta:
        abstract = True

    def route(self, request, path_components):
        """Wagtail's routing in two queries, whatever the depth.

        Wagtail looks up each path segment's child and then its specific page: two
        queries per level. Here the pages along the path are read at once (by ``url_path``
        below this page), the page that answers is chosen as Wagtail would — the first
        live routable page on the way whose own routes match the rest of the path (a
        routable page's routes win over its children), else the last page — and only that
        one is loaded as its specific type.
        """
        if not path_components:
            locales.attach([self])  # every page view reads the page's language
            return super().route(request, path_components)
        prefixes = [
            self.url_path + "".join(f"{part}/" for part in path_components[: level + 1])
            for level in range(len(path_components))
        ]
        chain = {
            page.depth - self.depth: page
            # By slug first: the slug is indexed, so the database reads the few pages of
            # those slugs instead of every page below this one.
            for page in Page.objects.filter(
                slug__in=set(path_components),
                path__startswith=self.path,
                depth__gt=self.depth,
                url_path__in=prefixes,
            )
        }
        parent, found = self, None
        for level in range(1, len(path_components) + 1):
            page = chain.get(level)
            if page is None:
                break
            remaining = path_components[level:]
            if not remaining or _routes_match(page, remaining):
                found = page
                break
            parent = page
        if found is None:
            raise Http404
        specific = found.specific
        specific._cached_parent_obj = parent
        locales.attach([specific])
        return specific.route(request, remaining)

    @classmethod
    def prefetch_for_listing(cls, pages):
        """Read what a list of ``pages`` of this type shows, for all of them at once (the
        pages API calls it on each page of results). A page type whose listing shows more
        than its own fields (its parent, say) overrides it."""

    def get_view_restrictions(self):
        """Wagtail's rule in one query instead of two or three: the restrictions on this page
        and its ancestors, where an alias counts as its source page (aliases have none of
        their own). Wagtail checks these on every page view."""
        chain = [self.path[:end] for end in range(self.steplen, len(self.path) + 1, self.steplen)]
        return PageViewRestriction.objects.filter(
            Q(page__path__in=chain, page__alias_of__isnull=True) | Q(page__aliases__path__in=chain)
        ).distinct()

    @cached_property
    def content_locale(self):
        if self.alias_of_id:
            if Page.alias_of.is_cached(self) and Page.locale.is_cached(self.alias_of):
                return self.alias_of.locale  # lists select_related("alias_of__locale")
            if source := self._live_version(self.alias_of_id):
                return source.locale
            return Page.objects.select_related("locale").get(pk=self.alias_of_id).locale
        return self.locale

    @property
    def is_translation_missing(self):
        """True when the visitor's language differs from the language of the content."""
        return self.content_locale.language_code != (get_language() or settings.LANGUAGE_CODE)

    def get_translation_pages(self):
        """Live versions of this page in every locale (itself included), read once: the
        language switcher, the hreflang links, the canonical URL and the API all ask."""
        if TRANSLATIONS_CACHE not in self.__dict__:
            prefetch_translation_pages([self])
        return self.__dict__[TRANSLATIONS_CACHE]

    def _live_version(self, pk):
        """The live version with this ``pk`` among the translations (an alias's source)."""
        return next((version for version in self.get_translation_pages() if version.pk == pk), None)

    @property
    def translations(self):
        """For the API: every language version with its id, URL and whether it is translated."""
        return [
            {
                "locale": page.locale.language_code,
                "id": page.pk,
                "url": page.get_full_url(),
                "translated": page.alias_of_id is None,
            }
            for page in self.get_translation_pages()
        ]

    @property
    def content_language(self):
        return self.content_locale.language_code

    def hreflang_alternates(self, request=None):
        """Alternates for search engines: real translations only, plus x-default.

        The HTML head and the API both read this, so they always agree.
        """
        links = []
        default_url = None
        for version in self.get_translation_pages():
            if version.alias_of_id:
                continue
            url = version.get_full_url(request)
            links.append({"hreflang": version.locale.language_code, "url": url})
            if version.locale.language_code == settings.LANGUAGE_CODE:
                default_url = url
        if links:
            links.append({"hreflang": "x-default", "url": default_url or links[0]["url"]})
        return links

    @property
    def hreflang(self):
        return self.hreflang_alternates()

    def get_canonical_url(self, request=None):
        """An untranslated version points search engines at the page whose content it shows."""
        if self.alias_of_id:
            source = self._live_version(self.alias_of_id)
            source = source or Page.objects.filter(pk=self.alias_of_id).first()
            if source is not None:
                return source.get_full_url(request)
        return self.get_full_url(request)

    @cached_property
    def breadcrumbs(self):
        """The trail the HTML shows above the page: ancestors below the home page, kept per
        content change (``cms.sections.kept``) for a saved page."""

        def read():
            ancestors = (
                self.get_ancestors()
                .filter(depth__gte=BREADCRUMB_START_DEPTH)
                .select_related("locale", "alias_of")  # each URL and title needs its language
            )
            return [
                {
                    "id": ancestor.pk,
                    "title": ancestor.title,
                    "url": ancestor.get_full_url(),
                    "content_language": page_language(ancestor),
                }
                for ancestor in ancestors
            ]

        return kept(read, "breadcrumbs", self.path) if self.pk else read()

    @cached_property
    def translation_notice(self):
        """Whether the "not yet translated" notice shows, and its text in the visitor's
        language (the active one), exactly as the HTML renders it."""
        if not self.is_translation_missing:
            return {"shown": False, "text": None}
        language = get_language_info(self.content_language)["name_translated"]
        text = gettext(
            "This page is not yet available in your language. It is shown in %(language)s."
        ) % {"language": language}
        return {"shown": True, "text": text}

    @property
    def seo(self):
        """What the HTML head says about the page: title, description, canonical URL."""
        title = self.seo_title or self.title
        parts = self.get_url_parts()  # the site from the cached root paths, not a query
        city = SiteSettings.for_site_id(parts[0]).city_name if parts else ""
        # The same words as the HTML <title>: all in the language of the page's text.
        with override(self.content_language):
            document_title = f"{title} · {city} {gettext('Community Portal')}"
        return {
            "title": title,
            "description": self.search_description,
            "document_title": document_title,
            "canonical_url": self.get_canonical_url(),
        }

    @cached_property
    def page_accountability(self):
        """Who answers for the page and when it was checked: "Page owner … · Last reviewed …".

        The owner is the chosen department, else the nearest page above that owns its
        descendants (a council owns its updates and meetings). Kept in the cache per page and
        language until the page or anything in the directory changes (``directory_version``).
        """
        published = self.last_published_at.timestamp() if self.last_published_at else 0
        key = f"portal:accountability:{self.pk}:{get_language()}:{published}:{directory_version()}"
        data = cache.get(key)
        if data is None:
            data = self._read_accountability()
            cache.set(key, data, 60 * 60)
        return {**data, "last_reviewed": self.last_reviewed}

    def _read_accountability(self):
        owner, owner_language = "", None
        if self.owner_department_id:
            department = in_active_language(Department, self.owner_department_id)
            owner, owner_language = department.name, department.locale.language_code
        else:
            owner_page = self if self.owns_descendants else self.owning_page()
            if owner_page is not None:
                owner, owner_language = owner_page.title, page_language(owner_page)
        contact = None
        if self.content_contact_id:
            point = in_active_language(ContactPoint, self.content_contact_id)
            if point is not None and contact_point_visible(None, point):
                contact = {
                    "name": point.name,
                    "phone": point.phone,
                    "email": point.email,
                    "language": point.locale.language_code,
                    "api": point.as_api_dict(),
                }
        return {"owner": owner, "owner_language": owner_language, "contact": contact}

    def owning_page(self):
        """The nearest page at or above this one whose type owns its descendants."""
        owners = [model for model in get_page_models() if getattr(model, "owns_descendants", False)]
        if not owners:
            return None
        types = ContentType.objects.get_for_models(*owners).values()
        return (
            Page.objects.ancestor_of(self, inclusive=True)
            .filter(content_type__in=types)
            .select_related("locale")
            .order_by("-depth")
            .first()
        )

    @cached_property
    def translation_method(self):
        """How this language version was made (machine, reviewed by a person, written in this
        language) and when; None for pages in the default language written there."""
        return public_translation_line(self)

    @property
    def accountability(self):
        """The same, for the API."""
        data = self.page_accountability
        contact = data["contact"]
        return {
            "owner": data["owner"],
            "contact": contact["api"] if contact else None,
            "last_reviewed": data["last_reviewed"].isoformat() if data["last_reviewed"] else None,
        }

    base_api_fields = [
        APIField("accountability"),
        APIField("translation_method"),
        APIField("last_reviewed"),
        APIField("last_published_at"),
        APIField("translations"),
        APIField("content_language"),
        APIField("translation_notice"),
        APIField("breadcrumbs"),
        APIField("hreflang"),
        APIField("seo"),
    ]
    # Fields that cost a query per page: served on the detail endpoint only.
    detail_only_api_fields = [
        "translation_notice",
        "breadcrumbs",
        "hreflang",
        "seo",
        "accountability",
        "translation_method",
    ]


def _routes_match(page, remaining):
    """Whether ``page`` is a live routable page with a route for the ``remaining`` path,
    decided from its content type without loading it."""
    model = page.specific_class
    if model is not None and model.route not in (BasePage.route, RoutablePageMixin.route):
        return True  # a page type routing in its own way is asked, as Wagtail would
    if not page.live or model is None or not issubclass(model, RoutablePageMixin):
        return False
    try:
        model.get_resolver().resolve("/" + "".join(f"{part}/" for part in remaining))
    except Http404:
        return False
    return True


class SectionIndexPage(BasePage):
    """A home page's section (district councils, events, how it works): one per
    language tree, with an introduction above what the section lists."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    api_fields = [APIField("intro"), *BasePage.base_api_fields]

    parent_page_types = ["cms.HomePage"]
    max_count_per_parent = 1

    class Meta:
        abstract = True


def home_page_teasers(request, page):
    """Sections other apps add to the home page through the ``home_page_teasers`` hook.

    Each hook returns ``None`` or a dict with ``template`` and its context (``teaser``).
    """
    return rendered_sections(HOME_PAGE_TEASERS, request, page, name="teaser")


class HomePage(BasePage):
    hero_heading = models.CharField(_("hero heading"), max_length=200)
    hero_intro = models.TextField(_("hero introduction"), blank=True)
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("hero image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    hero_image_alt = models.CharField(_("hero image alternative text"), max_length=250, blank=True)
    top_tasks = StreamField([("task", TopTaskBlock())], blank=True, verbose_name=_("top tasks"))
    body = StreamField(BodyStreamBlock(), blank=True, verbose_name=_("body"))

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("hero_heading"),
                FieldPanel("hero_intro"),
                FieldPanel("hero_image"),
                FieldPanel("hero_image_alt"),
            ],
            heading=_("Hero"),
        ),
        FieldPanel("top_tasks"),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("hero_heading"),
        index.SearchField("hero_intro"),
        index.SearchField("body"),
    ]
    api_fields = [
        APIField("hero_heading"),
        APIField("hero_intro"),
        APIField("hero_image"),
        APIField(
            "hero_image_rendition",
            serializer=ImageRenditionField("fill-1200x500", source="hero_image"),
        ),
        APIField("hero_image_alt"),
        APIField("top_tasks"),
        APIField("body"),
        *BasePage.base_api_fields,
    ]

    parent_page_types = ["wagtailcore.Page"]
    template = "cms/home_page.html"

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        localize_links([task.value["link"] for task in self.top_tasks])  # one query, not one a task
        context["teasers"] = home_page_teasers(request, self)
        return context


class ContentPage(BasePage):
    """General information page: guidance, explainers, contacts, FAQs."""

    intro = models.TextField(_("introduction"), blank=True, max_length=600)
    body = StreamField(BodyStreamBlock(), blank=True, verbose_name=_("body"))

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = Page.search_fields + [
        index.SearchField("intro", boost=2),
        index.SearchField("body"),
    ]
    api_fields = [APIField("intro"), APIField("body"), *BasePage.base_api_fields]

    template = "cms/content_page.html"

    class Meta:
        verbose_name = _("content page")
