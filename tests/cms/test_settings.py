"""Production refuses to start without its secrets; configuration comes from the environment."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def run_check(**env):
    environment = {
        key: value
        for key, value in os.environ.items()
        if key not in {"SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL"}
    }
    environment.update(DJANGO_SETTINGS_MODULE="cms.settings.production", **env)
    # Load the WSGI application, as gunicorn does in production.
    return subprocess.run(
        [sys.executable, "-c", "import cms.wsgi"],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )


def test_production_requires_secret_key():
    result = run_check(ALLOWED_HOSTS="portal.example.org")
    assert result.returncode != 0
    assert "Set the SECRET_KEY environment variable." in result.stderr


def test_production_requires_allowed_hosts():
    result = run_check(SECRET_KEY="x" * 50)
    assert result.returncode != 0
    assert "Set ALLOWED_HOSTS" in result.stderr


def test_production_starts_with_its_environment(tmp_path):
    result = run_check(
        SECRET_KEY="x" * 50,
        ALLOWED_HOSTS="portal.example.org",
        DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}",
        CORS_ALLOWED_ORIGINS="https://front.example.org",
    )
    assert result.returncode == 0, result.stderr
