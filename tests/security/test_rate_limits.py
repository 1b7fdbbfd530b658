"""Per-client limits: a flood gets 429 in the caller's language, counted in Redis and
shared by every process."""

import subprocess
import sys
import textwrap

from django.test import Client

import pytest

from tests.security.conftest import fresh_window

pytestmark = pytest.mark.django_db

SPANISH_MESSAGE = "Ha enviado demasiadas solicitudes en poco tiempo."


def test_a_search_flood_gets_a_translated_429_page(redis_limits, settings):
    allowed, period = settings.RATE_LIMITS["search"]
    fresh_window(period)
    client = Client(REMOTE_ADDR="198.51.100.10")
    for _ in range(allowed):
        assert client.get("/es/search/", {"q": "basura"}).status_code == 200
    response = client.get("/es/search/", {"q": "basura"})
    assert response.status_code == 429
    assert 1 <= int(response["Retry-After"]) <= period
    html = response.content.decode()
    assert '<html lang="es"' in html
    assert SPANISH_MESSAGE in html
    # Another visitor is not held back by the first one's flood.
    other = Client(REMOTE_ADDR="198.51.100.11").get("/es/search/", {"q": "basura"})
    assert other.status_code == 200


def test_an_api_flood_gets_json_429_in_the_callers_language(redis_limits, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "api": (20, 60)}
    fresh_window(60)
    client = Client(REMOTE_ADDR="198.51.100.20", HTTP_ACCEPT_LANGUAGE="es")
    statuses = [client.get("/api/v2/navigation/").status_code for _ in range(20)]
    assert statuses == [200] * 20
    response = client.get("/api/v2/pages/")
    assert response.status_code == 429
    assert response["Content-Type"] == "application/json"
    assert response.json()["message"].startswith(SPANISH_MESSAGE)
    assert int(response["Retry-After"]) >= 1


def test_the_search_api_counts_against_search_as_well(redis_limits, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "search": (3, 60)}
    fresh_window(60)
    client = Client(REMOTE_ADDR="198.51.100.30")
    assert client.get("/en/search/", {"q": "trash"}).status_code == 200
    assert client.get("/api/v2/search/", {"q": "trash"}).status_code == 200
    assert client.get("/api/v2/search/", {"q": "trash"}).status_code == 200
    assert client.get("/api/v2/search/", {"q": "trash"}).status_code == 429


def test_public_form_submissions_are_limited(redis_limits, settings):
    allowed, period = settings.RATE_LIMITS["forms"]
    fresh_window(period)
    client = Client(REMOTE_ADDR="198.51.100.40")
    for number in range(allowed):  # a new name each time: no lockout, only the limit
        response = client.post("/so/_util/login/", {"username": f"n{number}", "password": "x"})
        assert response.status_code == 200  # the form again, with its error
    response = client.post("/so/_util/login/", {"username": "nobody", "password": "x"})
    assert response.status_code == 429
    assert '<html lang="so"' in response.content.decode()


def test_find_my_council_is_limited(redis_limits, settings, demo_page):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "find_council": (2, 60)}
    fresh_window(60)
    url = demo_page("district-councils").url
    client = Client(REMOTE_ADDR="198.51.100.50")
    assert client.get(url, {"lat": "44.94", "lon": "-93.09"}).status_code == 200
    assert client.get(url, {"lat": "44.94", "lon": "-93.09"}).status_code == 200
    assert client.get(url, {"lat": "44.94", "lon": "-93.09"}).status_code == 429


OTHER_PROCESS = textwrap.dedent(
    """
    import django, os, sys
    os.environ["DJANGO_SETTINGS_MODULE"] = "cms.settings.test"
    django.setup()
    from django.test import RequestFactory, override_settings
    from cms import ratelimit
    from cms.settings import base
    caches = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache",
                          "LOCATION": sys.argv[1]}}
    with override_settings(CACHES=caches, RATE_LIMITS=base.RATE_LIMITS):
        request = RequestFactory().get("/en/search/", REMOTE_ADDR="198.51.100.60")
        waits = [ratelimit.retry_after(request, "search") for _ in range(int(sys.argv[2]))]
    print(sum(wait is None for wait in waits))
    """
)


def test_two_processes_share_one_count(redis_limits, redis_url, settings):
    allowed, period = settings.RATE_LIMITS["search"]
    fresh_window(period, needed=30)
    other = subprocess.run(
        [sys.executable, "-c", OTHER_PROCESS, redis_url, str(allowed)],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    assert other.stdout.strip() == str(allowed)  # the other process used the whole allowance
    response = Client(REMOTE_ADDR="198.51.100.60").get("/en/search/", {"q": "trash"})
    assert response.status_code == 429
    # Addresses are counted as keyed hashes, never in clear.
    keys = [key.decode() for key in redis_limits.keys("*")]
    assert keys and not [key for key in keys if "198.51.100" in key]


def test_a_trusted_proxy_header_names_the_client(redis_limits, settings):
    settings.RATE_LIMIT_CLIENT_HEADER = "HTTP_X_FORWARDED_FOR"
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "search": (1, 60)}
    fresh_window(60)
    proxy = Client(REMOTE_ADDR="10.0.0.1")
    first = proxy.get("/en/search/", {"q": "a"}, HTTP_X_FORWARDED_FOR="203.0.113.1")
    second = proxy.get("/en/search/", {"q": "a"}, HTTP_X_FORWARDED_FOR="203.0.113.2")
    assert (first.status_code, second.status_code) == (200, 200)
    # What the client writes before the proxy's own entry changes nothing.
    spoofed = proxy.get("/en/search/", {"q": "a"}, HTTP_X_FORWARDED_FOR="1.2.3.4, 203.0.113.1")
    assert spoofed.status_code == 429


def test_track_a_request_is_limited(redis_limits, settings):
    """Each lookup may ask the city's server: a flood stops at the portal."""
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "track_request": (2, 60)}
    fresh_window(60)
    client = Client(REMOTE_ADDR="198.51.100.60")
    statuses = [client.get("/es/services/track/", {"id": "ABC-1"}).status_code for _ in range(3)]
    assert statuses[2] == 429, statuses
    assert statuses[:2] != [429, 429]
