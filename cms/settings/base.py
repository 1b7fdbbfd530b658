"""Settings shared by every environment. Secure by default; secrets come from the environment."""

import datetime as dt
import os
from pathlib import Path

import dj_database_url

from cms.languages import (
    DEFAULT_LANGUAGE_CODE,
    EXTRA_LANGUAGE_INFO,
    PORTAL_LANGUAGES,
    django_languages,
    register_language_info,
)

BASE_DIR = Path(__file__).resolve().parent.parent.parent

env = os.environ


def env_list(name, default=""):
    return [item.strip() for item in env.get(name, default).split(",") if item.strip()]


SECRET_KEY = env.get("SECRET_KEY")
DEBUG = False
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "cms",
    "district_councils",
    "engagement",
    "search",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.api.v2",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.table_block",
    "wagtail.contrib.typed_table_block",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "rest_framework",
    "corsheaders",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.sitemaps",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "axes",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    "cms.middleware.PortalConditionalGetMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "cms.middleware.PortalLocaleMiddleware",
    "cms.ratelimit.RateLimitMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "cms.page_cache.PageCacheMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "cms.security_headers.PortalCSPMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "cms.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

WSGI_APPLICATION = "cms.wsgi.application"

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(env.get("DATABASE_CONN_MAX_AGE", "60")),
        # A connection broken by a database restart is replaced, not reused.
        conn_health_checks=True,
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTHENTICATION_BACKENDS = [
    "cms.lockout.LockoutBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages -------------------------------------------------------------------
register_language_info()
LANGUAGE_CODE = DEFAULT_LANGUAGE_CODE
# EXTRA_LANGUAGES switches on languages known in cms/languages.py but not yet
# offered (e.g. "ar" to check right-to-left pages).
_extra_codes = set(env_list("EXTRA_LANGUAGES"))
LANGUAGES = django_languages(
    PORTAL_LANGUAGES
    + [language for language in EXTRA_LANGUAGE_INFO if language.code in _extra_codes]
)
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAIL_I18N_ENABLED = True
LOCALE_PATHS = [BASE_DIR / "locale"]
FORMAT_MODULE_PATH = ["cms.formats"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = env.get("TIME_ZONE", "America/Chicago")
LANGUAGE_COOKIE_NAME = "portal_language"
LANGUAGE_COOKIE_AGE = 60 * 60 * 24 * 365
LANGUAGE_COOKIE_SAMESITE = "Lax"

# Static and media ------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static_build"] if (BASE_DIR / "static_build").exists() else []
MEDIA_URL = "/media/"
MEDIA_ROOT = env.get("MEDIA_ROOT", str(BASE_DIR / "media"))
# Documents are kept apart from the public media (cms/storage.py): nothing may serve
# PRIVATE_MEDIA_ROOT; documents go out only through Wagtail's permission-checked view.
PRIVATE_MEDIA_ROOT = env.get("PRIVATE_MEDIA_ROOT", str(BASE_DIR / "private-media"))
STORAGES = {
    "default": {"BACKEND": "cms.storage.MediaStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Cache, sessions, uploads: shared by every app server ---------------------------------
# With REDIS_URL the cache (whole pages, the visibility rule's sections, rate-limit
# counters) lives in Redis, so every app server sees the same entries and invalidations;
# without it each process keeps its own, which suits one server only.
REDIS_URL = env.get("REDIS_URL", "")
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": REDIS_URL,
        "KEY_PREFIX": env.get("CACHE_KEY_PREFIX", "portal"),
    }
    if REDIS_URL
    # Without Redis, each process keeps its own; room for a calendar feed's events.
    else {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "OPTIONS": {"MAX_ENTRIES": 5000},
    }
}
SESSION_ENGINE = "django.contrib.sessions.backends.db"  # in PostgreSQL, seen by every server
# Anonymous public pages are kept this many seconds in the cache (0: no page cache), and a
# proxy or CDN in front may keep them PAGE_CACHE_PROXY_SECONDS (Cache-Control: s-maxage).
PAGE_CACHE_SECONDS = int(env.get("PAGE_CACHE_SECONDS", "300"))
PAGE_CACHE_PROXY_SECONDS = int(env.get("PAGE_CACHE_PROXY_SECONDS", "60"))
# Page sections (home teasers, council sections, sidebars) are kept rendered this long at
# most, for everyone, signed in or not (0: rendered on every request); any content change
# renews them at once (cms.sections).
SECTION_CACHE_SECONDS = int(env.get("SECTION_CACHE_SECONDS", "60"))
# Caching proxies (Varnish or any that accepts HTTP PURGE) told about every publish.
FRONTEND_CACHE_PURGE_URLS = env_list("FRONTEND_CACHE_PURGE_URLS")
if FRONTEND_CACHE_PURGE_URLS:
    INSTALLED_APPS.append("wagtail.contrib.frontend_cache")
    WAGTAILFRONTENDCACHE = {
        f"proxy{number}": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": url,
        }
        for number, url in enumerate(FRONTEND_CACHE_PURGE_URLS, 1)
    }
# Images and documents in an S3-compatible bucket when one is named (django-storages);
# nothing is served from it directly (cms/bucket_storage.py): documents go out through
# Wagtail's permission-checked view, image files through cms/image_files.py.
AWS_STORAGE_BUCKET_NAME = env.get("AWS_STORAGE_BUCKET_NAME", "")
if AWS_STORAGE_BUCKET_NAME:
    STORAGES["default"] = {
        "BACKEND": "cms.bucket_storage.BucketStorage",
        "OPTIONS": {
            "bucket_name": AWS_STORAGE_BUCKET_NAME,
            "endpoint_url": env.get("AWS_S3_ENDPOINT_URL") or None,
            "region_name": env.get("AWS_S3_REGION_NAME") or None,
            "access_key": env.get("AWS_ACCESS_KEY_ID") or None,
            "secret_key": env.get("AWS_SECRET_ACCESS_KEY") or None,
            "default_acl": None,  # the bucket's policy decides: keep it private
            "querystring_auth": False,
            "file_overwrite": False,
        },
    }

# Wagtail ---------------------------------------------------------------------
WAGTAIL_SITE_NAME = env.get("WAGTAIL_SITE_NAME", "Community Portal")
WAGTAILADMIN_BASE_URL = env.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp", "avif"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILDOCS_EXTENSIONS = ["pdf", "doc", "docx", "odt", "rtf", "txt", "csv", "xlsx", "ods", "pptx"]
WAGTAILDOCS_SERVE_METHOD = "serve_view"  # never a direct file URL (see PRIVATE_MEDIA_ROOT)
WAGTAILAPI_BASE_URL = env.get("WAGTAILAPI_BASE_URL", WAGTAILADMIN_BASE_URL)
WAGTAILAPI_LIMIT_MAX = 100
WAGTAIL_ALLOW_UNICODE_SLUGS = True
# Site search: the database (SQLite FTS5 / PostgreSQL full text) unless SEARCH_URL names an
# OpenSearch/Elasticsearch node. With an engine the database index is kept as well: search
# falls back to it when the engine is down or slower than SEARCH_TIMEOUT seconds.
SEARCH_URL = env.get("SEARCH_URL", "")
SEARCH_TIMEOUT = float(env.get("SEARCH_TIMEOUT", "5"))
SEARCH_INDEX_PREFIX = env.get("SEARCH_INDEX_PREFIX", "portal_")
DATABASE_SEARCH_BACKEND = {"BACKEND": "wagtail.search.backends.database"}
if DATABASES["default"]["ENGINE"].endswith("postgresql"):
    # Accent-insensitive full text (search/migrations/0002 creates the configuration).
    DATABASE_SEARCH_BACKEND["SEARCH_CONFIG"] = "portal"
WAGTAILSEARCH_BACKENDS = {"default": DATABASE_SEARCH_BACKEND}
if SEARCH_URL:
    WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": "search.backends",
            "URLS": [SEARCH_URL],
            "INDEX_PREFIX": SEARCH_INDEX_PREFIX,
            "TIMEOUT": SEARCH_TIMEOUT,
            "ATOMIC_REBUILD": True,
            "OPTIONS": {"max_retries": 1, "retry_on_timeout": False},
        },
        "database": DATABASE_SEARCH_BACKEND,
    }

# Content translation (wagtail-localize) ---------------------------------------
# Machine translation is off unless a backend is named in the environment:
#   MACHINE_TRANSLATION=deepl  with DEEPL_API_KEY
#   MACHINE_TRANSLATION=google with GOOGLE_CLOUD_PROJECT (and the google extra installed)
_machine_translation = env.get("MACHINE_TRANSLATION", "").lower()
if _machine_translation == "deepl":
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "wagtail_localize.machine_translators.deepl.DeepLTranslator",
        "OPTIONS": {"AUTH_KEY": env.get("DEEPL_API_KEY", "")},
    }
elif _machine_translation == "google":
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "wagtail_localize.machine_translators.google.GoogleCloudTranslator",
        "OPTIONS": {
            "CREDENTIALS_PATH": env.get("GOOGLE_APPLICATION_CREDENTIALS", ""),
            "PROJECT_ID": env.get("GOOGLE_CLOUD_PROJECT", ""),
        },
    }
elif _machine_translation == "dummy":
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "wagtail_localize.machine_translators.dummy.DummyTranslator",
    }

# Plain language: pages should read at this US school grade or lower (cms.readability).
READING_GRADE_TARGET = int(env.get("READING_GRADE_TARGET", "8"))

# Headless API ----------------------------------------------------------------
CORS_ALLOWED_ORIGINS = env_list("CORS_ALLOWED_ORIGINS")
CORS_URLS_REGEX = r"^/api/.*$"
CORS_ALLOW_METHODS = ["GET", "OPTIONS", "HEAD"]
# Signed preview links for external front ends stay valid this many seconds.
HEADLESS_PREVIEW_MAX_AGE = int(env.get("HEADLESS_PREVIEW_MAX_AGE", str(60 * 60)))

# Security --------------------------------------------------------------------
SECURE_CONTENT_TYPE_NOSNIFF = True
# A refused form (no valid CSRF token) gets a page in the visitor's language.
CSRF_FAILURE_VIEW = "cms.views.csrf_failure"
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
# No site may frame these pages; Wagtail's preview views allow their own same-origin frame.
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
# Editors' avatars are not fetched from gravatar.com (an outside request per editor).
WAGTAIL_GRAVATAR_PROVIDER_URL = None
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "img-src": ["'self'", "data:", "blob:"] + env_list("CSP_IMG_SRC"),
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
        "base-uri": ["'self'"],
    },
}
# The admin's own policy (cms/security_headers.py). Wagtail 8 still writes inline scripts
# (date and time pickers, inline panels, the translation editor) and inline styles, and
# frames its page preview; everything else is held to this site as on public pages.
ADMIN_URL_PREFIXES = ("/admin/",)
ADMIN_CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "img-src": ["'self'", "data:", "blob:"] + env_list("CSP_IMG_SRC"),
        "script-src": ["'self'", "'unsafe-inline'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "font-src": ["'self'", "data:"],
        "connect-src": ["'self'"],
        "frame-src": ["'self'"],
        "object-src": ["'none'"],
        "frame-ancestors": ["'self'"],
        "form-action": ["'self'"],
        "base-uri": ["'self'"],
    },
}

# Abuse limits (README: Security → Abuse limits and bad input) -----------------
# Requests per client and scope: (requests, seconds); None switches a scope off.
# The environment may change any of them: RATE_LIMITS="search=60/60,api=off".
RATE_LIMITS = {
    "api": (600, 60),  # every /api/ request
    "search": (30, 60),  # the search page and /api/v2/search/
    "suggest": (120, 60),  # search suggestions as visitors type
    "find_council": (60, 60),  # find-my-council
    "track_request": (20, 60),  # track a request: each lookup may ask the city's server
    "forms": (10, 60),  # every public form submission: any POST outside the admin
    "feedback": (20, 60 * 60),  # page feedback sent (counted besides "forms")
}
for _item in env_list("RATE_LIMITS"):
    _scope, _sep, _limit = _item.partition("=")
    _count, _sep, _seconds = _limit.partition("/")
    RATE_LIMITS[_scope.strip()] = None if _limit == "off" else (int(_count), int(_seconds))
RATE_LIMIT_CACHE = env.get("RATE_LIMIT_CACHE", "default")
# The request header (as in request.META) a proxy we run sets to the client's address,
# e.g. HTTP_X_FORWARDED_FOR; empty: REMOTE_ADDR. Never set it without such a proxy.
RATE_LIMIT_CLIENT_HEADER = env.get("RATE_LIMIT_CLIENT_HEADER", "")

# Page feedback: comments are free text a reader may put personal details in, so answers
# are deleted after this many days (manage.py purge_feedback, run daily by the scheduler).
FEEDBACK_RETENTION_DAYS = int(env.get("FEEDBACK_RETENTION_DAYS", "180"))

# Sign-in lockout (django-axes): after AXES_FAILURE_LIMIT wrong passwords for one username
# from one address, that pair is locked out for AXES_COOLOFF_TIME. Counted in the database
# (shared by every process), under a keyed-hash pseudonym of the address.
AXES_FAILURE_LIMIT = int(env.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = dt.timedelta(minutes=int(env.get("AXES_COOLOFF_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "cms.lockout.client_pseudonym"
AXES_DISABLE_ACCESS_LOG = True  # no record of successful sign-ins
AXES_LOCKOUT_CALLABLE = "cms.lockout.lockout_response"
AXES_HTTP_RESPONSE_CODE = 429

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.get("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        "django_tasks": {"level": "WARNING"},
        "wagtail": {"level": "WARNING"},
        "opensearch": {"level": "WARNING"},
    },
}

# Password of every demo login made by ``load_demo``; one is made up per run when unset.
DEMO_PASSWORD = env.get("DEMO_PASSWORD", "")

# District council maps: a tile URL template (empty: boundaries on a plain background) and its
# attribution. Find-my-council's address search: the dotted path of a callable
# ``geocode(address) -> (lat, lon) | None``; empty turns address search off.
MAP_TILE_URL = env.get("MAP_TILE_URL", "")
MAP_TILE_ATTRIBUTION = env.get("MAP_TILE_ATTRIBUTION", "")
COUNCIL_GEOCODER = env.get("COUNCIL_GEOCODER", "")

# Request intake. Open311 (GeoReport v2) status lookups and the service list are off while
# OPEN311_ENDPOINT is empty: pages then give the intake links and phone only. The API key is
# sent to the server and never shown or logged. OPEN311_DEMO answers from a built-in demo
# stand-in instead of a server (dev settings turn it on when no endpoint is set).
OPEN311_ENDPOINT = env.get("OPEN311_ENDPOINT", "").rstrip("/")
OPEN311_JURISDICTION_ID = env.get("OPEN311_JURISDICTION_ID", "")
OPEN311_API_KEY = env.get("OPEN311_API_KEY", "")
OPEN311_FORMAT = env.get("OPEN311_FORMAT", "json")  # json or xml
OPEN311_TIMEOUT = float(env.get("OPEN311_TIMEOUT", "5"))
OPEN311_MAX_BYTES = int(env.get("OPEN311_MAX_BYTES", str(512 * 1024)))
OPEN311_CACHE_SECONDS = int(env.get("OPEN311_CACHE_SECONDS", "60"))
OPEN311_DEMO = env.get("OPEN311_DEMO", "") == "1"
# The city's Resident Service Requests open dataset (Socrata SODA JSON rows).
SERVICE_REQUESTS_DATA_URL = env.get(
    "SERVICE_REQUESTS_DATA_URL", "https://information.stpaul.gov/resource/qtkm-psvs.json"
)
SERVICE_REQUESTS_APP_TOKEN = env.get("SERVICE_REQUESTS_APP_TOKEN", "")
SERVICE_REQUESTS_TIMEOUT = float(env.get("SERVICE_REQUESTS_TIMEOUT", "30"))
SERVICE_REQUESTS_MAX_BYTES = int(env.get("SERVICE_REQUESTS_MAX_BYTES", str(32 * 1024 * 1024)))
