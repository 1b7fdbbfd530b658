"""District council page models: the council index, council pages and their updates.

Each council page is the root of the council's own subtree (updates, events and
meetings). Per-council editing rights are granted on that subtree
(``permissions.py``); who publishes what is the workflow policy in ``workflows.py``.

Routes without views in the models: the ``@path`` methods of these routable pages
only name their route and hand the request to ``routing.dispatch``; the view
functions live in ``views.py`` (with the Atom feeds of ``feeds.py``) and register
themselves with ``routing.handles`` when ``DistrictCouncilsConfig.ready()`` imports
them. The models import neither views, feeds nor permissions.

Services beside the models: ``finder.py`` (find my council), ``maps.py`` (map
configuration and boundaries), ``queries.py`` (``council_pages``, ``host_council``)
and ``geo.py`` (geometry).
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from cms import routing
from cms.blocks import RICH_TEXT_FEATURES, BodyStreamBlock
from cms.models import BasePage, SectionIndexPage
from cms.pagination import kept_rows
from cms.sections import kept_each
from cms.visibility import visible_pages
from district_councils import geo
from district_councils.blocks import GetInvolvedBlock, NameBlock, PersonBlock, SocialLinkBlock
from district_councils.workflows import CouncilProfilePermissionTester, PublishedByCouncilEditors

# What a list that only names a council never reads.
HEAVY_COUNCIL_FIELDS = (
    "boundary",
    "body",
    "people",
    "meetings",
    "get_involved",
    "neighborhoods",
    "social_links",
    "staff_languages",
)


class DistrictCouncilIndexPage(RoutablePageMixin, SectionIndexPage):
    """The list of the city's district councils, at /<lang>/district-councils/."""

    subpage_types = ["district_councils.DistrictCouncilPage"]
    template = "district_councils/district_council_index_page.html"

    class Meta:
        verbose_name = _("district council index page")

    def get_councils(self):
        """The councils, read once per content change (``cms.pagination.kept_rows``):
        PostgreSQL's planner merge-joins this tree query by reading the whole page table."""
        return kept_rows(
            visible_pages(None, DistrictCouncilPage.objects.child_of(self).live()).order_by(
                "district_number"
            )
        )

    def feed_url(self):
        return self.url + "feed/"

    @path("")
    def index_view(self, request):
        return routing.dispatch("council_index", self, request)

    @path("feed/", name="feed")
    def feed_view(self, request):
        return routing.dispatch("updates_feed", self, request)


class DistrictCouncilPage(RoutablePageMixin, BasePage):
    """One district council: who it serves, how to reach it, how to take part.

    Council pages are the root of the council's own subtree (updates, meetings),
    which is what per-council editing rights are granted on.
    """

    district_number = models.PositiveSmallIntegerField(_("district number"))
    area_name = models.CharField(
        _("area name"),
        max_length=120,
        blank=True,
        help_text=_("The planning district's area, e.g. “Greater East Side”."),
    )
    intro = models.TextField(_("introduction"), blank=True)
    neighborhoods = StreamField(
        [("neighborhood", NameBlock(label=_("Neighborhood")))],
        blank=True,
        verbose_name=_("neighborhoods"),
    )
    boundary = models.JSONField(
        _("boundary"),
        null=True,
        blank=True,
        validators=[geo.validate_boundary],
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
        [("language", NameBlock(label=_("Language")))],
        blank=True,
        verbose_name=_("languages the staff speak"),
    )
    is_demo_data = models.BooleanField(
        _("contains demo data"),
        default=False,
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
        *BasePage.accountability_fields,
        SynchronizedField("boundary"),
        SynchronizedField("district_number"),
        SynchronizedField("email"),
        SynchronizedField("website"),
        TranslatableField("neighborhoods"),
    ]

    owns_descendants = True  # the council answers for its updates and meetings
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
        return CouncilProfilePermissionTester(user, self)

    def get_updates(self):
        return (
            visible_pages(None, CouncilUpdatePage.objects.child_of(self).live())
            .select_related("locale", "alias_of__locale")
            .order_by("-date", "-pk")
        )

    def feed_url(self):
        return self.url + "feed/"

    @path("")
    def council_view(self, request):
        return routing.dispatch("council_page", self, request)

    @path("feed/", name="feed")
    def feed_view(self, request):
        return routing.dispatch("updates_feed", self, request)


class CouncilUpdatePage(PublishedByCouncilEditors, BasePage):
    """News from one council. Published by the council's editors without review."""

    date = models.DateField(_("date"), db_index=True)  # listings sort by it
    summary = models.TextField(_("summary"), max_length=600)
    body = StreamField(BodyStreamBlock(), blank=True, verbose_name=_("body"))
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    image_alt = models.CharField(
        _("image alternative text"),
        max_length=250,
        blank=True,
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

    @classmethod
    def prefetch_for_listing(cls, pages):
        """Each update's council (its parent) from one query for the whole list, kept per
        content change (``cms.sections.kept_each``): PostgreSQL's planner merge-joins it by
        reading the whole page table."""
        steplen = DistrictCouncilPage.steplen

        def read(paths):
            found = dict.fromkeys(paths)
            for council in (
                DistrictCouncilPage.objects.filter(path__in=paths)
                .select_related("locale")
                .defer(*HEAVY_COUNCIL_FIELDS)  # a list names the council; it shows no map
            ):
                found[council.path] = council
            return found

        parents = {page.path[:-steplen] for page in pages}
        councils = kept_each(parents, read, "council-at")
        for page in pages:
            council = councils.get(page.path[:-steplen])
            if council is not None:
                page.__dict__["council_page"] = council

    @property
    def topic_names(self):
        return [block.value for block in self.topics if block.value]

    @property
    def council(self):
        council = self.council_page
        return {
            "id": council.pk,
            "title": council.title,
            "district_number": council.district_number,
        }
