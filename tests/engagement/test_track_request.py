"""Track a request against a local GeoReport v2 server: found, unknown, and every failure.

Never a 500, the phone number on every failure, the message in the visitor's language, and
the API key nowhere in the page or the log.
"""

import logging

from django.core.cache import cache

import pytest

from tests.engagement import georeport

API_KEY = "k3y-s3cr3t-0xdeadbeef"
PHONE = "651-266-8989"
XML = "text/xml; charset=utf-8"

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def open311(settings, remote):
    cache.clear()
    settings.OPEN311_ENDPOINT = f"{remote.url}/open311/v2"
    settings.OPEN311_JURISDICTION_ID = "stpaul.mn.us"
    settings.OPEN311_API_KEY = API_KEY
    settings.OPEN311_FORMAT = "json"
    settings.OPEN311_TIMEOUT = 0.5
    settings.OPEN311_MAX_BYTES = 4096
    yield remote
    cache.clear()


def track(client, request_id, language="en"):
    return client.get(f"/{language}/services/track/", {"id": request_id})


def assert_failure_page(response, caplog, status=503):
    """A clear page with the phone number, and the key in neither page nor log."""
    html = response.content.decode()
    assert response.status_code == status
    assert PHONE in html
    assert API_KEY not in html
    assert API_KEY not in caplog.text


def test_found_request_in_json_shows_status_notes_agency_and_local_times(client, remote):
    remote.answer("/open311/v2/requests/638344.json", georeport.REQUEST_JSON)
    response = track(client, "638344", "es")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Cerrada" in html  # "Closed", in Spanish
    assert "Duplicate request." in html and "Public Works" in html
    # 06:37 at UTC−8 is 09:37 in Saint Paul (daylight time in April), in Spanish formats.
    assert "14 de abril de 2010 a las 09:37 (CDT)" in html
    assert "15 de abril de 2010 a las 09:37 (CDT)" in html
    assert PHONE in html  # the next step names the phone
    path, query = remote.requests[-1]
    assert query["jurisdiction_id"] == ["stpaul.mn.us"] and query["api_key"] == [API_KEY]
    assert API_KEY not in html


def test_found_request_in_xml(client, remote, settings):
    settings.OPEN311_FORMAT = "xml"
    remote.answer("/open311/v2/requests/638349.xml", georeport.REQUEST_XML, content_type=XML)
    response = track(client, "638349")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Crew assigned." in html
    assert '<dd class="track-request__status">Open</dd>' in html


@pytest.mark.parametrize(
    ("fmt", "body", "content_type"),
    [
        ("json", georeport.ERROR_JSON, "application/json"),
        ("xml", georeport.ERROR_XML, XML),
        ("json", "[]", "application/json"),  # an empty list: no such request either
    ],
)
def test_unknown_request_id_is_a_404_page_with_the_phone(
    client, remote, settings, caplog, fmt, body, content_type
):
    settings.OPEN311_FORMAT = fmt
    status = 200 if body == "[]" else 404
    remote.answer(
        f"/open311/v2/requests/NOPE-1.{fmt}", body, status=status, content_type=content_type
    )
    response = track(client, "NOPE-1", "es")
    assert_failure_page(response, caplog, status=404)
    assert "No hay ninguna solicitud con el número NOPE-1" in response.content.decode()


FAILURES = {
    "server error": {
        "body": georeport.SERVER_ERROR_JSON % API_KEY,
        "status": 500,
        "content_type": "application/json",
    },
    "bad gateway": {"body": "<h1>502</h1>", "status": 502, "content_type": "text/html"},
    "timeout": {"body": georeport.REQUEST_JSON, "delay": 1.5},
    "malformed JSON": {"body": '[{"status": "open",'},
    "JSON not a list": {"body": '{"status": "open"}'},
    "oversized": {"body": "[" + ",".join(['{"status": "open"}'] * 400) + "]"},
    "wrong content type": {"body": georeport.REQUEST_JSON, "content_type": "text/html"},
}


@pytest.mark.parametrize("failure", FAILURES)
def test_every_remote_failure_is_a_clear_message_never_a_500(client, remote, caplog, failure):
    caplog.set_level(logging.DEBUG)
    remote.answer("/open311/v2/requests/638344.json", **FAILURES[failure])
    response = track(client, "638344", "so")
    assert_failure_page(response, caplog)
    assert "Nidaamka codsiyada ee magaaladu ma jawaabin" in response.content.decode()


@pytest.mark.parametrize(
    "body", ["<service_requests><request><status>open", georeport.BILLION_LAUGHS]
)
def test_malformed_or_unsafe_xml_is_refused(client, remote, settings, caplog, body):
    settings.OPEN311_FORMAT = "xml"
    remote.answer("/open311/v2/requests/638349.xml", body, content_type=XML)
    assert_failure_page(track(client, "638349"), caplog)


def test_connection_refused(client, settings, caplog, refused_url):
    caplog.set_level(logging.DEBUG)
    settings.OPEN311_ENDPOINT = refused_url
    assert_failure_page(track(client, "638344"), caplog)


def test_answers_are_cached_briefly_and_failures_are_not(client, remote):
    path = "/open311/v2/requests/638344.json"
    remote.answer(path, "<h1>down</h1>", status=503, content_type="text/html")
    assert track(client, "638344").status_code == 503
    remote.answer(path, georeport.REQUEST_JSON)
    assert track(client, "638344").status_code == 200  # the failure was not kept
    assert track(client, "638344").status_code == 200
    assert [p for p, _q in remote.requests].count(path) == 2  # the second success was cached


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("638 344", "no es un id válido"),
        ("a\x00b", "contiene caracteres que no se pueden escribir"),
        ("x" * 65, "es demasiado largo"),
        ('"><script>', "no es un id válido"),
        ("..", "no es un id válido"),
    ],
)
def test_bad_request_numbers_get_a_400_in_the_visitors_language(client, remote, value, message):
    response = track(client, value, "es")
    assert response.status_code == 400
    assert message in response.content.decode()
    assert "<script>" not in response.content.decode().split("<main", 1)[1]
    assert remote.requests == []  # nothing was asked of the server


def test_with_open311_off_the_page_gives_the_phone(client, settings, remote):
    settings.OPEN311_ENDPOINT = ""
    response = track(client, "638344")
    assert response.status_code == 200
    assert "Online tracking is not available" in response.content.decode()
    assert PHONE in response.content.decode()
    assert remote.requests == []


def test_the_form_alone_asks_for_a_number(client, remote):
    response = client.get("/hmn/services/track/")
    assert response.status_code == 200
    assert '<label for="track-id">' in response.content.decode()
    assert remote.requests == []


def test_an_answer_of_exactly_the_size_limit_is_read_and_one_byte_more_is_refused(
    client, remote, settings, caplog
):
    """OPEN311_MAX_BYTES (4096 here) is the largest answer read: the same request, padded
    with JSON whitespace to the limit, is shown; one byte past it is the failure page."""
    path = "/open311/v2/requests/638344.json"
    limit = settings.OPEN311_MAX_BYTES
    body = georeport.REQUEST_JSON.encode()
    assert len(body) < limit
    remote.answer(path, body + b" " * (limit - len(body)))
    response = track(client, "638344")
    assert response.status_code == 200
    assert "Duplicate request." in response.content.decode()

    cache.clear()  # the answer above is cached briefly
    remote.answer(path, body + b" " * (limit + 1 - len(body)))
    assert_failure_page(track(client, "638344"), caplog)
