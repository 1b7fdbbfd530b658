"""Every configured language has every interface string, and self-written ones say so."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

from django.conf import settings

import polib
import pytest

ROOT = Path(__file__).resolve().parents[2]
LANGUAGES = [code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]
IGNORED = (
    ".git",
    ".venv",
    "node_modules",
    ".cache",
    "media",
    "staticfiles",
    "static_build",
    "__pycache__",
    "*.mo",
    "*.sqlite3",
    ".pytest_cache",
    ".ruff_cache",
    "tests",
)


def catalog_dirs(root):
    return sorted(
        path
        for path in root.glob("**/locale")
        if path.is_dir()
        and not any(
            part.startswith(".") or part == "node_modules" for part in path.relative_to(root).parts
        )
    )


@pytest.fixture(scope="module")
def extracted_catalogs(tmp_path_factory):
    """The catalogues as makemessages would leave them after extracting today's source."""
    copy = tmp_path_factory.mktemp("catalogs") / "src"
    shutil.copytree(ROOT, copy, ignore=shutil.ignore_patterns(*IGNORED))
    command = [
        sys.executable,
        "manage.py",
        "makemessages",
        "--no-wrap",
        "--no-obsolete",
        "--ignore=node_modules",
        "--ignore=.venv",
    ]
    for code in LANGUAGES:
        command += ["-l", code]
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "cms.settings.test"}
    subprocess.run(command, cwd=copy, env=env, check=True, capture_output=True)
    return copy


def test_catalogue_directories_exist_for_every_language():
    for directory in catalog_dirs(ROOT):
        for code in LANGUAGES:
            assert (directory / code / "LC_MESSAGES" / "django.po").exists(), (directory, code)


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_interface_string_is_missing(extracted_catalogs, language):
    problems = []
    for directory in catalog_dirs(extracted_catalogs):
        po = polib.pofile(str(directory / language / "LC_MESSAGES" / "django.po"))
        for entry in po.untranslated_entries() + po.fuzzy_entries():
            problems.append(f"{directory.relative_to(extracted_catalogs)}: {entry.msgid!r}")
    assert not problems, f"{language} lacks {len(problems)} strings:\n" + "\n".join(problems[:40])


@pytest.mark.parametrize("language", LANGUAGES)
def test_self_written_translations_await_native_review(language):
    for directory in catalog_dirs(ROOT):
        po = polib.pofile(str(directory / language / "LC_MESSAGES" / "django.po"))
        assert po.metadata.get("X-Review-Status") == "awaiting review by a native speaker"
        assert po.metadata.get("Language") == language
