"""Keeps the cached restricted sections and collections (``cms.visibility``) in step with the
page tree and the collections."""

from django.db.models.signals import m2m_changed, post_delete, post_save

from wagtail.models import Collection, CollectionViewRestriction, Page, PageViewRestriction
from wagtail.signals import post_page_move

from cms import visibility


def page_created(sender, instance, created=False, **kwargs):
    """A new translation or alias of a restricted page joins its section; publishing an
    existing page changes no section, so it keeps the cache."""
    if created and isinstance(instance, Page) and visibility.joins_a_section(instance):
        visibility.invalidate()


def connect():
    for name, signal in (("save", post_save), ("delete", post_delete)):
        signal.connect(
            visibility.invalidate, sender=PageViewRestriction, dispatch_uid=f"restriction-{name}"
        )
    post_save.connect(page_created, dispatch_uid="visibility-page-created")
    m2m_changed.connect(
        visibility.invalidate,
        sender=PageViewRestriction.groups.through,
        dispatch_uid="restriction-groups",
    )
    post_page_move.connect(visibility.invalidate, dispatch_uid="visibility-page-move")
    for model in (CollectionViewRestriction, Collection):
        for name, signal in (("save", post_save), ("delete", post_delete)):
            signal.connect(
                visibility.invalidate_collections,
                sender=model,
                dispatch_uid=f"collections-{model.__name__}-{name}",
            )
    m2m_changed.connect(
        visibility.invalidate_collections,
        sender=CollectionViewRestriction.groups.through,
        dispatch_uid="collection-restriction-groups",
    )
