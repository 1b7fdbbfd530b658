"""Every ``/api/`` answer is JSON, errors included, in the caller's language."""

import pytest


@pytest.mark.parametrize(
    "url", ["/api/v2/pages/abc/", "/api/v2/unknown/", "/api/v2/events/1/", "/api/nothing"]
)
def test_unrouted_api_urls_answer_a_json_404(client, db, url):
    response = client.get(url, HTTP_ACCEPT_LANGUAGE="es")
    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    assert response.json() == {"message": "No se encontró."}


def test_missing_object_message_is_translated(client, db):
    response = client.get("/api/v2/pages/999999/", HTTP_ACCEPT_LANGUAGE="es")
    assert response.status_code == 404
    assert response.json() == {"message": "No se encontró."}


@pytest.mark.parametrize("method", ["post", "put", "delete"])
def test_preview_refuses_writes_with_a_json_405(db, method):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    response = getattr(client, method)("/api/v2/preview/", HTTP_ACCEPT_LANGUAGE="es")
    assert response.status_code == 405
    assert response["Content-Type"] == "application/json"
    assert "GET" in response["Allow"]
    assert response.json()["message"].startswith("No se permite")


def test_drf_method_errors_use_the_message_field(client, db):
    response = client.post("/api/v2/pages/", HTTP_ACCEPT_LANGUAGE="es")
    assert response.status_code == 405
    assert set(response.json()) == {"message"}


def test_empty_to_is_refused(client, db):
    response = client.get("/api/v2/events/", {"to": ""})
    assert response.status_code == 400
    assert "to" in response.json()["message"]


@pytest.mark.parametrize(
    "endpoint", ["pages", "images", "documents", "district-councils", "contacts", "glossary"]
)
def test_an_id_too_large_for_the_database_is_a_json_404(client, db, endpoint):
    response = client.get(f"/api/v2/{endpoint}/99999999999999999999/", HTTP_ACCEPT_LANGUAGE="es")
    assert response.status_code == 404
    assert response.json() == {"message": "No se encontró."}
