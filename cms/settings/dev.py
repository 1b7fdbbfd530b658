"""Local development: runs with no services (SQLite, database search)."""

import os
from pathlib import Path

from django.core.management.utils import get_random_secret_key

from .base import *


def local_secret_key(path):
    """This install's own signing key, made on first run and kept in a git-ignored file:
    a key written in the code would let anyone forge sessions and preview links of every
    demo that someone exposes."""
    path = Path(path)
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        # Written whole to a file of its own, then linked in place: a process starting at
        # the same moment never reads half a key, and the first key made wins.
        draft = path.with_name(f".{path.name}.{os.getpid()}")
        descriptor = os.open(draft, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(descriptor, "w") as file:
            file.write(get_random_secret_key())
        try:
            os.link(draft, path)
        except FileExistsError:
            pass
        finally:
            draft.unlink()
    return path.read_text().strip()


DEBUG = True
SECRET_KEY = env.get("SECRET_KEY") or local_secret_key(
    env.get("SECRET_KEY_FILE", BASE_DIR / ".cache" / "secret_key")
)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]")
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}
STATIC_ROOT = None
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
# Without a real Open311 server, Track a request answers from the labelled demo stand-in.
OPEN311_DEMO = env.get("OPEN311_DEMO", "" if OPEN311_ENDPOINT else "1") == "1"
