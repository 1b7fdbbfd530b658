"""District council pages, their updates, and finding a resident's council.

Each council page is the root of the council's own subtree (updates, events and
meetings). Per-council editing rights and the
profile workflow are granted on that subtree (see ``permissions.py``).

Events and other apps add sections to a council page through the
``district_council_page_sections(request, page)`` hook; an event's host
council is ``host_council(event_page)``.
"""

import unicodedata

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.paginator import EmptyPage, Paginator
from django.db import models
from django.http import Http404
from django.utils.functional import cached_property
from django.utils.translation import gettext, gettext_noop
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Locale, Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from cms.blocks import RICH_TEXT_FEATURES, BodyStreamBlock
from cms.models import BasePage, SectionIndexPage
from district_councils import geo
from district_councils.blocks import GetInvolvedBlock, NameBlock, PersonBlock, SocialLinkBlock

UPDATES_PER_PAGE = 10
MAX_QUERY_LENGTH = 200


def normalize(text):
    """Case-, accent- and apostrophe-insensitive form of a name for matching."""
    text = unicodedata.normalize("NFKD", str(text)).casefold()
    text = text.replace("\u2019", "'").replace("\u2018", "'")
    return " ".join("".join(c for c in text if not unicodedata.combining(c)).split())


class FindCouncilError(Exception):
    """Bad find-my-council input; ``message`` is in the visitor's language."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


def council_pages(locale=None):
    """Live, public council pages of one language (the active one by default)."""
    locale = locale or Locale.get_active()
    return DistrictCouncilPage.objects.live().public().filter(locale=locale)


def host_council(page):
    """The district council a page (an update, an event) belongs to, or None."""
    return (
        DistrictCouncilPage.objects.ancestor_of(page, inclusive=True).filter(locale=page.locale_id)
        .first()
    )


def page_sections(request, page):
    """Sections other apps add to a council page (events, meetings), in order."""
    sections = []
    for fn in hooks.get_hooks("district_council_page_sections"):
        section = fn(request, page)
        if section:
            sections.append(section)
    return sorted(sections, key=lambda section: section.get("order", 100))


def address_geocoder():
    """The optional address geocoder: ``COUNCIL_GEOCODER`` names a callable taking an
    address and returning ``(lat, lon)`` or None. Off (None) unless configured."""
    import os

    from django.utils.module_loading import import_string

    path = getattr(settings, "COUNCIL_GEOCODER", None) or os.environ.get("COUNCIL_GEOCODER", "")
    return import_string(path) if path else None


def resolve_point(councils, lat, lon, **extra):
    found = geo.councils_containing(councils, lon, lat)
    if not found:
        return {
            **extra, "lat": lat, "lon": lon, "council": None,
            "message": gettext(
                "That point is outside Saint Paul's district councils. Choose a point "
                "inside the city, or pick your neighborhood from the list."
            ),
        }
    return {**extra, "lat": lat, "lon": lon, "council": councils.get(found[0])}


def find_council(params, councils):
    """Resolve find-my-council query parameters against ``councils``.

    Returns None when nothing was asked, else a dict with ``council`` (one
    match), ``candidates`` (several) and/or ``message``. Raises FindCouncilError
    for malformed input.
    """
    if "lat" in params or "lon" in params:
        try:
            lat, lon = geo.parse_coordinates(params.get("lat"), params.get("lon"))
        except geo.CoordinateError as error:
            raise FindCouncilError(str(error)) from error
        return resolve_point(councils, lat, lon)
    if "address" in params:
        geocode = address_geocoder()
        if geocode is None:
            raise FindCouncilError(
                gettext("Address search is not available. Choose your neighborhood instead.")
            )
        address = params.get("address", "").strip()
        if not address or len(address) > MAX_QUERY_LENGTH:
            raise FindCouncilError(
                gettext("Type a street address of at most %(max)s characters.")
                % {"max": MAX_QUERY_LENGTH}
            )
        try:
            point = geocode(address)
        except Exception:  # a geocoder outage must not break the page
            point = None
            failed = True
        else:
            failed = False
        if point is None:
            return {
                "address": address, "council": None,
                "message": gettext("The address search is not working right now. Choose your "
                                   "neighborhood instead.") if failed else gettext(
                    "No place was found for that address. Check it, or choose your "
                    "neighborhood instead."),
            }
        return resolve_point(councils, point[0], point[1], address=address)
    if "neighborhood" in params:
        query = params.get("neighborhood", "").strip()
        if not query:
            raise FindCouncilError(gettext("Type or choose the name of your neighborhood."))
        if len(query) > MAX_QUERY_LENGTH:
            raise FindCouncilError(
                gettext("The neighborhood name is too long (at most %(max)s characters).")
                % {"max": MAX_QUERY_LENGTH}
            )
        wanted = normalize(query)
        exact, partial = [], []
        for council in councils:
            names = [*council.neighborhood_names, council.title, council.area_name]
            normalized = [normalize(name) for name in names if name]
            if wanted in normalized:
                exact.append(council)
            elif any(wanted in name for name in normalized):
                partial.append(council)
        matches = exact or partial
        if len(matches) == 1:
            return {"query": query, "council": matches[0]}
        if matches:
            return {"query": query, "council": None, "candidates": matches}
        return {
            "query": query, "council": None,
            "message": gettext(
                "No neighborhood called “%(name)s” was found. Check the spelling, or choose "
                "from the list of councils and neighborhoods below."
            ) % {"name": query},
        }
    return None


class DistrictCouncilIndexPage(RoutablePageMixin, SectionIndexPage):
    """The list of the city's district councils, at /<lang>/district-councils/."""

    subpage_types = ["district_councils.DistrictCouncilPage"]
    template = "district_councils/district_council_index_page.html"

    class Meta:
        verbose_name = _("district council index page")

    def get_councils(self):
        return list(
            DistrictCouncilPage.objects.child_of(self).live().public()
            .order_by("district_number")
        )

    def feed_url(self):
        return self.url + "feed/"

    @path("")
    def index_view(self, request):
        councils = self.get_councils()
        status = 200
        try:
            result = find_council(request.GET, CouncilList(councils))
        except FindCouncilError as error:
            result = {"error": error.message}
            status = 400
        context = {
            "councils": councils,
            "result": result,
            "map_data": boundaries_feature_collection(councils, request),
            "neighborhood_options": neighborhood_options(councils, request),
            "map_tile_url": map_tile_url(),
            "map_tile_attribution": map_tile_attribution(),
            "address_search": address_geocoder() is not None,
        }
        response = self.render(request, context_overrides=context)
        response.status_code = status
        return response

    @path("feed/", name="feed")
    def feed_view(self, request):
        from district_councils.feeds import CouncilUpdatesFeed

        return CouncilUpdatesFeed()(request, page=self)


class CouncilList(list):
    """The councils already loaded for a page, usable like a queryset by the finder."""

    def values_list(self, *fields):
        return [tuple(getattr(council, field) for field in fields) for council in self]

    def filter(self, pk__in):
        wanted = set(pk__in)
        return CouncilList(council for council in self if council.pk in wanted)

    def get(self, pk):
        return next(council for council in self if council.pk == pk)


def boundaries_feature_collection(councils, request=None):
    return {
        "type": "FeatureCollection",
        "features": [
            {
                "type": "Feature",
                "geometry": council.boundary,
                "properties": {
                    "number": council.district_number,
                    "name": council.title,
                    "url": council.get_url(request),
                },
            }
            for council in councils
            if council.boundary
        ],
    }


def neighborhood_options(councils, request=None):
    """Every neighborhood name with its council, for the autocomplete."""
    options = []
    for council in councils:
        url = council.get_url(request)
        for name in council.neighborhood_names:
            options.append({"name": name, "council": council.title, "url": url})
    return sorted(options, key=lambda option: normalize(option["name"]))


def map_tile_url():
    """Tile server URL template (``MAP_TILE_URL``); empty means boundaries on a plain map."""
    import os

    return getattr(settings, "MAP_TILE_URL", None) or os.environ.get("MAP_TILE_URL", "")


def map_tile_attribution():
    import os

    return getattr(settings, "MAP_TILE_ATTRIBUTION", None) or os.environ.get(
        "MAP_TILE_ATTRIBUTION", ""
    )


class DistrictCouncilPage(RoutablePageMixin, BasePage):
    """One district council: who it serves, how to reach it, how to take part.

    Council pages are the root of the council's own subtree (updates, meetings),
    which is what per-council editing rights are granted on.
    """

    district_number = models.PositiveSmallIntegerField(_("district number"))
    area_name = models.CharField(
        _("area name"), max_length=120, blank=True,
        help_text=_("The planning district's area, e.g. “Greater East Side”."),
    )
    intro = models.TextField(_("introduction"), blank=True)
    neighborhoods = StreamField(
        [("neighborhood", NameBlock(label=_("Neighborhood")))],
        blank=True, verbose_name=_("neighborhoods"),
    )
    boundary = models.JSONField(
        _("boundary"), null=True, blank=True, validators=[geo.validate_boundary],
        help_text=_("GeoJSON Polygon or MultiPolygon geometry, longitude/latitude (WGS84)."),
    )
    body = StreamField(BodyStreamBlock(), blank=True, verbose_name=_("description"))
    office_address = models.TextField(_("office address"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    email = models.EmailField(_("email"), blank=True)
    website = models.URLField(_("website"), blank=True)
    social_links = StreamField(
        [("link", SocialLinkBlock())], blank=True, verbose_name=_("social links")
    )
    people = StreamField(
        [("person", PersonBlock())], blank=True, verbose_name=_("staff and board members")
    )
    meetings = RichTextField(
        _("how and when the board meets"), blank=True, features=RICH_TEXT_FEATURES
    )
    get_involved = StreamField(
        [("way", GetInvolvedBlock())], blank=True, verbose_name=_("how to get involved")
    )
    staff_languages = StreamField(
        [("language", NameBlock(label=_("Language")))], blank=True,
        verbose_name=_("languages the staff speak"),
    )
    is_demo_data = models.BooleanField(
        _("contains demo data"), default=False,
        help_text=_("Shows a notice that some details are examples, not real information."),
    )

    content_panels = Page.content_panels + [
        FieldRowPanel([FieldPanel("district_number"), FieldPanel("area_name")]),
        FieldPanel("intro"),
        FieldPanel("neighborhoods"),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldPanel("office_address"),
                FieldRowPanel([FieldPanel("phone"), FieldPanel("email")]),
                FieldPanel("website"),
                FieldPanel("social_links"),
            ],
            heading=_("Contact"),
        ),
        FieldPanel("people"),
        FieldPanel("meetings"),
        FieldPanel("get_involved"),
        FieldPanel("staff_languages"),
        FieldPanel("boundary"),
        FieldPanel("is_demo_data"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("area_name"),
        index.SearchField("neighborhoods"),
        index.SearchField("body"),
        index.FilterField("district_number"),
    ]
    api_fields = [
        APIField("district_number"),
        APIField("area_name"),
        APIField("intro"),
        APIField("neighborhoods"),
        APIField("boundary"),
        APIField("body"),
        APIField("office_address"),
        APIField("phone"),
        APIField("email"),
        APIField("website"),
        APIField("social_links"),
        APIField("people"),
        APIField("meetings"),
        APIField("get_involved"),
        APIField("staff_languages"),
        APIField("is_demo_data"),
        *BasePage.base_api_fields,
    ]
    override_translatable_fields = [
        SynchronizedField("boundary"),
        SynchronizedField("district_number"),
        SynchronizedField("email"),
        SynchronizedField("website"),
        TranslatableField("neighborhoods"),
    ]

    parent_page_types = ["district_councils.DistrictCouncilIndexPage"]
    # The events app adds "engagement.EventPage" here when it lands.
    subpage_types = ["district_councils.CouncilUpdatePage", "engagement.EventPage"]
    template = "district_councils/district_council_page.html"

    class Meta:
        verbose_name = _("district council page")
        ordering = ["district_number"]

    def __str__(self):
        return self.title

    def clean(self):
        super().clean()
        if self.boundary:
            try:
                geo.validate_boundary(self.boundary)
            except ValidationError as error:
                raise ValidationError({"boundary": error.messages}) from error

    @cached_property
    def neighborhood_names(self):
        return [block.value for block in self.neighborhoods if block.value]

    @property
    def staff(self):
        return [block.value for block in self.people if block.value["group"] == "staff"]

    @property
    def board(self):
        return [block.value for block in self.people if block.value["group"] == "board"]

    @property
    def people_by_group(self):
        return [(gettext("Staff"), self.staff), (gettext("Board"), self.board)]

    def permissions_for_user(self, user):
        from district_councils.permissions import CouncilProfilePermissionTester

        return CouncilProfilePermissionTester(user, self)

    def get_updates(self):
        return (
            CouncilUpdatePage.objects.child_of(self).live().public()
            .select_related("locale", "alias_of__locale")
            .order_by("-date", "-pk")
        )

    def feed_url(self):
        return self.url + "feed/"

    @path("")
    def council_view(self, request):
        raw_page = request.GET.get("page", "1")
        try:
            number = int(raw_page)
            if number < 1:
                raise ValueError
        except ValueError:
            response = self.render(request, context_overrides={
                "page_error": gettext("The page number must be a whole number of 1 or more."),
                "updates": None,
            })
            response.status_code = 400
            return response
        paginator = Paginator(self.get_updates(), UPDATES_PER_PAGE)
        try:
            updates = paginator.page(number)
        except EmptyPage:
            if number == 1:
                updates = paginator.page(1)
            else:
                raise Http404(gettext("There is no page %(number)s of updates.")
                              % {"number": number}) from None
        return self.render(request, context_overrides={"updates": updates})

    @path("feed/", name="feed")
    def feed_view(self, request):
        from district_councils.feeds import CouncilUpdatesFeed

        return CouncilUpdatesFeed()(request, page=self)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        sections = page_sections(request, self)
        context["sections"] = sections
        context["alternate_links"] = [
            link for section in sections for link in section.get("alternate_links", [])
        ]
        context["map_data"] = boundaries_feature_collection([self], request)
        context["map_tile_url"] = map_tile_url()
        context["map_tile_attribution"] = map_tile_attribution()
        context["index_url"] = self.get_parent().get_url(request)
        return context


COUNCIL_PROFILE_WORKFLOW_NAME = gettext_noop("District council profile approval")


class PublishedByCouncilEditors:
    """For pages below a council page that its editors publish themselves (updates,
    meetings, cancellations): the approval workflow assigned to the council page
    covers the council's profile only, so it stops here. Any other workflow applies."""

    def get_workflow(self):
        workflow = super().get_workflow()
        if workflow is not None and workflow.name == COUNCIL_PROFILE_WORKFLOW_NAME:
            return None
        return workflow

    @property
    def has_workflow(self):
        return self.get_workflow() is not None


class CouncilUpdatePage(PublishedByCouncilEditors, BasePage):
    """News from one council. Published by the council's editors without review."""

    date = models.DateField(_("date"))
    summary = models.TextField(_("summary"), max_length=600)
    body = StreamField(BodyStreamBlock(), blank=True, verbose_name=_("body"))
    image = models.ForeignKey(
        "wagtailimages.Image", verbose_name=_("image"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )
    image_alt = models.CharField(
        _("image alternative text"), max_length=250, blank=True,
        help_text=_("Describe what the image shows for people who cannot see it."),
    )
    topics = StreamField(
        [("topic", NameBlock(label=_("Topic")))], blank=True, verbose_name=_("topics")
    )

    content_panels = Page.content_panels + [
        FieldPanel("date"),
        FieldPanel("summary"),
        FieldPanel("body"),
        FieldRowPanel([FieldPanel("image"), FieldPanel("image_alt")]),
        FieldPanel("topics"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary", boost=2),
        index.SearchField("body"),
        index.FilterField("date"),
    ]
    api_fields = [
        APIField("date"),
        APIField("summary"),
        APIField("body"),
        APIField("image"),
        APIField("image_alt"),
        APIField("topics"),
        APIField("council"),
        *BasePage.base_api_fields,
    ]

    parent_page_types = ["district_councils.DistrictCouncilPage"]
    subpage_types = []
    template = "district_councils/council_update_page.html"

    class Meta:
        verbose_name = _("council update")
        ordering = ["-date"]

    def clean(self):
        super().clean()
        if self.image_id and not self.image_alt:
            raise ValidationError({"image_alt": _("An image needs alternative text.")})


    @cached_property
    def council_page(self):
        return self.get_parent().specific

    @property
    def topic_names(self):
        return [block.value for block in self.topics if block.value]

    @property
    def council(self):
        council = self.council_page
        return {"id": council.pk, "title": council.title,
                "district_number": council.district_number}

