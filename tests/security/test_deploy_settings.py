"""Deployment settings: ``check --deploy`` is clean in production, every install of the
development settings signs with a key of its own, and the headers a browser enforces."""

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
STRONG_KEY = "k7#Qz!p2@Lm9$wX4^bN8&cR1*vT6(yH3)jF5_dG0+sA"  # 50+ characters, varied


def environment(settings_module, **extra):
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("SECRET_KEY", "SECURE_", "DATABASE_URL", "ALLOWED_HOSTS"))
    }
    return {**env, "DJANGO_SETTINGS_MODULE": settings_module, **extra}


def manage(*args, env):
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )


def production(tmp_path, **extra):
    return environment(
        "cms.settings.production",
        SECRET_KEY=STRONG_KEY * 2,
        ALLOWED_HOSTS="portal.example.org",
        DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}",
        **extra,
    )


def test_check_deploy_is_clean_with_production_settings(tmp_path):
    result = manage("check", "--deploy", "--fail-level", "WARNING", env=production(tmp_path))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout


def test_hsts_preload_and_subdomains_can_be_turned_off(tmp_path):
    env = production(tmp_path, SECURE_HSTS_INCLUDE_SUBDOMAINS="false", SECURE_HSTS_PRELOAD="false")
    result = manage("check", "--deploy", env=env)
    assert "security.W005" in result.stderr  # subdomains no longer covered
    assert "security.W021" in result.stderr  # no longer eligible for preloading


def dev_secret_key(key_file):
    env = environment("cms.settings.dev", SECRET_KEY_FILE=str(key_file))
    result = subprocess.run(
        [sys.executable, "-c", "from django.conf import settings; print(settings.SECRET_KEY)"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout.strip()


def test_each_install_makes_its_own_dev_key_and_keeps_it(tmp_path):
    first_file, other_file = tmp_path / "one" / "secret_key", tmp_path / "two" / "secret_key"
    key = dev_secret_key(first_file)
    assert len(key) >= 50
    assert first_file.read_text().strip() == key
    assert stat.S_IMODE(first_file.stat().st_mode) == 0o600  # readable by its owner only
    assert dev_secret_key(first_file) == key  # kept: sessions survive a restart
    assert dev_secret_key(other_file) != key  # another install signs with another key
    assert "dev-only-not-a-secret" not in (ROOT / "cms" / "settings" / "dev.py").read_text()


def test_the_default_key_file_is_ignored_by_git():
    result = subprocess.run(
        ["git", "check-ignore", "--quiet", ".cache/secret_key"], cwd=ROOT, check=False
    )
    assert result.returncode == 0


@pytest.mark.django_db
def test_public_pages_may_not_be_framed(client):
    response = client.get("/en/")
    assert response["X-Frame-Options"] == "DENY"
    assert "frame-ancestors 'none'" in response["Content-Security-Policy"]


@pytest.mark.django_db
def test_the_admin_has_a_policy_of_its_own(client_as, demo_page):
    editor = client_as("communications")
    response = editor.get(f"/admin/pages/{demo_page('about').pk}/edit/")
    assert response.status_code == 200
    policy = dict(
        directive.strip().split(" ", 1)
        for directive in response["Content-Security-Policy"].split(";")
    )
    assert policy["frame-ancestors"] == "'self'"  # the editor frames its own preview
    assert policy["frame-src"] == "'self'"
    assert policy["script-src"] == "'self' 'unsafe-inline'"  # Wagtail's inline scripts only
    assert policy["object-src"] == "'none'"
    assert policy["style-src"] == "'self' 'unsafe-inline'"
    public = client_as("communications").get("/en/")["Content-Security-Policy"]
    assert "'unsafe-inline'" not in public


@pytest.mark.django_db
def test_the_admin_preview_can_be_framed_by_the_admin_only(client_as, demo_page):
    editor = client_as("communications")
    about = demo_page("about")
    response = editor.get(f"/admin/pages/{about.pk}/edit/preview/")
    assert response.status_code == 200
    assert response["X-Frame-Options"] == "SAMEORIGIN"
    assert "frame-ancestors 'self'" in response["Content-Security-Policy"]
