"""One sitemap for every language's tree."""

from django.db.models import Q

from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page


class PortalSitemap(Sitemap):
    """Pages in every language, leaving out untranslated aliases: they repeat their
    source page's content, which search engines already have at its own URL."""

    def items(self):
        root = self.get_wagtail_site().root_page
        in_any_language_tree = Q()
        for language_root in Page.objects.filter(translation_key=root.translation_key):
            in_any_language_tree |= Q(path__startswith=language_root.path)
        return (
            Page.objects.filter(in_any_language_tree, alias_of__isnull=True)
            .live()
            .public()
            .order_by("path")
            .defer_streamfields()
            .specific()
        )
