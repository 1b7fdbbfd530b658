"""Whole-page cache for anonymous visitors, shared by every app server through the cache.

Why in the app and not only in a proxy: it knows who is signed in, which pages are private
(``cms.visibility``) and when content changes, so it can never show a cached page to the
wrong person and never keeps one past a publish. Entries live in the Django cache (Redis
when ``REDIS_URL`` is set), so one invalidation reaches every server.

Invalidation is broad and cheap: every entry is stored under the current *generation*,
and any change a page may show (publish, unpublish, move, delete, a new translation or
alias, a snippet, a site setting, an image, a restriction) bumps the generation, which
orphans every entry at once; orphans expire on their own after ``PAGE_CACHE_SECONDS``.

A proxy or CDN in front may keep anonymous pages ``PAGE_CACHE_PROXY_SECONDS``
(``Cache-Control: public, s-maxage``); Wagtail's front-end cache purge
(``FRONTEND_CACHE_PURGE_URLS``) tells it about publishes right away.
"""

import hashlib
import logging
import time

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.http import HttpResponse
from django.utils.cache import add_never_cache_headers, patch_cache_control, patch_vary_headers
from django.utils.translation import get_language

from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move

from cms.visibility import is_visible

logger = logging.getLogger(__name__)

GENERATION_KEY = "portal:page-cache:generation"
PAGE_ATTRIBUTE = "_page_cache_page"
# Language-prefixed paths only: the API, the admin, files and login forms are never cached.
UNCACHED_PREFIXES = ("/api/", "/admin/", "/django-admin/", "/documents/", "/static/", "/media/")
UNCACHED_PARTS = ("/_util/",)
MESSAGES_COOKIE = "messages"


def generation():
    """The current generation; a fresh, never-used number if the key was evicted."""
    value = cache.get(GENERATION_KEY)
    if value is None:
        cache.add(GENERATION_KEY, time.time_ns(), None)
        value = cache.get(GENERATION_KEY)
    return value


def invalidate(**kwargs):
    """Orphan every cached page (connected to the signals of everything a page shows).

    Again once the change commits: a request rendered between the first bump and the
    commit saw the old content, and must not stay cached under the new generation.
    """
    _bump()
    if transaction.get_connection().in_atomic_block:
        transaction.on_commit(_bump)


def _bump():
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:  # never set, or evicted: any new number orphans the old entries
        cache.set(GENERATION_KEY, time.time_ns(), None)
    except Exception:
        logger.exception("Could not invalidate the page cache")


def mark_page(page, request, serve_args, serve_kwargs):
    """``before_serve_page`` hook: remember which page answers, for the visibility check."""
    setattr(request, PAGE_ATTRIBUTE, page)


def _in_scope(request):
    path = request.path_info
    return not path.startswith(UNCACHED_PREFIXES) and not any(
        part in path for part in UNCACHED_PARTS
    )


def _anonymous(request):
    """Signed-in visitors have a session cookie; only then is the session read."""
    if settings.SESSION_COOKIE_NAME in request.COOKIES and request.user.is_authenticated:
        return False
    return MESSAGES_COOKIE not in request.COOKIES  # a pending message belongs to one visitor


def _shareable_request(request):
    return (
        request.method in ("GET", "HEAD")
        and not getattr(request, "is_preview", False)
        and _anonymous(request)
    )


def _key(request):
    raw = f"{request.get_host()}|{get_language()}|{request.get_full_path()}"
    return "portal:page:" + hashlib.sha256(raw.encode()).hexdigest()


def _storable(request, response):
    page = getattr(request, PAGE_ATTRIBUTE, None)
    return (
        page is not None
        and response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")  # a form with a CSRF token
        and not getattr(request, "is_preview", False)
        and "private" not in response.get("Cache-Control", "")
        and "no-cache" not in response.get("Cache-Control", "")
        and is_visible(None, page)
    )


def _public_headers(response):
    patch_cache_control(
        response, public=True, max_age=0, s_maxage=settings.PAGE_CACHE_PROXY_SECONDS
    )
    patch_vary_headers(response, ["Cookie"])


def _freeze(response):
    headers = [(name, value) for name, value in response.items() if name.lower() != "set-cookie"]
    return (response.status_code, headers, response.content)


def _thaw(entry):
    status, headers, content = entry
    response = HttpResponse(content, status=status)
    for name, value in headers:
        response[name] = value
    response["X-Page-Cache"] = "hit"
    return response


def cache_call(method, *args, **kwargs):
    """The cache is an optimisation: when it is unreachable the page is rendered instead."""
    try:
        return method(*args, **kwargs)
    except Exception:
        logger.exception("Page cache unavailable")
        return None


class PageCacheMiddleware:
    """Serve and store anonymous public pages; mark everything else private.

    Placed after ``AuthenticationMiddleware`` (it needs to know who is signed in) and
    before the middleware that renders per-visitor parts (messages).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not _in_scope(request):
            return self.get_response(request)
        shareable = _shareable_request(request)
        use_cache = shareable and request.method == "GET" and settings.PAGE_CACHE_SECONDS > 0
        version = cache_call(generation) if use_cache else None
        if version:
            key = _key(request)
            entry = cache_call(cache.get, key, version=version)
            if entry is not None:
                response = _thaw(entry)
                _public_headers(response)
                return response
        response = self.get_response(request)
        if shareable and _storable(request, response):
            _public_headers(response)
            if version:
                cache_call(
                    cache.set, key, _freeze(response), settings.PAGE_CACHE_SECONDS, version=version
                )
                response["X-Page-Cache"] = "miss"
        elif not response.has_header("Cache-Control"):
            add_never_cache_headers(response)
        return response


def _models_pages_show():
    from wagtail.contrib.settings.registry import registry as settings_registry
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.models import (
        CollectionViewRestriction,
        Locale,
        PageViewRestriction,
        Site,
    )
    from wagtail.snippets.models import get_snippet_models

    return (
        *get_snippet_models(),
        *settings_registry,
        get_image_model(),
        get_document_model(),
        Site,
        Locale,
        PageViewRestriction,
        CollectionViewRestriction,
    )


_shown = []


def _saved(sender, instance, created=False, raw=False, **kwargs):
    if raw:
        return
    if isinstance(instance, Page):
        # A new live page (a translation, or an alias wagtail-localize syncs) appears in
        # menus and switchers; other page saves reach the public only when published.
        if created and instance.live:
            invalidate()
        return
    _deleted(sender, instance)


def _deleted(sender, instance, **kwargs):
    if not _shown:
        _shown.extend(_models_pages_show())
    if isinstance(instance, (Page, *_shown)):
        invalidate()


def purge_related_pages(sender, instance, **kwargs):
    """Tell the proxy about the pages that show a published page besides itself (Wagtail
    purges the page): its translations and aliases, their parents (indexes listing it)
    and every language's home page (teasers)."""
    if not getattr(settings, "WAGTAILFRONTENDCACHE", None) or kwargs.get("alias"):
        return
    from wagtail.contrib.frontend_cache.utils import purge_pages_from_cache

    versions = list(Page.objects.filter(translation_key=instance.translation_key))
    parent_paths = {page.path[: -Page.steplen] for page in versions if page.depth > 2}
    related = Page.objects.filter(path__in=parent_paths) | Page.objects.filter(depth=2)
    purge_pages_from_cache({*versions, *related.exclude(pk=instance.pk)})


def connect():
    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(invalidate, dispatch_uid=f"page-cache-{id(signal)}")
    page_published.connect(purge_related_pages, dispatch_uid="page-cache-purge-published")
    page_unpublished.connect(purge_related_pages, dispatch_uid="page-cache-purge-unpublished")
    post_save.connect(_saved, dispatch_uid="page-cache-save")
    post_delete.connect(_deleted, dispatch_uid="page-cache-delete")
