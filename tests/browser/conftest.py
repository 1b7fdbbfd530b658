"""Real-browser fixtures: a production-like server with the demo site, and headless Chromium.

The server runs gunicorn on its own database (a SQLite file, or a separate
PostgreSQL database when DATABASE_URL points at PostgreSQL), so these tests see
exactly what a visitor would and never disturb the unit tests' database.
"""

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM_FLAGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
BROWSER_DEMO_PASSWORD = "browser-demo-password"
# Each running server's environment by base URL, so a test can run manage.py on its data.
SERVER_ENVIRONMENTS = {}


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _server_database_url(tmp_path):
    """A database of the server's own; on PostgreSQL named after its temporary folder."""
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith(("postgres://", "postgresql://")):
        return f"sqlite:///{tmp_path / 'browser.sqlite3'}"
    import psycopg

    parts = urlsplit(url)
    name = f"{parts.path.lstrip('/')}_{tmp_path.name.replace('-', '_')}"
    admin_url = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(admin_url, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}"')
        connection.execute(f'CREATE DATABASE "{name}"')
    return urlunsplit(parts._replace(path=f"/{name}"))


def _wait_for(url, process, timeout=60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"The test server exited with code {process.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=2):  # noqa: S310
                return
        except urllib.error.HTTPError as error:
            raise RuntimeError(f"The test server answered {error.code} at {url}") from error
        except OSError:
            time.sleep(0.3)
    raise RuntimeError(f"The test server did not answer at {url}")


def start_site_server(tmp_path, **extra_env):
    """Start gunicorn with the demo site on its own database; returns (base URL, process)."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.test",
        "DATABASE_URL": _server_database_url(tmp_path),
        "DEMO_PASSWORD": BROWSER_DEMO_PASSWORD,
        "TEST_MEDIA_ROOT": str(tmp_path / "media"),
        **extra_env,
    }
    port = _free_port()
    env["WAGTAILADMIN_BASE_URL"] = f"http://127.0.0.1:{port}"
    manage = [sys.executable, str(ROOT / "manage.py")]
    subprocess.run([*manage, "migrate", "--noinput", "-v0"], env=env, check=True, cwd=ROOT)
    subprocess.run([*manage, "load_demo"], env=env, check=True, cwd=ROOT, stdout=subprocess.DEVNULL)
    log = open(tmp_path / "server.log", "w")  # noqa: SIM115
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "cms.wsgi",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            "2",
            "--threads",
            "4",
            "--timeout",
            "60",
        ],
        env=env,
        cwd=ROOT,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    base_url = f"http://127.0.0.1:{port}"
    SERVER_ENVIRONMENTS[base_url] = env
    try:
        _wait_for(f"{base_url}/en/", process)
    except RuntimeError:
        process.terminate()
        log.close()
        raise RuntimeError((tmp_path / "server.log").read_text()[-3000:]) from None
    return base_url, process, log


def _stop(process, log):
    """Ask gunicorn to stop; on a busy machine its workers may take longer than a
    graceful wait, and then they are killed (the server is ours and holds nothing)."""
    process.terminate()
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=30)
    log.close()


@pytest.fixture(scope="session")
def site_server(tmp_path_factory):
    """Base URL of a gunicorn server running the demo site."""
    base_url, process, log = start_site_server(tmp_path_factory.mktemp("site"))
    yield base_url
    _stop(process, log)


@pytest.fixture(scope="session")
def rtl_site_server(tmp_path_factory):
    """The demo site with Arabic (right-to-left) switched on as well."""
    base_url, process, log = start_site_server(
        tmp_path_factory.mktemp("rtl-site"), EXTRA_LANGUAGES="ar"
    )
    yield base_url
    _stop(process, log)


def chromium_path():
    path = (
        os.environ.get("CHROMIUM_PATH")
        or shutil.which("chromium")
        or shutil.which("chromium-browser")
    )
    if not path:
        pytest.fail("Chromium is not installed: run `make setup` (installs Debian's chromium).")
    return path


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=chromium_path(), args=CHROMIUM_FLAGS, headless=True
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    # bypass_csp lets the test inject axe-core; the site's own CSP stays strict.
    context = browser.new_context(bypass_csp=True, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    yield page
    context.close()
