"""A real Redis for the abuse-limit tests: ``REDIS_URL`` when set (CI starts a server),
else a ``redis-server`` this session starts on a free loopback port and stops. A missing
server fails these tests; it never skips them."""

import os
import shutil
import socket
import subprocess
import time

import pytest
import redis

from cms.settings import base
from tests.search.conftest import (  # noqa: F401 (the search fixtures, both backends)
    engine_index,
    engine_prefix,
    refresh_search,
    search_backend,
    search_node_url,
)


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="session")
def redis_url():
    if url := os.environ.get("REDIS_URL"):
        yield url
        return
    binary = shutil.which("redis-server")
    if binary is None:
        pytest.fail("These tests need Redis: set REDIS_URL or install redis-server.")
    port = _free_port()
    server = subprocess.Popen(
        [binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
        stdout=subprocess.DEVNULL,
    )
    url = f"redis://127.0.0.1:{port}/0"
    client = redis.Redis.from_url(url)
    for _ in range(100):
        try:
            client.ping()
            break
        except redis.ConnectionError:
            time.sleep(0.05)
    yield url
    server.terminate()
    server.wait(timeout=10)


@pytest.fixture
def redis_limits(settings, redis_url):
    """The default limits, counted in Redis. Yields a client of that Redis database."""
    server = redis.Redis.from_url(redis_url)
    try:
        server.ping()
    except redis.ConnectionError as error:
        pytest.fail(f"These tests need Redis at {redis_url}: {error}")
    settings.CACHES = {
        **settings.CACHES,
        "limits": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": redis_url},
    }
    settings.RATE_LIMIT_CACHE = "limits"
    settings.RATE_LIMITS = dict(base.RATE_LIMITS)
    server.flushdb()
    yield server
    server.flushdb()


def fresh_window(period, needed=15):
    """Wait, if need be, so that the next ``needed`` seconds fall in one counting window."""
    left = period - time.time() % period
    if left < needed:
        time.sleep(left + 0.05)
