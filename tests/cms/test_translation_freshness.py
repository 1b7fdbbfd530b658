"""Translation freshness: the report flags a translation once its source changes, and clears it
when the translation is synced; the dashboard counts agree; readers see how each page was
translated and when, in their language."""

import csv
import io
import re

from django.core.cache import cache
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation

from wagtail.models import Locale, PageViewRestriction
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

import pytest

from cms.models import ContactPoint, ContentPage, Department, TranslationRecord
from cms.translation_freshness import freshness_rows
from tests.query_budgets import assert_within_budget

pytestmark = pytest.mark.django_db

REPORT = "/admin/reports/translation-freshness/"
DUMMY_TRANSLATOR = {"CLASS": "wagtail_localize.machine_translators.dummy.DummyTranslator"}


@pytest.fixture(autouse=True)
def _clear_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _commits(django_capture_on_commit_callbacks):
    """wagtail-localize publishes a translation once the transaction commits: run those
    callbacks, as a real request would."""
    global on_commit
    on_commit = django_capture_on_commit_callbacks


on_commit = None


def english_page(demo_page, title="Snow emergency parking", slug="snow-parking"):
    page = ContentPage(title=title, slug=slug, intro="Move your car when the city plows.")
    demo_page("about").add_child(instance=page)
    page.save_revision().publish()
    return page


def translate(page, language, machine=False, client=None):
    """Translate ``page`` with wagtail-localize, by hand or with the machine translator."""
    source, _created = TranslationSource.get_or_create_from_instance(page)
    target = Locale.objects.get(language_code=language)
    translation_ = Translation.objects.create(source=source, target_locale=target)
    if machine:
        translation_.save_target(publish=False)  # as the Translate action does
        with override_settings(WAGTAILLOCALIZE_MACHINE_TRANSLATOR=DUMMY_TRANSLATOR):
            url = reverse("wagtail_localize:machine_translate", args=[translation_.pk])
            assert client.post(url).status_code == 302
    else:
        po = translation_.export_po()
        for entry in po:
            entry.msgstr = f"[{language}] {entry.msgid}"
        translation_.import_po(po)
    with on_commit(execute=True):
        translation_.save_target(publish=True)
    return page.get_translation(target).specific


def report_csv(client, **filters):
    response = client.get(REPORT, {**filters, "export": "csv"})
    assert response.status_code == 200
    text = b"".join(response.streaming_content).decode()
    return list(csv.DictReader(io.StringIO(text)))


def status_of(client, title, language):
    rows = [row for row in report_csv(client, language=language) if row["Title"] == title]
    assert len(rows) == 1, rows
    return rows[0]["Status"]


def test_a_translation_goes_stale_when_its_source_changes_and_current_after_sync(
    demo_page, client_as
):
    admin = client_as("admin")
    page = english_page(demo_page)
    assert status_of(admin, "Snow emergency parking", "es") == "missing"
    translate(page, "es")
    assert status_of(admin, "[es] Snow emergency parking", "es") == "current"

    page.intro = "Move your car before the city plows your street."
    page.save_revision().publish()
    row = next(
        row for row in report_csv(admin, language="es", status="stale")
        if row["Title"] == "[es] Snow emergency parking"
    )  # fmt: skip
    source = TranslationSource.objects.get(object_id=page.translation_key, locale=page.locale)
    assert row["Update it at"] == reverse("wagtail_localize:update_translations", args=[source.pk])

    # The editor follows the link and syncs the translation (wagtail-localize's own view).
    with on_commit(execute=True):
        response = admin.post(row["Update it at"], {"publish_translations": "on"})
    assert response.status_code == 302
    assert status_of(admin, "[es] Snow emergency parking", "es") == "current"
    # Still missing in the languages nobody translated it into.
    assert status_of(admin, "Snow emergency parking", "so") == "missing"


def test_snippets_are_listed_and_go_stale_too(client_as):
    admin = client_as("admin")
    english = Locale.objects.get(language_code="en")
    point = ContactPoint.objects.create(
        name="Leaf pickup line", phone="651-555-0190", locale=english
    )
    assert status_of(admin, "Leaf pickup line", "es") == "missing"
    source, _created = TranslationSource.get_or_create_from_instance(point)
    spanish = Translation.objects.create(
        source=source, target_locale=Locale.objects.get(language_code="es")
    )
    with on_commit(execute=True):
        spanish.save_target(publish=True)
    rows = report_csv(admin, language="es", kind="snippet")
    assert {"Leaf pickup line": "current"}.items() <= {
        r["Title"]: r["Status"] for r in rows
    }.items()
    assert all(row["Type"] != "content page" for row in rows)

    point.name = "Leaf and brush pickup line"
    point.save()
    assert status_of(admin, "Leaf pickup line", "es") == "stale"  # the Spanish copy's name


def test_the_dashboard_counts_match_the_report(demo_page, client_as):
    admin = client_as("admin")
    english_page(demo_page)
    html = admin.get("/admin/").content.decode()
    for language in ("es", "hmn"):
        rows = report_csv(admin, language=language)
        missing = sum(row["Status"] == "missing" for row in rows)
        stale = sum(row["Status"] == "stale" for row in rows)
        assert missing > 0
        assert f"{language}</a>: {missing} missing, {stale} stale" in html


def test_the_report_is_for_editors_only_and_its_csv_is_formula_safe(demo_page, client_as, client):
    english_page(demo_page, title='=HYPERLINK("http://evil.example")', slug="formula")
    assert client.get(REPORT).status_code == 302  # to the sign-in page
    text = b"".join(
        client_as("admin").get(REPORT, {"language": "es", "export": "csv"}).streaming_content
    ).decode()
    assert "'=HYPERLINK" in text
    assert "\n=HYPERLINK" not in text and ",=HYPERLINK" not in text


def test_report_queries_do_not_grow_with_pages(demo_page, client_as):
    admin = client_as("admin")

    def queries(read):
        with CaptureQueriesContext(connection) as captured:
            read()
        return len(captured)

    def report():
        assert admin.get(REPORT, {"language": "es"}).status_code == 200

    def rows():
        assert freshness_rows(language="es")

    english = Locale.objects.get(language_code="en")
    department = Department.objects.filter(locale=english).first()

    def add(numbers):
        for number in numbers:
            english_page(demo_page, f"Short page {number}", f"short-{number}")
            ContactPoint.objects.create(
                name=f"Line {number}", locale=english, department=department
            )

    add(range(5))
    few = queries(report), queries(rows)
    add(range(5, 15))
    assert (queries(report), queries(rows)) == few
    assert_within_budget("translation freshness rows", few[1])


def page_line(html):
    match = re.search(r'<p class="translation-method">(.*?)</p>', html, re.S)
    return match.group(1) if match else None


def test_readers_see_how_each_translation_was_made_and_when(demo_page, client_as, client):
    admin = client_as("admin")
    page = english_page(demo_page)
    today = timezone.localdate().isoformat()
    assert page_line(client.get(page.url).content.decode()) is None  # written in English

    for language in ("es", "hmn", "so", "ksw"):
        target = translate(page, language, machine=True, client=admin)
        record = TranslationRecord.objects.get(page=target)
        assert record.method == TranslationRecord.MACHINE
        line = page_line(client.get(target.url).content.decode())
        with translation.override(language):
            label = translation.gettext("Translated by machine")
        assert label != "Translated by machine" or language == "en"
        assert line.startswith(f'{label}: <time datetime="{today}">'), (language, line)
        data = client.get(f"/api/v2/pages/{target.pk}/?locale={language}").json()
        assert data["translation_method"] == {"method": "machine", "label": label, "dated": today}

    # A reviewer marks the Spanish translation as checked, from the page editor.
    spanish = page.get_translation(Locale.objects.get(language_code="es"))
    listing = admin.get(reverse("wagtailadmin_explore", args=[spanish.get_parent().pk]))
    mark_url = reverse("cms_mark_translation_reviewed", args=[spanish.pk])
    assert mark_url in listing.content.decode()
    assert "Ana Reyes" not in admin.get(mark_url).content.decode()
    assert admin.post(mark_url, {"reviewer": "Ana Reyes"}).status_code == 302
    record = TranslationRecord.objects.get(page=spanish)
    assert (record.method, record.reviewer) == (TranslationRecord.REVIEWED, "Ana Reyes")
    line = page_line(client.get(spanish.url).content.decode())
    with translation.override("es"):
        assert line.startswith(translation.gettext("Translation reviewed by a person"))
    assert "Ana Reyes" not in line  # the reviewer's name is for editors


def test_a_person_made_translation_and_a_page_written_in_spanish(demo_page, client):
    page = english_page(demo_page)
    spanish = translate(page, "es")
    assert TranslationRecord.objects.get(page=spanish).method == TranslationRecord.REVIEWED
    assert not StringTranslation.objects.filter(
        translation_type=StringTranslation.TRANSLATION_TYPE_MACHINE,
        context__object_id=page.translation_key,
    ).exists()

    written = ContentPage(title="Mercado de invierno", slug="mercado", intro="Venga al mercado.")
    demo_page("about", "es").add_child(instance=written)
    written.save_revision().publish()
    assert TranslationRecord.objects.get(page=written).method == TranslationRecord.ORIGINAL
    with translation.override("es"):
        label = translation.gettext("Written in this language")
    assert page_line(client.get(written.url).content.decode()).startswith(label)


def test_a_staff_only_translation_shows_nobody_outside_how_it_was_made(
    demo_page, client_as, client
):
    admin = client_as("admin")
    page = english_page(demo_page)
    spanish = translate(page, "es", machine=True, client=admin)
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.LOGIN
    )
    assert restriction.pk
    response = client.get(spanish.url)
    assert response.status_code == 302 and page_line(response.content.decode()) is None
    assert client.get(f"/api/v2/pages/{spanish.pk}/").status_code == 404
