"""The two sync commands against the local server: the Open311 service list (JSON and XML)
and the open-data rows (Socrata JSON). Both run twice without duplicates."""

import datetime as dt
import json
import threading

from django.core.management import CommandError, call_command
from django.db import connection
from django.utils import timezone

import pytest

from cms.locks import exclusive
from engagement.intake import opendata
from engagement.models import Open311Service, ServiceRequestRecord, ServiceTopicPage
from tests.engagement import georeport

pytestmark = pytest.mark.django_db

XML = "application/xml"


@pytest.fixture
def open311(settings, remote):
    settings.OPEN311_ENDPOINT = f"{remote.url}/open311/v2"
    settings.OPEN311_API_KEY = "sync-key-never-printed"
    settings.OPEN311_TIMEOUT = 0.5
    return remote


@pytest.mark.parametrize(
    ("fmt", "body", "content_type"),
    [("json", georeport.SERVICES_JSON, "application/json"), ("xml", georeport.SERVICES_XML, XML)],
)
def test_service_list_becomes_services_and_draft_topics_once(
    open311, settings, capture_output, fmt, body, content_type
):
    settings.OPEN311_FORMAT = fmt
    open311.answer(f"/open311/v2/services.{fmt}", body, content_type=content_type)
    call_command("sync_open311_services", stdout=capture_output)
    call_command("sync_open311_services", stdout=capture_output)
    output = capture_output.getvalue()
    assert "[1/2] 001" in output and "[2/2] 002" in output
    assert "2 services, 2 new draft topics" in output
    assert "2 services, 0 new draft topics" in output  # the second run adds nothing
    assert "sync-key-never-printed" not in output
    cans = Open311Service.objects.get(service_code="001")
    assert cans.group == "sanitation" and cans.metadata is True
    assert cans.keyword_list == ["lorem", "ipsum", "dolor"]
    topics = ServiceTopicPage.objects.filter(service_code__in=["001", "002"])
    assert topics.count() == 2
    topic = topics.get(service_code="001")
    assert not topic.live and topic.category == "trash" and topic.title == "Cans left out 24x7"
    assert topics.get(service_code="002").category == "streets"


def test_editor_text_is_kept_and_removed_services_are_flagged(open311, demo_page, capture_output):
    pothole = demo_page("services/pothole")
    assert pothole.service_code == "pothole"
    Open311Service.objects.create(service_code="pothole", service_name="Pothole")
    open311.answer("/open311/v2/services.json", georeport.SERVICES_JSON)
    call_command("sync_open311_services", stdout=capture_output)
    assert "1 flagged as removed" in capture_output.getvalue()
    service = Open311Service.objects.get(service_code="pothole")
    assert service.removed  # flagged, not deleted
    pothole.refresh_from_db()
    assert pothole.live and pothole.title == "Pothole or street repair"  # untouched
    assert pothole.description.startswith("Report a pothole")


def test_service_list_failure_is_a_command_error_without_the_key(open311, capture_output):
    open311.answer("/open311/v2/services.json", "oops", status=500, content_type="text/plain")
    with pytest.raises(CommandError) as error:
        call_command("sync_open311_services", stdout=capture_output)
    assert "HTTP 500" in str(error.value)
    assert "sync-key-never-printed" not in str(error.value)
    assert not Open311Service.objects.filter(service_code="001").exists()


def socrata_rows(start_id, days_ago, district="7", description="Graffiti"):
    now = timezone.localtime()
    return [
        {
            ":id": f"row-{start_id + number}",
            "request_date": (now - dt.timedelta(days=days_ago, minutes=number)).strftime(
                "%Y-%m-%dT%H:%M:%S.000"
            ),
            "request_type": "Complaint",
            "request_description": description,
            "district_council": district,
            "ward": "2",
            "map_location": {"type": "Point", "coordinates": [-93.1, 44.95]},
        }
        for number in range(3)
    ]


@pytest.fixture
def dataset(remote, settings, monkeypatch):
    settings.SERVICE_REQUESTS_DATA_URL = f"{remote.url}/resource/qtkm-psvs.json"
    settings.SERVICE_REQUESTS_TIMEOUT = 0.5
    monkeypatch.setattr(opendata, "PAGE_SIZE", 2)
    ServiceRequestRecord.objects.all().delete()
    return remote


def paged(rows):
    def answer(query):
        from tests.engagement.remote_server import Answer

        offset, limit = int(query["$offset"][0]), int(query["$limit"][0])
        return Answer(json.dumps(rows[offset : offset + limit]).encode())

    return answer


def test_open_data_sync_pages_through_rows_and_runs_twice_without_duplicates(
    dataset, capture_output
):
    rows = socrata_rows(0, 3) + socrata_rows(10, 2, district="District 3", description="")
    dataset.answer("/resource/qtkm-psvs.json", paged(rows))
    call_command("sync_service_requests", stdout=capture_output)
    assert ServiceRequestRecord.objects.count() == 6
    call_command("sync_service_requests", stdout=capture_output)
    assert ServiceRequestRecord.objects.count() == 6
    output = capture_output.getvalue()
    assert "6 rows fetched, 6 new" in output and "Done: 6 rows read, 0 new." in output
    record = ServiceRequestRecord.objects.get(source_key="row-10")
    assert record.district == 3 and record.ward == 2
    assert record.request_description == "Complaint"  # no description: the type stands in
    # The second run starts from the newest stored day, and asks only for what it keeps.
    queries = [query for _path, query in dataset.requests]
    newest_day = (timezone.localdate() - dt.timedelta(days=2)).isoformat()
    assert queries[-1]["$where"] == [f"request_date >= '{newest_day}T00:00:00'"]
    assert "map_location" not in queries[-1]["$select"][0]


def test_rows_without_ids_are_stored_once_by_their_content(dataset, capture_output):
    rows = socrata_rows(0, 1)
    for row in rows:
        del row[":id"]
    rows.append({"request_type": "Complaint"})  # no date: skipped
    dataset.answer("/resource/qtkm-psvs.json", paged(rows))
    call_command("sync_service_requests", "--since", "2020-01-01", stdout=capture_output)
    call_command("sync_service_requests", "--since", "2020-01-01", stdout=capture_output)
    assert ServiceRequestRecord.objects.count() == 3


@pytest.mark.parametrize(
    ("answer", "reason"),
    [
        ({"body": "boom", "status": 500, "content_type": "text/plain"}, "HTTP 500"),
        ({"body": "[{"}, "malformed JSON"),
        ({"body": '{"rows": []}'}, "not a list"),
        ({"body": "<html></html>", "content_type": "text/html"}, "content type"),
        ({"body": "[]", "delay": 1.5}, "timeout"),
    ],
)
def test_open_data_failures_are_command_errors(dataset, capture_output, answer, reason):
    dataset.answer("/resource/qtkm-psvs.json", **answer)
    with pytest.raises(CommandError, match=reason):
        call_command("sync_service_requests", stdout=capture_output)


def test_bad_since_date_is_refused():
    with pytest.raises(CommandError, match="is not a date"):
        call_command("sync_service_requests", "--since", "2026-02-30", "--url", "http://x")


@pytest.mark.parametrize(
    ("command", "lock"),
    [
        ("sync_open311_services", "engagement.sync_open311_services"),
        ("sync_service_requests", "engagement.sync_service_requests"),
    ],
)
def test_a_second_server_starting_a_sync_meanwhile_does_nothing(
    open311, dataset, capture_output, command, lock
):
    """Schedulers on two servers may start the same sync at once: one does the work."""
    held, release = threading.Event(), threading.Event()

    def other_server():
        with exclusive(lock):  # its own database connection, as another server has
            held.set()
            release.wait(30)
        connection.close()

    thread = threading.Thread(target=other_server)
    thread.start()
    try:
        assert held.wait(30)
        call_command(command, stdout=capture_output)
    finally:
        release.set()
        thread.join(30)
    output = capture_output.getvalue()
    assert "nothing done" in output
    assert not open311.requests  # the city's server was not asked twice
