"""Page feedback: the widget on every page leaves it in the page cache, the feedback page
stores an answer (with a hashed client, never the address) in the reader's language, and
the admin report shows each editor what they answer for, with a formula-safe CSV."""

import csv
import datetime
import io

from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from wagtail.models import Page

import pytest

from cms.models import PageFeedback
from district_councils.models import DistrictCouncilPage
from tests.query_budgets import assert_within_budget

pytestmark = pytest.mark.django_db
ADDRESS = "203.0.113.77"
RESULTS = "/admin/reports/page-feedback/results/"
HYPERLINK = '=HYPERLINK("http://evil.example/","x")'


def send(page, language="en", client=None, **data):
    """Open the feedback page as a browser would (GET, for the token), then send the form."""
    client = client or Client(enforce_csrf_checks=True, REMOTE_ADDR=ADDRESS)
    url = f"/{language}/feedback/{page.pk}/"
    assert client.get(url).status_code == 200
    token = client.cookies["csrftoken"].value
    return client.post(url, {"csrfmiddlewaretoken": token, "website": "", **data})


def test_every_page_type_shows_the_widget_in_the_readers_language(client, demo_page):
    about = demo_page("about")
    html = client.get("/es/about/").content.decode()
    spanish_about = demo_page("about", "es")
    assert "¿Le resultó útil esta página?" in html
    assert f'action="/es/feedback/{spanish_about.pk}/"' in html
    for path in ("/en/", "/en/district-councils/", "/en/events/", "/en/services/"):
        assert 'class="page-feedback"' in client.get(path).content.decode(), path
    assert f'action="/en/feedback/{about.pk}/"' in client.get("/en/about/").content.decode()


@override_settings(PAGE_CACHE_SECONDS=300)
def test_a_page_with_the_widget_is_still_served_from_the_page_cache(client, demo_page):
    cache.clear()
    first = client.get("/en/about/")
    second = client.get("/en/about/")
    assert (first["X-Page-Cache"], second["X-Page-Cache"]) == ("miss", "hit")
    html = second.content.decode()
    assert 'class="page-feedback"' in html
    assert "csrfmiddlewaretoken" not in html  # nothing per visitor in the shared copy
    url = f"/en/feedback/{demo_page('about').pk}/?helpful=yes"
    for _ in range(2):
        response = client.get(url)
        assert response.status_code == 200
        assert "X-Page-Cache" not in response
        assert "no-store" in response["Cache-Control"]
        assert "csrfmiddlewaretoken" in response.content.decode()
    cache.clear()


def test_a_yes_is_stored_with_a_hashed_client_and_thanked_in_spanish(demo_page):
    page = demo_page("about", "es")
    response = send(page, "es", helpful="yes", comment="Muy clara.\r\nGracias.")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="es"' in html
    assert "Gracias por sus comentarios" in html
    answer = PageFeedback.objects.get()
    assert (answer.page_id, answer.helpful, answer.language) == (page.pk, True, "es")
    assert answer.comment == "Muy clara.\nGracias."
    assert answer.tag == "page"
    assert answer.owner_name  # the page owner at the time
    assert len(answer.client) == 64 and ADDRESS not in answer.client
    # The same reader on the same day hashes alike; another reader does not.
    again = send(page, "es", helpful="no")
    other = send(
        page, "es", Client(enforce_csrf_checks=True, REMOTE_ADDR="203.0.113.78"), helpful="no"
    )
    assert again.status_code == other.status_code == 200
    clients = list(PageFeedback.objects.order_by("created_at").values_list("client", flat=True))
    assert clients[0] == clients[1] != clients[2]


def test_without_the_csrf_token_nothing_is_stored(demo_page):
    client = Client(enforce_csrf_checks=True, REMOTE_ADDR=ADDRESS)
    response = client.post(f"/es/feedback/{demo_page('about', 'es').pk}/", {"helpful": "yes"})
    assert response.status_code == 403
    html = response.content.decode()
    assert '<html lang="es"' in html and "No se pudo enviar el formulario" in html
    assert not PageFeedback.objects.exists()


def test_translated_pages_link_to_a_translation_report_that_is_tagged(client, demo_page):
    english = client.get("/en/about/").content.decode()
    assert "?about=translation" not in english  # written in English: nothing to report
    spanish_page = demo_page("about", "es")
    spanish = client.get("/es/about/").content.decode()
    assert f'href="/es/feedback/{spanish_page.pk}/?about=translation"' in spanish
    form = client.get(f"/es/feedback/{spanish_page.pk}/?about=translation").content.decode()
    assert "Informar de un problema con esta traducción" in form
    response = send(spanish_page, "es", about="translation", comment="«Barrio» falta.")
    assert response.status_code == 200
    answer = PageFeedback.objects.get()
    assert (answer.tag, answer.helpful) == ("translation", None)


def test_an_untranslated_page_shown_in_english_offers_the_report_too(client):
    html = client.get("/hmn/about/").content.decode()
    assert "?about=translation" in html


def test_a_staff_only_page_takes_feedback_only_from_staff(client_as, demo_page):
    guide = demo_page("staff/staff-guide")
    anonymous = Client(REMOTE_ADDR=ADDRESS)
    unknown = anonymous.get("/en/feedback/999999/")
    private = anonymous.get(f"/en/feedback/{guide.pk}/")
    assert unknown.status_code == private.status_code == 404
    assert guide.title not in private.content.decode()
    assert anonymous.post(f"/en/feedback/{guide.pk}/", {"helpful": "yes"}).status_code == 404
    editor = client_as("council1-editor")
    assert editor.get(f"/en/feedback/{guide.pk}/").status_code == 404
    staff = client_as("staff")
    assert guide.title in staff.get(f"/en/feedback/{guide.pk}/").content.decode()
    assert send(guide, client=staff, helpful="no").status_code == 200
    assert PageFeedback.objects.get().page_id == guide.pk


def _council_and_other(demo_page):
    editor = get_user_model().objects.get(username="council1-editor")
    councils = DistrictCouncilPage.objects.filter(locale__language_code="en")
    own = next(c for c in councils if c.permissions_for_user(editor).can_edit())
    other = next(c for c in councils if not c.permissions_for_user(editor).can_edit())
    return own, other


def test_the_report_totals_answers_and_a_council_editor_sees_only_their_council(
    client_as, demo_page
):
    own, other = _council_and_other(demo_page)
    send(own, helpful="yes", comment="Own council comment")
    send(other, helpful="no", comment="Other council comment")
    send(demo_page("about"), helpful="no", comment="About page comment")
    admin = client_as("admin").get("/admin/reports/page-feedback/").content.decode()
    assert own.title in admin and other.title in admin and "About this portal" in admin
    editor = client_as("council1-editor")
    answers = editor.get("/admin/reports/page-feedback/", {"show": "answers"}).content.decode()
    assert "Own council comment" in answers
    assert "Other council comment" not in answers and "About page comment" not in answers
    # The results alone: the owner filter above them names every owner.
    owners = editor.get(RESULTS, {"show": "owners"}).content.decode()
    assert own.title in owners and other.title not in owners


def test_the_report_filters_by_owner_language_and_tag(client_as, demo_page):
    own, other = _council_and_other(demo_page)
    send(own, helpful="yes", comment="Council answer")
    send(demo_page("about", "es"), "es", about="translation", comment="Traducción rara")
    admin = client_as("admin")
    report = "/admin/reports/page-feedback/"
    by_owner = admin.get(report, {"show": "answers", "owner": f"page:{own.translation_key}"})
    assert "Council answer" in by_owner.content.decode()
    assert "Traducción rara" not in by_owner.content.decode()
    spanish = admin.get(report, {"show": "answers", "language": "es"}).content.decode()
    assert "Traducción rara" in spanish and "Council answer" not in spanish
    tagged = admin.get(report, {"show": "answers", "tag": "translation"}).content.decode()
    assert "Traducción rara" in tagged and "Council answer" not in tagged


def _csv(response):
    return list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))


def test_the_csv_export_counts_and_neutralises_formulas(client_as, demo_page):
    about = demo_page("about")
    send(about, helpful="yes", comment=HYPERLINK)
    send(about, helpful="no")
    admin = client_as("admin")
    rows = _csv(admin.get("/admin/reports/page-feedback/", {"export": "csv"}))
    assert rows[0] == [
        "Page", "Page language", "Owner", "Yes", "No", "Comments", "Translation reports", "Latest"
    ]  # fmt: skip
    assert rows[1][0] == about.title and rows[1][3:7] == ["1", "1", "1", "0"]
    answers = _csv(admin.get("/admin/reports/page-feedback/", {"show": "answers", "export": "csv"}))
    comments = [row[5] for row in answers[1:]]
    assert "'" + HYPERLINK in comments and HYPERLINK not in comments


def _report_queries(client):
    with CaptureQueriesContext(connection) as queries:
        for show in ("pages", "owners", "answers"):
            assert client.get("/admin/reports/page-feedback/", {"show": show}).status_code == 200
    return len(queries)


def test_the_report_costs_the_same_queries_for_twice_the_feedback(client_as):
    pages = list(Page.objects.live().filter(depth__gt=2).order_by("pk")[:40])
    editor = client_as("council1-editor")

    def add(batch):
        PageFeedback.objects.bulk_create(
            PageFeedback(page=page, language="en", helpful=True, comment="x", client="c")
            for page in batch
        )

    add(pages[:20])
    editor.get("/admin/reports/page-feedback/")  # warm the editor's caches
    few = _report_queries(editor)
    add(pages[20:])
    assert _report_queries(editor) == few
    assert_within_budget("page feedback report (three views)", few)


def test_old_feedback_is_purged(demo_page, capture_output):
    send(demo_page("about"), helpful="yes")
    PageFeedback.objects.update(created_at=timezone.now() - datetime.timedelta(days=400))
    send(demo_page("about"), helpful="no")
    call_command("purge_feedback", stdout=capture_output)
    assert list(PageFeedback.objects.values_list("helpful", flat=True)) == [False]
    call_command("purge_feedback", "--older-than", "0", stdout=capture_output)
    assert not PageFeedback.objects.exists()
