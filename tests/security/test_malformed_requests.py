"""Thousands of malformed requests over every public HTML and API URL: never a 5xx.

The URLs and parameters come from ``tests/security/surface.py`` (the schema, the page
types, the routes and the pages' own forms). Each parameter gets every malformed value on
its own; every answer must be below 500, and a refusal must say why in the caller's
language (Spanish here). Runs on the suite's database: SQLite locally, PostgreSQL in CI.
"""

from urllib.parse import quote

from django.test import Client

import pytest

from tests.security.surface import (
    MALFORMED_VALUES,
    RAW_MALFORMED,
    api_operations,
    fill_path,
    html_pages,
    html_surface,
)

pytestmark = pytest.mark.django_db

# A parameter that only means something beside another one gets that one too.
COMPANIONS = {"search_operator": "search=council&"}
EDGE_PATH_VALUES = ["9999-12", "0001-01", "0000-00", "2026-13", "99999999999999999999", "abc"]


def _encoded(value):
    return quote(value, safe="")


def api_requests():
    for template, names, in_path in api_operations():
        path = fill_path(template, "1") if in_path else template
        for name in names:
            companion = COMPANIONS.get(name, "")
            for value in MALFORMED_VALUES:
                yield f"{path}?{companion}{name}={_encoded(value)}"
            for raw in RAW_MALFORMED:
                yield f"{path}?{companion}{name}={raw}"
        for value in EDGE_PATH_VALUES + ["%00", "%FF"] if in_path else []:
            yield fill_path(template, value)


def html_requests():
    for path, names in html_surface():
        for segment in ("%00", "%FF", "x" * 300):  # bad bytes and lengths in the path itself
            yield f"{path}{segment}/"
        for name in names:
            for value in MALFORMED_VALUES:
                yield f"{path}?{name}={_encoded(value)}"
            for raw in RAW_MALFORMED:
                yield f"{path}?{name}={raw}"
    for template, groups in html_pages():
        if groups:
            for value in EDGE_PATH_VALUES:
                yield template.format(**dict.fromkeys(groups, value))
            if groups == ("year", "month"):
                for year, month in [("9999", "12"), ("0001", "01"), ("0000", "1"), ("2026", "0")]:
                    yield template.format(year=year, month=month)


SPANISH_PAGE = '<html lang="es"'


def _check(client, url, failures):
    """A 5xx is a failure; so is a JSON 400 without a message, or a 400 page that is not
    in the visitor's language (Spanish: the URL's or ``Accept-Language``)."""
    response = client.get(url, HTTP_ACCEPT_LANGUAGE="es")
    content_type = response.get("Content-Type", "")
    if response.status_code >= 500:
        failures.append(f"{response.status_code} {url[:160]}")
    elif response.status_code != 400:
        return
    elif content_type.startswith("application/json") and not response.json().get("message"):
        failures.append(f"400 without a message: {url[:160]}")
    elif content_type.startswith("text/html") and SPANISH_PAGE not in response.content.decode():
        failures.append(f"400 page not in Spanish: {url[:160]}")


def test_no_malformed_api_request_is_a_server_error():
    client = Client(raise_request_exception=False)
    failures, urls = [], list(api_requests())
    for url in urls:
        _check(client, url, failures)
    print(f"{len(urls)} API requests")
    assert len(urls) > 1000
    assert failures == [], "\n".join(failures[:60])


def test_no_malformed_html_request_is_a_server_error():
    client = Client(raise_request_exception=False)
    failures, urls = [], list(html_requests())
    for url in urls:
        _check(client, url, failures)
    print(f"{len(urls)} HTML requests")
    assert len(urls) > 500
    assert failures == [], "\n".join(failures[:60])
