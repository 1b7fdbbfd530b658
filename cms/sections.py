"""Sections apps add to a page through hooks (home teasers, council sections, sidebars):
collected, rendered, and kept rendered between requests.

Why kept: they are most of what an index page costs (tree queries, then a list rendered
item by item), yet they change only when content does. Each is kept as HTML under the
page cache's generation (``cms.page_cache``), which every publish, unpublish, move,
delete, translation or snippet change moves on, so an edit shows on the next request; and
for ``SECTION_CACHE_SECONDS`` at most, so lists that move with the clock ("upcoming
events", open-data counts) stay current. Sections list what every visitor may see (apps
build them with the anonymous visibility rule), so one copy serves everyone; a preview is
never kept.
"""

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.template.loader import render_to_string
from django.utils.translation import get_language

from wagtail import hooks

from cms.page_cache import cache_call, generation


def _key(current, *parts):
    return "portal:kept:" + hashlib.sha256(repr((current, *parts)).encode()).hexdigest()


def _current_generation():
    """The content generation to keep values under, or ``None`` when nothing is kept."""
    return cache_call(generation) if settings.SECTION_CACHE_SECONDS > 0 else None


def kept(compute, *parts):
    """``compute()``, kept like the sections: under the content generation, for at most
    ``SECTION_CACHE_SECONDS``, per ``parts`` (what the value depends on). For values whose
    cost grows with the site — a long list's count, the few matches of a rare filter."""
    current = _current_generation()
    if current is None:
        return compute()
    key = _key(current, *parts)
    found = cache_call(cache.get, key)  # kept in a list, so a kept ``None`` is told apart
    if found is not None:
        return found[0]
    value = compute()
    cache_call(cache.set, key, [value], settings.SECTION_CACHE_SECONDS)
    return value


def kept_each(items, compute, *parts):
    """``{item: value}`` for hashable ``items``, each kept as ``kept`` keeps one value (per
    ``parts`` and the item), read from the cache in one call; ``compute(missing)`` gives
    ``{item: value}`` for those not kept, in one call too. For long lists built item by item
    (a calendar feed's events): one read for the whole list, and an item's value shared by
    every list that holds it (each council's and topic's feed reuses the all-events feed's).
    """
    items = list(items)
    current = _current_generation()
    if current is None:
        return compute(items) if items else {}
    keys = {item: _key(current, *parts, item) for item in items}
    found = cache_call(cache.get_many, list(keys.values())) or {}
    values = {item: found[key] for item, key in keys.items() if key in found}
    missing = [item for item in items if item not in values]
    if missing:
        computed = compute(missing)
        cache_call(
            cache.set_many,
            {keys[item]: value for item, value in computed.items()},
            settings.SECTION_CACHE_SECONDS,
        )
        values.update(computed)
    return values


# What a section's dict may carry besides its template's context: the page's <head> shows it.
HEAD_KEYS = ("alternate_links",)
DEFAULT_ORDER = 100


def _render(section, request, page, name):
    html = render_to_string(
        section["template"], {name: section, "page": page, "self": page}, request=request
    )
    return {
        "html": html,
        "order": section.get("order", DEFAULT_ORDER),
        **{key: [dict(item) for item in section[key]] for key in HEAD_KEYS if key in section},
    }


def rendered_sections(hook_name, request, page, *, name="section"):
    """The sections registered for ``hook_name`` on ``page`` in display order, each a dict
    of ``html`` (its ``template`` rendered with the section as ``name``), ``order`` and the
    ``HEAD_KEYS`` it gave. A hook function returns ``None`` for no section. The HTML is
    written as interface text around the content it lists, so the page places it inside
    ``{% ui %}`` (``cms.templatetags.language_tags``)."""
    keep = page.pk and not getattr(request, "is_preview", False)
    sections = []
    for function in hooks.get_hooks(hook_name):

        def build(function=function):
            section = function(request, page)
            return _render(section, request, page, name) if section else {}  # {}: none

        if keep:
            where = f"{function.__module__}.{function.__qualname__}"
            section = kept(build, "section", hook_name, where, page.pk, get_language())
        else:
            section = build()
        if section:
            sections.append(section)
    return sorted(sections, key=lambda section: section["order"])
