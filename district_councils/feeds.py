"""Atom feeds of council updates: one per council and one for all councils, per language."""

from datetime import datetime, time

from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from cms.visibility import visible_pages
from district_councils.models import CouncilUpdatePage, DistrictCouncilPage

FEED_LENGTH = 30


class PerEntryLanguageAtomFeed(Atom1Feed):
    """Atom with ``xml:lang`` on each entry: an untranslated update is in its source
    language, not the feed's."""

    def item_attributes(self, item):
        attributes = super().item_attributes(item)
        if item.get("language"):
            attributes["xml:lang"] = item["language"]
        return attributes


class CouncilUpdatesFeed(Feed):
    feed_type = PerEntryLanguageAtomFeed

    def __call__(self, request, *args, **kwargs):
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def get_object(self, request, page):
        return page

    def title(self, page):
        if isinstance(page, DistrictCouncilPage):
            return _("%(council)s: updates") % {"council": page.title}
        return _("District council updates")

    def subtitle(self, page):
        return page.intro or None

    def author_name(self, page):
        return page.title

    def link(self, page):
        return page.get_full_url(self.request)

    def feed_url(self, page):
        return page.get_full_url(self.request) + "feed/"

    def feed_guid(self, page):
        return self.feed_url(page)

    def items(self, page):
        return (
            visible_pages(None, CouncilUpdatePage.objects.descendant_of(page))
            .live()
            .filter(locale=page.locale_id)
            .select_related("locale", "alias_of__locale")
            .order_by("-date", "-pk")[:FEED_LENGTH]
        )

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary

    def item_link(self, item):
        return item.get_full_url(self.request)

    def item_pubdate(self, item):
        return item.first_published_at or timezone.make_aware(datetime.combine(item.date, time()))

    def item_updateddate(self, item):
        return item.last_published_at or self.item_pubdate(item)

    def item_extra_kwargs(self, item):
        return {"language": item.content_language}

    def item_categories(self, item):
        return item.topic_names
