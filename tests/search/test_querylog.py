"""Editors see what residents search for, what finds nothing and what gets clicked —
per language and day, with no personal data."""

import csv
import datetime
import io

from django.utils import timezone

import pytest

from search.models import QueryDay
from tests.conftest import assert_admin_refused

pytestmark = pytest.mark.django_db


def test_searches_are_counted_per_normalised_query_language_and_day(client):
    client.get("/en/search/", {"q": "Trash  Pickup"})
    client.get("/en/search/", {"q": "trash pickup"})
    client.get("/es/search/", {"q": "trash pickup"})
    client.get("/en/search/", {"q": "xyzzy plugh"})
    today = timezone.localdate()
    english = QueryDay.objects.get(query="trash pickup", language="en", date=today)
    assert (english.searches, english.zero_results) == (2, 0)
    assert QueryDay.objects.get(query="trash pickup", language="es").searches == 1
    assert QueryDay.objects.get(query="xyzzy plugh", language="en").zero_results == 1


def test_clicks_are_counted_and_lead_to_the_result(client):
    response = client.get("/en/search/click/", {"q": "trash", "pos": 1, "to": "/en/services/"})
    assert response.status_code == 302
    assert response["Location"] == "/en/services/"
    assert QueryDay.objects.get(query="trash", language="en").clicks == 1


def test_click_redirect_never_leaves_the_site(client):
    for target in ("https://evil.example.com/", "//evil.example.com/", "javascript:alert(1)"):
        response = client.get("/en/search/click/", {"q": "trash", "to": target})
        assert response["Location"] == "/"


def test_no_personal_data_is_stored(client_as):
    client_as("staff").get("/en/search/", {"q": "trash"}, REMOTE_ADDR="203.0.113.9")
    fields = {field.name for field in QueryDay._meta.get_fields()}
    assert fields == {"id", "query", "language", "date", "searches", "zero_results", "clicks"}


def test_report_in_admin_with_filters_and_csv(client, client_as):
    client.get("/en/search/", {"q": "trash"})
    client.get("/en/search/click/", {"q": "trash", "to": "/en/services/"})
    client.get("/en/search/", {"q": "trash"})
    client.get("/es/search/", {"q": "xyzzy"})
    editor = client_as("communications")
    menu = editor.get("/admin/").content.decode()
    assert "/admin/reports/search-queries/" in menu  # under Reports in the admin menu
    page = editor.get("/admin/reports/search-queries/").content.decode()
    assert "trash" in page and "xyzzy" in page
    assert "50.0" in page  # click-through for "trash": 1 click in 2 searches
    spanish = editor.get("/admin/reports/search-queries/", {"language": "es"}).content.decode()
    assert "xyzzy" in spanish and ">trash<" not in spanish
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    past = editor.get("/admin/reports/search-queries/", {"date_to": yesterday.isoformat()})
    assert "xyzzy" not in past.content.decode()
    languages = page[page.index("By language") : page.index("Queries</h2>")]
    assert "<td>en</td><td>2</td><td>0</td><td>1</td><td>50.0</td>" in languages
    empty = editor.get("/admin/reports/search-queries/", {"zero_results_only": "true"})
    assert "xyzzy" in empty.content.decode()
    export = editor.get("/admin/reports/search-queries/", {"export": "csv"})
    content = b"".join(export.streaming_content).decode()
    rows = list(csv.reader(io.StringIO(content)))
    assert rows[0][:3] == ["Query", "Language", "Searches"]
    assert ["trash", "en", "2", "0", "1", "50.0"] in rows


def test_report_is_for_editors_only(client_as):
    translator = client_as("translator")
    assert_admin_refused(translator.get("/admin/reports/search-queries/"))
    assert "/admin/reports/search-queries/" not in translator.get("/admin/").content.decode()
