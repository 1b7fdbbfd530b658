"""A real Redis for the abuse-limit tests: ``REDIS_URL`` (CI starts a server), else the
local one. A missing server fails these tests; it never skips them."""

import os
import time

import pytest
import redis

from cms.settings import base

REDIS_URL = os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/3")


@pytest.fixture
def redis_limits(settings):
    """The default limits, counted in Redis. Yields a client of that Redis database."""
    server = redis.Redis.from_url(REDIS_URL)
    try:
        server.ping()
    except redis.ConnectionError as error:
        pytest.fail(f"These tests need Redis at {REDIS_URL} (set REDIS_URL): {error}")
    settings.CACHES = {
        **settings.CACHES,
        "limits": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL},
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
