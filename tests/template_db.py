"""A migrated SQLite test database kept as a template, for runs that need no demo site.

Migrating a new test database takes about a minute here, and mutation testing starts one
pytest session per mutant. When every test of a session builds its own rows (the
``without_demo`` marker, ``tests/rules``) and the database is SQLite, the session gets its
own copy of a database the migrations already built: ``migrate`` then has nothing to do
and the session starts in about a second. The template's name holds a hash of every
installed app's migration files, so a changed or added migration builds a new one; the
first such session builds it the ordinary way and saves it.
"""

import hashlib
import os
import shutil
import sqlite3
import tempfile
from pathlib import Path

import django
from django.apps import apps
from django.conf import settings
from django.db import connections

DIRECTORY = Path(tempfile.gettempdir()) / "portal-test-db"
_state = {}


def applies():
    return settings.DATABASES["default"]["ENGINE"].endswith("sqlite3")


def _migrations_hash():
    digest = hashlib.sha256(django.get_version().encode())
    for config in sorted(apps.get_app_configs(), key=lambda config: config.label):
        folder = Path(config.path) / "migrations"
        for path in sorted(folder.glob("*.py")):
            digest.update(f"{config.label}/{path.name}".encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def _remove_abandoned_copies():
    """Copies left by sessions that were stopped before their end (a mutant that timed
    out): their process is gone."""
    for path in DIRECTORY.glob("session-*.sqlite3*"):
        pid = int(path.name.split("-")[1].split(".")[0])
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            path.unlink(missing_ok=True)
        except PermissionError:
            pass  # another user's live process


def use_a_copy():
    """Point the test database at a fresh copy of the template (or at a new file that
    ``migrate`` fills when there is no template yet)."""
    DIRECTORY.mkdir(exist_ok=True)
    _remove_abandoned_copies()
    template = DIRECTORY / f"template-{_migrations_hash()}.sqlite3"
    copy = DIRECTORY / f"session-{os.getpid()}.sqlite3"
    copy.unlink(missing_ok=True)
    if template.exists():
        shutil.copyfile(template, copy)
    database = settings.DATABASES["default"]
    _state.update(
        template=template,
        copy=copy,
        had_template=template.exists(),
        name=database["NAME"],
        test=dict(database.get("TEST") or {}),
    )
    database["TEST"] = {**(database.get("TEST") or {}), "NAME": str(copy)}


def in_use():
    return bool(_state)


def save_template():
    """After ``migrate`` built the copy from nothing, keep it as the template."""
    if _state["had_template"]:
        return
    partial = _state["template"].with_suffix(f".{os.getpid()}.partial")
    source = sqlite3.connect(_state["copy"])
    target = sqlite3.connect(partial)
    with target:
        source.backup(target)
    source.close()
    target.close()
    os.replace(partial, _state["template"])


def discard_the_copy():
    """Close the copy, delete it and give the settings back their names."""
    connections["default"].close()
    database = settings.DATABASES["default"]
    database["NAME"] = _state["name"]
    database["TEST"] = _state["test"]
    _state["copy"].unlink(missing_ok=True)
    _state.clear()
