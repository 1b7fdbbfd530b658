"""Reading grades on every page type with text: measured on publish in the page's language,
shown to editors against the target, and pages over it listed in a report."""

import csv
import io
from decimal import Decimal

from django.urls import reverse

from wagtail.models import Page

import pytest

from cms.models import BasePage, ContentPage, ReadingMeasure
from cms.readability import measure
from cms.reading_grades import _text_fields, page_text

pytestmark = pytest.mark.django_db

REPORT = "/admin/reports/reading-grade/"
HARD = (
    "Notwithstanding the aforementioned administrative determinations, municipal "
    "authorities subsequently promulgated comprehensive regulatory modifications "
    "necessitating extraordinary interdepartmental coordination."
)
PLAIN = "Put your cart on the curb. We pick it up on Monday. Call us if we miss it."


def publish(parent, title, slug, intro):
    page = ContentPage(title=title, slug=slug, intro=intro)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def report_rows(client, **filters):
    response = client.get(REPORT, {**filters, "export": "csv"})
    assert response.status_code == 200
    text = b"".join(response.streaming_content).decode()
    return list(csv.DictReader(io.StringIO(text)))


def test_every_page_type_with_text_gets_a_grade(demo_page):
    demo_page("")  # the demo site is loaded
    measured = set(
        ReadingMeasure.objects.filter(grade__isnull=False, page__locale__language_code="en")
        .values_list("page__content_type__model", flat=True)
        .distinct()
    )
    with_text = {
        model._meta.model_name
        for model in BasePage.__subclasses__()
        + [sub for cls in BasePage.__subclasses__() for sub in cls.__subclasses__()]
        if not model._meta.abstract
        and _text_fields(model)
        and model.objects.live().filter(locale__language_code="en").exists()
    }
    for name in ("contentpage", "councilupdatepage", "eventpage", "servicetopicpage"):
        assert name in with_text
    assert with_text <= measured, with_text - measured


def test_the_grade_is_the_formula_of_the_pages_language(demo_page, client_as):
    english = publish(demo_page("about"), "Rules for permits", "permit-rules", HARD)
    record = ReadingMeasure.objects.get(page=english)
    assert record.formula == "Flesch–Kincaid"
    assert record.grade == Decimal(str(measure(HARD, "en").grade)) > 8

    spanish_text = "Saque el bote de basura el lunes. Lo recogemos por la mañana."
    spanish = publish(demo_page("about", "es"), "Basura", "basura", spanish_text)
    record = ReadingMeasure.objects.get(page=spanish)
    assert record.formula == "Fernández Huerta"
    assert record.score == Decimal(str(measure(spanish_text, "es").score))

    hmong_text = "Muab lub thoob tso rau ntug kev."
    hmong = publish(demo_page("", "hmn"), "Lub thoob khib nyiab", "thoob-khib-nyiab", hmong_text)
    record = ReadingMeasure.objects.get(page=hmong)
    assert record.grade is None and record.formula == ""
    edit = client_as("admin").get(reverse("wagtailadmin_pages:edit", args=[hmong.pk]))
    assert "no established formula for this language" in edit.content.decode()


def test_editors_see_the_grade_against_the_target(demo_page, client_as):
    page = publish(demo_page("about"), "Rules for permits", "permit-rules", HARD)
    html = client_as("admin").get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content
    grade = ReadingMeasure.objects.get(page=page).grade
    assert f"{grade} (target 8 or lower; Flesch–Kincaid)" in html.decode()
    assert "over the target" in html.decode()


def test_a_draft_saved_in_the_editor_is_measured_again(demo_page, client_as):
    page = publish(demo_page("about"), "Recycling", "recycling-day", PLAIN)
    assert ReadingMeasure.objects.get(page=page).grade <= 8
    page.intro = HARD
    page.save_revision()  # as the editor's "Save draft"; the hook measures the edited page
    from cms.page_quality_hooks import _measure_draft

    _measure_draft(None, page)
    assert ReadingMeasure.objects.get(page=page).grade > 8


def test_the_report_lists_pages_over_the_target(demo_page, client_as, client):
    admin = client_as("admin")
    publish(demo_page("about"), "Rules for permits", "permit-rules", HARD)
    publish(demo_page("about"), "Recycling", "recycling-day", PLAIN)
    titles = {row["Title"] for row in report_rows(admin)}
    assert "Rules for permits" in titles and "Recycling" not in titles
    assert "Rules for permits" not in {row["Title"] for row in report_rows(admin, language="es")}
    html = admin.get(REPORT).content.decode()
    assert "Pages over reading grade 8" in html and "Rules for permits" in html
    assert client.get(REPORT).status_code == 302  # not for visitors


def test_the_report_filters_by_owner(demo_page, client_as):
    admin = client_as("admin")
    about = demo_page("about")
    page = publish(about, "Rules for permits", "permit-rules", HARD)
    department = about.owner_department or demo_page("services").owner_department
    page.owner_department = department
    page.save_revision().publish()
    mine = report_rows(admin, owner=department.owner_id)
    assert "Rules for permits" in {row["Title"] for row in mine}
    assert all(row["Owner"] == mine[0]["Owner"] for row in mine)


def test_explainers_use_the_same_formula(demo_page):
    process = demo_page("how-it-works/city-budget")
    record = ReadingMeasure.objects.get(page=process)
    assert process.reading_grade == record.grade
    assert page_text(process) == process.plain_text()
    assert Page.objects.get(pk=process.pk).specific.reading_grade == record.grade
