"""Every page's reading grade: the text measured, kept up to date, and the pages over target.

A page's text is what its own fields hold for readers (text, rich text and StreamField
fields of its type, not the title or promotion fields), a paragraph each so a heading ends a
sentence; a page type with its own ``plain_text()`` (an explainer) gives that instead. The
grade is measured when the page is saved as a draft in the admin and when it is published,
by ``cms.readability`` in the page's language.
"""

from dataclasses import dataclass
from decimal import Decimal

from django.db import models
from django.urls import reverse
from django.utils.html import strip_tags

from wagtail.fields import StreamField
from wagtail.models import Page

from cms.models import BasePage, ReadingMeasure
from cms.readability import measure, target_grade
from cms.text import stream_texts


def _text_fields(model):
    """The model's own reader-facing text fields (none of Wagtail's page fields)."""
    page_fields = {field.name for field in Page._meta.get_fields()}
    return [
        field
        for field in model._meta.get_fields()
        if getattr(field, "concrete", False)
        and field.name not in page_fields
        and isinstance(field, StreamField | models.TextField)
    ]


def page_text(page):
    """The words a reader reads on ``page`` (a specific page), a paragraph per part."""
    if callable(getattr(page, "plain_text", None)):
        return page.plain_text()
    parts = []
    for field in _text_fields(type(page)):
        value = getattr(page, field.attname, None)
        if isinstance(field, StreamField):
            parts.extend(stream_texts(value))
        elif value:
            parts.append(strip_tags(str(value)))
    return "\n\n".join(part for part in parts if part.strip())


def measure_page(page):
    """Measure ``page`` in its language and keep the result; the ``ReadingMeasure``."""
    page = page.specific if type(page) is Page else page
    language = page.locale.language_code
    reading = measure(page_text(page), language)
    values = {
        "grade": Decimal(str(reading.grade)) if reading else None,
        "score": Decimal(str(reading.score)) if reading else None,
        "formula": reading.formula if reading else "",
        "words": reading.words if reading else 0,
    }
    record, _created = ReadingMeasure.objects.update_or_create(page_id=page.pk, defaults=values)
    return record


def page_published(sender, instance, **kwargs):
    if isinstance(instance, BasePage) and not instance.alias_of_id:
        measure_page(instance)


@dataclass
class OverTarget:
    title: str
    language: str
    owner_name: str
    grade: Decimal
    formula: str
    edit_url: str


def pages_over_target(language=None, owner=None):
    """Live pages whose last measured grade is above the target, hardest first."""
    measures = (
        ReadingMeasure.objects.filter(grade__gt=target_grade(), page__live=True)
        .select_related("page__locale")
        .order_by("-grade", "page__title")
    )
    if language:
        measures = measures.filter(page__locale__language_code=language)
    measures = list(measures)
    owners = _owners([item.page_id for item in measures])
    rows = []
    for item in measures:
        department = owners.get(item.page_id)
        if owner is not None and (department is None or department.owner_id != owner.pk):
            continue
        user = department.owner if department else None
        rows.append(
            OverTarget(
                item.page.title,
                item.page.locale.language_code,
                (user.get_full_name() or user.username) if user else "",
                item.grade,
                item.formula,
                reverse("wagtailadmin_pages:edit", args=[item.page_id]),
            )
        )
    return rows


def _owners(page_ids):
    """``{page id: owning department}`` with one query per page type that has such pages."""
    by_model = {}
    for page in Page.objects.filter(pk__in=page_ids).only("content_type"):
        by_model.setdefault(page.specific_class, []).append(page.pk)
    owners = {}
    for model, ids in by_model.items():
        if model is None or not issubclass(model, BasePage):
            continue
        for page in model.objects.filter(pk__in=ids).select_related("owner_department__owner"):
            if page.owner_department is not None:
                owners[page.pk] = page.owner_department
    return owners
