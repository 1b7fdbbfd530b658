"""Who may see what in search: restricted page sections and private document collections.

Each rule is a function of the user and a queryset: it returns the part of the queryset the
user may see. Password-protected content is never listed; group restrictions let in their
groups and City Communications; login restrictions let in any active signed-in user.
"""

from django.db.models import Q

from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

from cms.roles import CITY_COMMUNICATIONS


def _user_groups(user):
    if not user or not user.is_authenticated:
        return set()
    if not hasattr(user, "_search_group_names"):
        user._search_group_names = set(user.groups.values_list("name", flat=True))
    return user._search_group_names


def can_pass_restriction(user, restriction, group_ids):
    """Search shows restricted content only to those the restriction lets in."""
    if not user or not user.is_authenticated or not user.is_active:
        return False
    if user.is_superuser:
        return True
    if restriction.restriction_type == restriction.LOGIN:
        return True
    if restriction.restriction_type == restriction.GROUPS:
        names = _user_groups(user)
        if CITY_COMMUNICATIONS in names:
            return True
        return bool(set(user.groups.values_list("pk", flat=True)) & group_ids)
    return False  # password-protected content is never listed


def hidden_pages_q(user):
    """Q matching pages the user may not see: restricted sections they cannot pass."""
    q = Q()
    for restriction in PageViewRestriction.objects.select_related("page").prefetch_related(
        "groups"
    ):
        group_ids = {group.pk for group in restriction.groups.all()}
        if not can_pass_restriction(user, restriction, group_ids):
            q |= Q(path__startswith=restriction.page.path)
    return q


def visible_collection_ids(user):
    """Ids of the collections whose documents the user may see."""
    hidden = Q()
    for restriction in CollectionViewRestriction.objects.select_related(
        "collection"
    ).prefetch_related("groups"):
        group_ids = {group.pk for group in restriction.groups.all()}
        if not can_pass_restriction(user, restriction, group_ids):
            hidden |= Q(path__startswith=restriction.collection.path)
    collections = Collection.objects.all()
    if hidden:
        collections = collections.exclude(hidden)
    return list(collections.values_list("pk", flat=True))


def visible_pages(user, pages):
    """The pages of the queryset ``pages`` that ``user`` (None for anonymous) may see."""
    hidden = hidden_pages_q(user)
    return pages.exclude(hidden) if hidden else pages


def visible_documents(user, documents):
    """The items of ``documents`` (anything with a ``collection``) that ``user`` may see."""
    return documents.filter(collection__in=visible_collection_ids(user))
