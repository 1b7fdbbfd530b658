"""Who may see which pages, documents and images: the one rule every channel uses.

A page is private when it, an ancestor, or a page it translates or aliases (the same
``translation_key`` in another language) sits under a view restriction. Wagtail copies a
restriction to other languages only when the copies are made, so a restriction added later
would otherwise guard the English page and leave its translations open.

Restrictions let in: their groups, City communications and superusers (group
restrictions); any active signed-in user (login restrictions). Password-protected content
is never listed. The restricted sections are read once and kept in the cache until a
restriction or a page changes (``invalidate``), so menus and lists pay no query for it.
"""

from django.core.cache import cache
from django.db.models import Q

from wagtail.models import Collection, CollectionViewRestriction, Page, PageViewRestriction

from cms.memo import forget, per_request
from cms.roles import CITY_COMMUNICATIONS, CITY_STAFF

SECTIONS_CACHE_KEY = "portal:visibility:restricted-sections"
COLLECTIONS_CACHE_KEY = "portal:visibility:collection-restrictions"


def _outermost(paths):
    """The paths not below another path of the set (their subtrees cover the rest)."""
    kept = []
    for path in sorted(paths):
        if not kept or not path.startswith(kept[-1]):
            kept.append(path)
    return kept


def _translated_section(path):
    """The restricted section at ``path`` in every language: the pages sharing a
    translation key with a page of the section, and so their subtrees."""
    keys = set(Page.objects.filter(path__startswith=path).values_list("translation_key", flat=True))
    paths = set(Page.objects.filter(translation_key__in=keys).values_list("path", flat=True))
    return _outermost(paths | {path}), keys


def _read_sections():
    sections = []
    for restriction in PageViewRestriction.objects.select_related("page").prefetch_related(
        "groups"
    ):
        paths, keys = _translated_section(restriction.page.path)
        sections.append(
            {
                "paths": paths,
                "keys": keys,
                "type": restriction.restriction_type,
                "groups": {group.pk for group in restriction.groups.all()},
            }
        )
    return sections


def restricted_sections():
    """Every page restriction with the paths it covers in every language (cached, and
    read from the cache once per request: a page asks for each list and link)."""
    return per_request(SECTIONS_CACHE_KEY, _cached_sections)


def _cached_sections():
    sections = cache.get(SECTIONS_CACHE_KEY)
    if sections is None:
        sections = _read_sections()
        cache.set(SECTIONS_CACHE_KEY, sections, None)
    return sections


def invalidate(**kwargs):
    """Forget the cached sections; connected to restriction and page changes."""
    cache.delete(SECTIONS_CACHE_KEY)
    forget(SECTIONS_CACHE_KEY)


def joins_a_section(page):
    """Whether a new page changes the sections: a translation or alias of a page in one
    (same translation key), or a page at a path a section still lists."""
    sections = cache.get(SECTIONS_CACHE_KEY)
    if sections is None:
        return False  # nothing cached to correct
    return any(
        page.translation_key in section["keys"]
        or any(page.path.startswith(path) for path in section["paths"])
        for section in sections
    )


def _group_ids(user):
    if not hasattr(user, "_visibility_group_ids"):
        user._visibility_group_ids = {
            group.pk: group.name for group in user.groups.only("pk", "name")
        }
    return user._visibility_group_ids


def can_pass(user, restriction_type, group_ids):
    """Whether ``user`` (None for anonymous) is let in by a restriction of that kind."""
    if not user or not user.is_authenticated or not user.is_active:
        return False
    if user.is_superuser:
        return True
    if restriction_type == PageViewRestriction.LOGIN:
        return True
    if restriction_type == PageViewRestriction.GROUPS:
        groups = _group_ids(user)
        return CITY_COMMUNICATIONS in groups.values() or bool(set(groups) & group_ids)
    return False


def hidden_paths(user):
    """Tree paths of the sections ``user`` may not see."""
    return _outermost(
        path
        for section in restricted_sections()
        if not can_pass(user, section["type"], section["groups"])
        for path in section["paths"]
    )


def hidden_pages_q(user, prefix=""):
    """Q matching pages the user may not see; ``prefix`` reaches them through a relation
    (``"event__"`` matches the occurrences of hidden events)."""
    q = Q()
    for path in hidden_paths(user):
        q |= Q(**{f"{prefix}path__startswith": path})
    return q


def visible_pages(user, pages):
    """The pages of the queryset ``pages`` that ``user`` (None for anonymous) may see."""
    hidden = hidden_pages_q(user)
    return pages.exclude(hidden) if hidden else pages


def is_visible(user, page):
    """Whether ``user`` may see ``page``, decided from its path without a query."""
    return is_path_visible(user, page.path)


def is_path_visible(user, tree_path):
    """Whether ``user`` may see the page at ``tree_path`` (a cached menu link keeps only
    its page's path)."""
    return not any(tree_path.startswith(path) for path in hidden_paths(user))


def collection_restrictions():
    """Every collection restriction: the collection's path, its type and groups (cached
    like the page sections, until a restriction or a collection changes)."""
    return per_request(COLLECTIONS_CACHE_KEY, _cached_collection_restrictions)


def _cached_collection_restrictions():
    restrictions = cache.get(COLLECTIONS_CACHE_KEY)
    if restrictions is None:
        restrictions = [
            {
                "path": restriction.collection.path,
                "type": restriction.restriction_type,
                "groups": {group.pk for group in restriction.groups.all()},
            }
            for restriction in CollectionViewRestriction.objects.select_related(
                "collection"
            ).prefetch_related("groups")
        ]
        cache.set(COLLECTIONS_CACHE_KEY, restrictions, None)
    return restrictions


def invalidate_collections(**kwargs):
    cache.delete(COLLECTIONS_CACHE_KEY)
    forget(COLLECTIONS_CACHE_KEY)


def visible_collections(user):
    """The collections whose documents the user may see (a query set, not yet run)."""
    hidden = Q()
    for restriction in collection_restrictions():
        if not can_pass(user, restriction["type"], restriction["groups"]):
            hidden |= Q(path__startswith=restriction["path"])
    collections = Collection.objects.all()
    return collections.exclude(hidden) if hidden else collections


def visible_collection_ids(user):
    """Ids of the collections whose documents the user may see."""
    return list(visible_collections(user).values_list("pk", flat=True))


def visible_documents(user, documents):
    """The items of ``documents`` (anything with a ``collection``: documents, images) that
    ``user`` may see."""
    return documents.filter(collection__in=visible_collections(user))


def sees_staff_only(user):
    """Whether ``user`` is City staff (or City communications, or a superuser): the people
    staff-only contact points and guidance are for."""
    if not user or not user.is_authenticated or not user.is_active:
        return False
    if user.is_superuser:
        return True
    return bool(set(_group_ids(user).values()) & {CITY_STAFF, CITY_COMMUNICATIONS})


def visible_contact_points(user, contact_points):
    """The items of ``contact_points`` that ``user`` may see: staff-only lines for staff."""
    return contact_points if sees_staff_only(user) else contact_points.filter(audience="public")


def contact_point_visible(user, contact_point):
    """The same rule for one contact point already loaded."""
    return contact_point.audience == "public" or sees_staff_only(user)
