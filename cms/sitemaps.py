"""One sitemap for every language's tree, each URL with its translations as alternates."""

from collections import defaultdict

from django.conf import settings
from django.db.models import Q

from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page

from cms.visibility import visible_pages


class PortalSitemap(Sitemap):
    """Pages in every language, leaving out untranslated aliases: they repeat their
    source page's content, which search engines already have at its own URL (the alias
    names it as canonical). Each URL lists the real translations of its page, and
    ``x-default`` (the default language), as ``xhtml:link`` hreflang alternates."""

    def items(self):
        root = self.get_wagtail_site().root_page
        in_any_language_tree = Q()
        for language_root in Page.objects.filter(translation_key=root.translation_key):
            in_any_language_tree |= Q(path__startswith=language_root.path)
        return (
            visible_pages(None, Page.objects.filter(in_any_language_tree, alias_of__isnull=True))
            .live()
            .select_related("locale")
            .order_by("path")
            .defer_streamfields()
            .specific()
        )

    def _urls(self, page, protocol, domain):
        pages = list(self.paginator.page(page).object_list)
        versions = defaultdict(list)
        urls = []
        for item in pages:
            for url_info in item.get_sitemap_urls(self.request):
                url_info["translation_key"] = item.translation_key
                url_info["lang_code"] = item.locale.language_code
                versions[item.translation_key].append(url_info)
                urls.append(url_info)
        for url_info in urls:
            group = versions[url_info.pop("translation_key")]
            alternates = [
                {"lang_code": other["lang_code"], "location": other["location"]} for other in group
            ]
            default = next(
                (other for other in group if other["lang_code"] == settings.LANGUAGE_CODE),
                group[0],
            )
            alternates.append({"lang_code": "x-default", "location": default["location"]})
            url_info["alternates"] = alternates
        for url_info in urls:
            url_info.pop("lang_code", None)
        last_mods = {url_info.get("lastmod") for url_info in urls}
        if last_mods and None not in last_mods:
            self.latest_lastmod = max(last_mods)
        return urls
