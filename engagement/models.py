"""Events, meetings and how-it-works explainers."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.models import Page
from wagtail.search import index

from cms.models import BasePage


class EventIndexPage(BasePage):
    """Upcoming events and public meetings, at /<lang>/events/."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    api_fields = [APIField("intro"), *BasePage.base_api_fields]

    parent_page_types = ["cms.HomePage"]
    max_count_per_parent = 1
    template = "engagement/event_index_page.html"

    class Meta:
        verbose_name = _("event index page")


class ProcessIndexPage(BasePage):
    """Plain-language explainers of city processes, at /<lang>/how-it-works/."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    api_fields = [APIField("intro"), *BasePage.base_api_fields]

    parent_page_types = ["cms.HomePage"]
    max_count_per_parent = 1
    template = "engagement/process_index_page.html"

    class Meta:
        verbose_name = _("how-it-works index page")
