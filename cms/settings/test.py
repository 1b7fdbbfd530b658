"""Fast, isolated test settings. The database follows DATABASE_URL (SQLite when unset)."""

from .base import *

SECRET_KEY = "test-only-not-a-secret"  # noqa: S105
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
MEDIA_ROOT = env.get("TEST_MEDIA_ROOT", str(BASE_DIR / ".cache" / "test-media"))
PRIVATE_MEDIA_ROOT = f"{MEDIA_ROOT}-private"
WAGTAILADMIN_BASE_URL = "http://testserver"
WAGTAILAPI_BASE_URL = "http://testserver"
LOGGING["root"]["level"] = "WARNING"
# Static files straight from the apps (no collectstatic) for the browser tests' server.
STATIC_ROOT = None
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
# Tests search the database unless a test opts in to the engine (tests/search/conftest.py
# reads SEARCH_URL itself), so a CI node never receives the rest of the suite's writes.
WAGTAILSEARCH_BACKENDS = {"default": DATABASE_SEARCH_BACKEND}

DEMO_PASSWORD = env.get("DEMO_PASSWORD", "demo-password-for-tests")

# Whole-page cache off: tests roll back the database but not the cache (tests that check
# the page cache switch it on themselves).
PAGE_CACHE_SECONDS = 0
SECTION_CACHE_SECONDS = 0  # tests/engagement/test_kept_sections.py turns it on
# Remote intake services are off unless a test points them at its own local server.
OPEN311_ENDPOINT = ""
OPEN311_API_KEY = ""
OPEN311_DEMO = False
SERVICE_REQUESTS_DATA_URL = ""
# Off for the suite, whose thousands of requests come from one address; the tests of the
# limits themselves (tests/security/) switch them on with the defaults from base.
RATE_LIMITS = dict.fromkeys(RATE_LIMITS)
