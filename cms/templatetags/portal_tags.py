"""Template tags for the language switcher, hreflang links, navigation, footer and dates."""

from django import template
from django.urls import translate_url
from django.utils import timezone
from django.utils.translation import get_language

from cms.hooks import CONTENT_PAGE_SIDEBARS
from cms.languages import enabled_languages
from cms.navigation import site_links, visible_links
from cms.sections import rendered_sections

register = template.Library()


def _path_in_locale_tree(page):
    """The page's path below its language's home page, e.g. ``about/``."""
    root_path = page.url_path.split("/", 3)
    return root_path[3] if len(root_path) > 3 else ""


@register.simple_tag(takes_context=True)
def language_versions(context, page=None):
    """One entry per enabled language: where the switcher leads and whether it is translated.

    A language without a version of this page still gets a link: the fallback
    router shows the page in its source language with a notice, never a 404.
    """
    request = context.get("request")
    current = get_language()
    versions_by_code = {}
    if page is not None and getattr(page, "pk", None):
        for version in page.specific_deferred.get_translation_pages():
            versions_by_code[version.locale.language_code] = version
    entries = []
    for language in enabled_languages():
        version = versions_by_code.get(language.code)
        if version is not None:
            url = version.get_url(request)
            translated = version.alias_of_id is None
        elif page is not None and getattr(page, "pk", None):
            url = f"/{language.code}/{_path_in_locale_tree(page)}"
            translated = False
        else:
            url = translate_url(request.get_full_path() if request else "/", language.code)
            translated = True
        entries.append(
            {
                "code": language.code,
                "name": language.name,
                "name_local": language.name_local,
                "bidi": language.bidi,
                "url": url,
                "translated": translated,
                "current": language.code == current,
            }
        )
    return entries


@register.simple_tag(takes_context=True)
def hreflang_links(context, page):
    """Alternates for search engines (``BasePage.hreflang_alternates``, shared with the API)."""
    return page.specific_deferred.hreflang_alternates(context.get("request"))


@register.simple_tag(takes_context=True)
def canonical_url(context, page):
    """The URL search engines should index for this page.

    A page shown in a language it has no translation in (a wagtail-localize alias, or a
    page from another language's tree) repeats its source page: the canonical URL is the
    source's, so crawlers see one page, not a duplicate per language. Sub-routes of a
    routable page (``past/``, ``month/``) keep their own path below it.
    """
    request = context.get("request")
    url = page.specific_deferred.get_canonical_url(request)
    if not url or request is None:
        return url or ""
    served = page.get_url(request) or ""
    # Compare below the language prefix: a fallback page is served under another language.
    served_rest = served.split("/", 2)[-1] if served.count("/") > 1 else ""
    request_rest = request.path.split("/", 2)[-1] if request.path.count("/") > 1 else ""
    if request_rest.startswith(served_rest) and len(request_rest) > len(served_rest):
        url += request_rest[len(served_rest) :]
    return url


@register.inclusion_tag("cms/includes/main_navigation.html", takes_context=True)
def main_navigation(context):
    request = context.get("request")
    menu = site_links("navigation")
    return {
        "links": _link_items(menu, request),
        "menu": menu,
        "request": request,
    }


def _link_items(data, request):
    """Cached links the visitor may follow, shaped like the link blocks templates read
    (``item.value.href``, ``item.value.text``)."""
    return [
        {"value": {"href": link["url"], "text": link["text"], "language": link["language"]}}
        for link in visible_links(data, getattr(request, "user", None))
    ]


@register.inclusion_tag("cms/includes/footer.html", takes_context=True)
def site_footer(context):
    request = context.get("request")
    footer = site_links("footer")
    return {
        "footer": footer,  # its ``body`` is the rich text with links already resolved
        "links": _link_items(footer, request),
        "request": context.get("request"),
        "settings": context.get("settings"),
    }


@register.filter
def machine_datetime(value):
    """A ``<time datetime>`` value: ISO 8601 to the second (HTML allows 3 fraction digits
    at most; Django's ``date:'c'`` gives six)."""
    if not value:
        return ""
    if timezone.is_aware(value):
        value = timezone.localtime(value)  # as ``date:'c'`` did: the city's time and offset
    return value.replace(microsecond=0).isoformat()


@register.filter
def content_language(page):
    """The language the visitor reads on this page (the source language on fallbacks)."""
    locale = getattr(page, "content_locale", None)
    return locale.language_code if locale else get_language()


@register.simple_tag(takes_context=True)
def page_sidebars(context, page):
    """Sections apps add beside a content page through the ``content_page_sidebars`` hook."""
    return rendered_sections(CONTENT_PAGE_SIDEBARS, context.get("request"), page, name="sidebar")
