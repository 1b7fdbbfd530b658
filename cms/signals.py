"""Keeps the cached restricted sections and collections (``cms.visibility``) in step with the
page tree and the collections, and a page's view restriction in step across its translations.

The visibility rule already treats every translation of a restricted page as private; the
copies make the admin say so too (the privacy setting of a Spanish page shows the English
page's restriction) and keep Wagtail's own checks, such as ``.public()``, in agreement.
"""

import threading
from contextlib import contextmanager

from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete

from wagtail.models import Collection, CollectionViewRestriction, Page, PageViewRestriction
from wagtail.signals import post_page_move

from cms import visibility

_state = threading.local()


@contextmanager
def _copying():
    """Saving the copies sends the same signals: they must not be copied back."""
    _state.copying = True
    try:
        yield
    finally:
        _state.copying = False


def _translations(page_id):
    """The other language versions (translations and aliases) of the page ``page_id``."""
    key = Page.objects.filter(pk=page_id).values_list("translation_key", flat=True).first()
    if key is None:  # the page itself is being deleted
        return Page.objects.none()
    return Page.objects.filter(translation_key=key).exclude(pk=page_id)


def copy_restriction(restriction, groups=False):
    """Give each translation of the restricted page the same restriction. Its groups are
    copied when they change (``groups``) or onto a new copy: a restriction is saved before
    its groups are added, and an empty new one must not empty the others."""
    if getattr(_state, "copying", False):
        return
    chosen = list(restriction.groups.all())
    with _copying():
        for page in _translations(restriction.page_id):
            copy = PageViewRestriction.objects.filter(page=page).first()
            created = copy is None
            copy = copy or PageViewRestriction(page=page)
            copy.restriction_type = restriction.restriction_type
            copy.password = restriction.password
            copy.save()
            if groups or created:
                copy.groups.set(chosen)


def restriction_saved(sender, instance, **kwargs):
    copy_restriction(instance)


def restriction_groups_changed(sender, instance, action, reverse=False, **kwargs):
    if action in ("post_add", "post_remove", "post_clear") and not reverse:
        copy_restriction(instance, groups=True)


def _deleting():
    if not hasattr(_state, "deleting"):
        _state.deleting = set()
    return _state.deleting


def page_deleting(sender, instance, **kwargs):
    if isinstance(instance, Page):
        _deleting().add(instance.pk)


def page_deleted(sender, instance, **kwargs):
    # The base ``Page`` row goes last, after the specific page's row and the restriction.
    if sender is Page:
        _deleting().discard(instance.pk)


def restriction_deleted(sender, instance, **kwargs):
    """Lifting a restriction lifts it from the page's translations too; deleting the page
    (which deletes its restriction) leaves the translations private."""
    if getattr(_state, "copying", False) or instance.page_id in _deleting():
        return
    with _copying():
        PageViewRestriction.objects.filter(page__in=_translations(instance.page_id)).delete()


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
    post_save.connect(
        restriction_saved, sender=PageViewRestriction, dispatch_uid="restriction-copy"
    )
    post_delete.connect(
        restriction_deleted, sender=PageViewRestriction, dispatch_uid="restriction-lift"
    )
    pre_delete.connect(page_deleting, dispatch_uid="restriction-page-deleting")
    post_delete.connect(page_deleted, dispatch_uid="restriction-page-deleted")
    m2m_changed.connect(
        restriction_groups_changed,
        sender=PageViewRestriction.groups.through,
        dispatch_uid="restriction-copy-groups",
    )
