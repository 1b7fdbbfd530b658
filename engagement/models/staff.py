"""The staff hub at /<lang>/staff/: evergreen answers for frontline staff.

The customer-service workgroup asked for one place where staff share "evergreen"
information, each department's top 10 topics, a customer-service staff list updated each
season and the past "Snacks & Service" presentations. These are pages below
``StaffHubPage``, which carries a City staff view restriction: ``cms.visibility`` then keeps
all of them, in every language, from everyone outside City staff, City communications and
administrators, on every channel. Routes (the hub's list and search, the library's
documents) are served by ``engagement.staff.views`` through ``cms.routing``.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail.snippets.blocks import SnippetChooserBlock
from wagtail_localize.fields import SynchronizedField

from cms import routing
from cms.blocks import BodyStreamBlock
from cms.models import BasePage
from engagement.staff.blocks import TOP_TOPICS_LIMIT, StaffListEntryBlock, TopTopicBlock
from engagement.staff.seasons import SEASON_LABELS, next_season_start, season_of

STAFF_PAGE_TYPES = [
    "engagement.GuidancePage",
    "engagement.TopTopicsPage",
    "engagement.StaffListPage",
    "engagement.TrainingLibraryPage",
    "cms.ContentPage",
]


class StaffHubPage(RoutablePageMixin, BasePage):
    """The hub: every answer, each department's top 10, the staff list, the training library
    and a search over them. Give it a *Private → City staff* restriction."""

    intro = models.TextField(_("introduction"), blank=True, max_length=600)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    api_fields = [APIField("intro"), *BasePage.base_api_fields]

    parent_page_types = ["cms.HomePage"]
    subpage_types = STAFF_PAGE_TYPES
    max_count_per_parent = 1
    template = "engagement/staff/staff_hub_page.html"

    class Meta:
        verbose_name = _("staff hub")

    @path("")
    def hub_view(self, request):
        return routing.dispatch("staff_hub", self, request)

    @path("search/")
    def search_view(self, request):
        return routing.dispatch("staff_search", self, request)


def _chooser_list(block, label):
    """A list of chosen items as a StreamField: wagtail-localize points each chosen snippet
    of a translation at that snippet's translation (a many-to-many field it would not)."""
    return StreamField([("item", block)], blank=True, verbose_name=label)


class GuidancePage(BasePage):
    """One evergreen answer: the question as staff hear it, the short answer to give, and
    the full answer with who to send the resident to."""

    question = models.CharField(
        _("the question as staff hear it"),
        max_length=300,
        help_text=_("In the resident's words, e.g. “Why wasn't my trash picked up?”"),
    )
    short_answer = models.TextField(
        _("short answer"), max_length=600, help_text=_("What to tell the resident first.")
    )
    answer = StreamField(BodyStreamBlock(), blank=True, verbose_name=_("full answer"))
    departments = _chooser_list(
        SnippetChooserBlock("cms.Department", label=_("Department")), _("applies to departments")
    )
    contact_points = _chooser_list(
        SnippetChooserBlock("cms.ContactPoint", label=_("Contact point")),
        _("related contact points"),
    )
    service_topics = _chooser_list(
        blocks.PageChooserBlock(page_type="engagement.ServiceTopicPage", label=_("Service topic")),
        _("related service topics"),
    )

    content_panels = Page.content_panels + [
        FieldPanel("question"),
        FieldPanel("short_answer"),
        FieldPanel("answer"),
        FieldPanel("departments"),
        FieldPanel("contact_points"),
        FieldPanel("service_topics"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("question", boost=3),
        index.SearchField("short_answer", boost=2),
        index.SearchField("answer"),
        index.AutocompleteField("question"),
    ]
    api_fields = [
        APIField("question"),
        APIField("short_answer"),
        APIField("answer"),
        APIField("departments"),
        APIField("contact_points"),
        APIField("service_topics"),
        *BasePage.base_api_fields,
    ]

    parent_page_types = ["engagement.StaffHubPage"]
    subpage_types = []
    template = "engagement/staff/guidance_page.html"

    class Meta:
        verbose_name = _("staff guidance")
        verbose_name_plural = _("staff guidance")


class TopTopicsPage(BasePage):
    """A department's top 10 customer-service topics, in order, each leading to its answer."""

    department = models.ForeignKey(
        "cms.Department",
        verbose_name=_("department"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    intro = models.TextField(_("introduction"), blank=True, max_length=600)
    topics = StreamField(
        [("topic", TopTopicBlock())],
        max_num=TOP_TOPICS_LIMIT,
        verbose_name=_("topics, most asked first"),
    )

    content_panels = Page.content_panels + [
        FieldPanel("department"),
        FieldPanel("intro"),
        FieldPanel("topics"),
    ]
    override_translatable_fields = [
        *BasePage.accountability_fields,
        SynchronizedField("department"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("topics"),
        index.RelatedFields("department", [index.SearchField("name")]),
    ]
    api_fields = [
        APIField("department"),
        APIField("intro"),
        APIField("topics"),
        *BasePage.base_api_fields,
    ]

    parent_page_types = ["engagement.StaffHubPage"]
    subpage_types = []
    template = "engagement/staff/top_topics_page.html"

    class Meta:
        verbose_name = _("top 10 topics")
        verbose_name_plural = _("top 10 topics")

    def clean(self):
        super().clean()
        limit = TOP_TOPICS_LIMIT
        if len(self.topics) > limit:
            raise ValidationError(
                {
                    "topics": _("A top 10 holds at most %(limit)d topics.")
                    % {"limit": TOP_TOPICS_LIMIT}
                }
            )


class StaffListPage(BasePage):
    """Who answers residents for each department, checked once a season: the season it was
    last checked comes from *last reviewed*, the next check is the start of the next one."""

    intro = models.TextField(_("introduction"), blank=True, max_length=600)
    entries = StreamField(
        [("entry", StaffListEntryBlock())], verbose_name=_("customer-service staff")
    )

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("entries")]
    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("entries"),
    ]
    api_fields = [
        APIField("intro"),
        APIField("entries"),
        APIField("season"),
        APIField("next_review"),
        *BasePage.base_api_fields,
    ]

    parent_page_types = ["engagement.StaffHubPage"]
    subpage_types = []
    max_count_per_parent = 1
    template = "engagement/staff/staff_list_page.html"

    class Meta:
        verbose_name = _("customer-service staff list")

    @property
    def season(self):
        """The season it was last checked in ("fall"), or None if never."""
        return season_of(self.last_reviewed) if self.last_reviewed else None

    @property
    def season_label(self):
        return SEASON_LABELS.get(self.season, "")

    @property
    def next_review(self):
        """The first day of the next season: the list is checked again by then."""
        return next_season_start(self.last_reviewed) if self.last_reviewed else None

    @property
    def review_overdue(self):
        return self.next_review is None or self.next_review <= timezone.localdate()


class TrainingLibraryPage(RoutablePageMixin, BasePage):
    """Past "Snacks & Service" presentations: the documents of a staff-only collection."""

    intro = models.TextField(_("introduction"), blank=True, max_length=600)
    collection = models.ForeignKey(
        "wagtailcore.Collection",
        verbose_name=_("collection"),
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("A collection with a City staff view restriction (or inside one)."),
    )

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("collection")]
    override_translatable_fields = [
        *BasePage.accountability_fields,
        SynchronizedField("collection"),
    ]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    api_fields = [APIField("intro"), *BasePage.base_api_fields]

    parent_page_types = ["engagement.StaffHubPage"]
    subpage_types = []
    max_count_per_parent = 1
    template = "engagement/staff/training_library_page.html"

    class Meta:
        verbose_name = _("training library")

    @path("")
    def documents_view(self, request):
        return routing.dispatch("training_library", self, request)

    def clean(self):
        super().clean()
        if self.collection_id and not self.collection.get_view_restrictions().exists():
            raise ValidationError(
                {
                    "collection": _(
                        "Choose a collection only City staff may see: its documents would "
                        "otherwise be public."
                    )
                }
            )
