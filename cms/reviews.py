"""What is due for review: pages, departments and contact points whose owner must check them.

A department or contact point is due on its ``next_review`` date; a page when it was never
reviewed or its ``last_reviewed`` is older than the review interval. Pages answer to the owner
of their department. One list serves the admin report, the dashboard panel and the reminder
emails, so they always agree.
"""

import datetime
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.models import Locale, get_page_models

from cms.models import BasePage, ContactPoint, Department
from cms.models.directory import review_interval


@dataclass
class DueItem:
    kind: str  # a page, department or contact point (translated label)
    title: str
    language: str
    owner: object  # a user, or None when nobody owns it yet
    due: datetime.date
    edit_url: str

    @property
    def owner_name(self):
        return (self.owner.get_full_name() or self.owner.username) if self.owner else ""


def _page_models():
    return [
        model
        for model in get_page_models()
        if issubclass(model, BasePage) and not model._meta.abstract
    ]


def _due_pages(today, owner, language):
    cutoff = today - datetime.timedelta(days=review_interval())
    for model in _page_models():
        pages = (
            model.objects.live()
            .filter(Q(last_reviewed__isnull=True) | Q(last_reviewed__lte=cutoff))
            .select_related("locale", "owner_department__owner")
            .only("title", "last_reviewed", "locale", "owner_department", "first_published_at")
        )
        if owner is not None:
            pages = pages.filter(owner_department__owner=owner)
        if language:
            pages = pages.filter(locale__language_code=language)
        for page in pages:
            reviewed = page.last_reviewed or (
                page.first_published_at.date() if page.first_published_at else cutoff
            )
            department = page.owner_department
            yield DueItem(
                _("page"),
                page.title,
                page.locale.language_code,
                department.owner if department else None,
                min(reviewed + datetime.timedelta(days=review_interval()), today),
                reverse("wagtailadmin_pages:edit", args=[page.pk]),
            )


def _due_snippets(model, kind, today, owner, language):
    items = model.objects.filter(next_review__lte=today).select_related("locale", "owner")
    if owner is not None:
        items = items.filter(owner=owner)
    if language:
        items = items.filter(locale__language_code=language)
    else:
        # Review dates are shared by every translation: list each item once, in the default
        # language when it has one.
        items = items.filter(locale=Locale.get_default())
    label = model._meta
    for item in items:
        yield DueItem(
            kind,
            item.name,
            item.locale.language_code,
            item.owner,
            item.next_review,
            reverse(f"wagtailsnippets_{label.app_label}_{label.model_name}:edit", args=[item.pk]),
        )


def due_items(today=None, owner=None, language=None):
    """Everything due for review on ``today``, oldest first; narrowed to one owner or language."""
    today = today or timezone.localdate()
    items = [
        *_due_pages(today, owner, language),
        *_due_snippets(Department, _("department"), today, owner, language),
        *_due_snippets(ContactPoint, _("contact point"), today, owner, language),
    ]
    return sorted(items, key=lambda item: (item.due, str(item.kind), item.title.casefold()))


def due_by_owner(today=None):
    """``{owner: [items]}`` for every owner with an email address."""
    grouped = {}
    for item in due_items(today):
        if item.owner is not None and item.owner.email and item.owner.is_active:
            grouped.setdefault(item.owner.pk, (item.owner, []))[1].append(item)
    return dict(grouped.values())


def owners():
    """Users who own something, for the report's filter."""
    return (
        get_user_model()
        .objects.filter(
            Q(pk__in=Department.objects.values("owner"))
            | Q(pk__in=ContactPoint.objects.values("owner"))
        )
        .order_by("username")
    )
