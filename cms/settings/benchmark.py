"""The benchmark's server (``scripts/benchmark_site.py``): production settings, DEBUG off,
over plain HTTP on loopback, with a one-view ceiling endpoint beside the site.

``PAGE_CACHE=1`` in the environment asks for the full-page cache (the cached column of the
benchmark); the script reports "n/a" while no page cache answers from it.
"""

import os

os.environ.setdefault("SECRET_KEY", "benchmark-only-not-a-secret")
os.environ.setdefault("ALLOWED_HOSTS", "127.0.0.1,localhost,testserver")
os.environ.setdefault("SECURE_SSL_REDIRECT", "false")

from .production import *

ROOT_URLCONF = "cms.benchmark"
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
LANGUAGE_COOKIE_SECURE = False
SECURE_HSTS_SECONDS = 0
# Static files straight from the apps: the benchmark measures pages, not collectstatic.
STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}
STATIC_ROOT = None
WHITENOISE_USE_FINDERS = True
LOGGING["root"]["level"] = "WARNING"
PAGE_CACHE = env.get("PAGE_CACHE") == "1"
# The uncached run measures rendering: without PAGE_CACHE=1 no page is kept.
PAGE_CACHE_SECONDS = PAGE_CACHE_SECONDS if PAGE_CACHE else 0

# The load generator is one client: per-client limits would measure themselves, not the site.
RATE_LIMITS = dict.fromkeys(RATE_LIMITS)
