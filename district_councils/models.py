"""District council pages."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.models import Page
from wagtail.search import index

from cms.models import BasePage


class DistrictCouncilIndexPage(BasePage):
    """The list of the city's district councils, at /<lang>/district-councils/."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    api_fields = [APIField("intro"), *BasePage.base_api_fields]

    parent_page_types = ["cms.HomePage"]
    max_count_per_parent = 1
    template = "district_councils/district_council_index_page.html"

    class Meta:
        verbose_name = _("district council index page")


class DistrictCouncilPage(BasePage):
    """One district council: who it serves, how to reach it, how to take part.

    Council pages are the root of the council's own subtree (updates, meetings),
    which is what per-council editing rights are granted on.
    """

    district_number = models.PositiveSmallIntegerField(_("district number"))
    intro = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("district_number"), FieldPanel("intro")]
    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.FilterField("district_number"),
    ]
    api_fields = [APIField("district_number"), APIField("intro"), *BasePage.base_api_fields]

    parent_page_types = ["district_councils.DistrictCouncilIndexPage"]
    template = "district_councils/district_council_page.html"

    class Meta:
        verbose_name = _("district council page")
        ordering = ["district_number"]
