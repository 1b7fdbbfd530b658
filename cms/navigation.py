"""The main navigation and the footer of each language, resolved once and cached.

Every page and the navigation and footer endpoints show them; resolving their links (each
chosen page in the visitor's language, its URL and title) cost a page seven queries. They
are resolved once per language into plain data kept in the cache, and forgotten when a
menu or footer is saved or deleted, or a page is published, unpublished, moved or deleted
(a link's title, URL or existence may have changed). Who may follow each link is still
decided per request, from the link's tree path, by ``cms.visibility`` (no query).
"""

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.utils.translation import get_language

from wagtail.models import Page
from wagtail.rich_text import expand_db_html
from wagtail.signals import page_published, page_unpublished, post_page_move

from cms.blocks import localize_links
from cms.languages import enabled_languages
from cms.models import FooterText, NavigationMenu
from cms.text_language import language_of
from cms.visibility import is_path_visible

# Changes forget the cached links at once in the shared cache (Redis); the time limit only
# bounds how long a server with a cache of its own (local memory) may show an old menu.
CACHE_SECONDS = 600
KEPT_IN_STEP_WITH = (NavigationMenu, FooterText, Page)
KINDS = {"navigation": (NavigationMenu, "items"), "footer": (FooterText, "links")}


def _cache_key(kind, language):
    return f"portal:site-links:{kind}:{language}"


def _resolve(kind):
    model, field = KINDS[kind]
    obj = model.for_active_locale()
    if obj is None:
        return None
    stream = getattr(obj, field)
    localize_links([block.value for block in stream])
    links = []
    for block in stream:
        value = block.value
        page = value.page_in_active_locale()
        links.append(
            {
                "id": block.id,
                "type": block.block_type,
                "text": value.text(),
                "language": language_of(value),  # a page's title is in the page's language
                "url": value.href(),
                "page": page.pk if page else None,
                "path": page.path if page else None,
            }
        )
    body = getattr(obj, "body", None)
    return {
        "id": obj.pk,
        "locale": obj.locale.language_code,
        "language": obj.locale.language_code,  # what its own text is in (lang of parts)
        "links": links,
        "body": expand_db_html(body) if body else "",
    }


def site_links(kind):
    """The navigation or footer (``kind``) of the active language: ``{"id", "locale",
    "links", "body"}``, or None when there is none in it or the default language."""
    key = _cache_key(kind, get_language())
    data = cache.get(key)
    if data is None:
        data = {"value": _resolve(kind)}
        cache.set(key, data, CACHE_SECONDS)
    return data["value"]


def visible_links(data, user):
    """The links of ``site_links()`` data that ``user`` (None: anonymous) may follow."""
    if data is None:
        return []
    return [
        link
        for link in data["links"]
        if link["path"] is None or is_path_visible(user, link["path"])
    ]


def forget(**kwargs):
    """Drop every language's cached navigation and footer."""
    instance = kwargs.get("instance")
    if kwargs.get("signal") is post_delete and not isinstance(instance, KEPT_IN_STEP_WITH):
        return
    cache.delete_many(
        [_cache_key(kind, language.code) for kind in KINDS for language in enabled_languages()]
    )


def connect():
    for model in (NavigationMenu, FooterText):
        post_save.connect(forget, sender=model, dispatch_uid=f"site-links-saved-{model.__name__}")
    # Deleting a page sends the signal for its specific model: listen to all, keep pages.
    post_delete.connect(forget, dispatch_uid="site-links-deleted")
    page_published.connect(forget, dispatch_uid="site-links-published")
    page_unpublished.connect(forget, dispatch_uid="site-links-unpublished")
    post_page_move.connect(forget, dispatch_uid="site-links-moved")
