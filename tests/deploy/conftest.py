"""A deployment made the way the README's *Deploying* section says, from a clean copy of
the checkout, on services of its own: a throwaway PostgreSQL cluster (so the fault test may
restart it), Redis, a proxy in front of the search node (so the fault test may stop it),
and gunicorn with production settings. Varnish is started in front of it on demand.

Nothing here touches the shared database server or search node beyond an index prefix of
its own, deleted afterwards.
"""

import contextlib
import os
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
import uuid
from pathlib import Path

import pytest

from tests.search.conftest import search_node_url  # noqa: F401 (fixture)
from tests.search.engine_proxy import EngineProxy

ROOT = Path(__file__).resolve().parents[2]
DEMO_PASSWORD = "deploy-demo-password"
PROXY_HEADERS = {"X-Forwarded-Proto": "https"}  # what the TLS proxy in front adds


def free_port():
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def get(url, headers=None, timeout=30):
    """(status, headers, body) of a GET, 4xx and 5xx included."""
    request = urllib.request.Request(  # noqa: S310 (loopback URLs the tests build)
        url, headers={**PROXY_HEADERS, **(headers or {})}
    )
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def _as_postgres(command):
    """Run a PostgreSQL server program as the ``postgres`` user when we are root."""
    if os.geteuid() == 0:
        command = ["runuser", "-u", "postgres", "--", *command]
    return subprocess.run(command, check=True, capture_output=True, text=True)


class ThrowawayPostgres:
    """A PostgreSQL cluster of this test session's own, on a free loopback port."""

    def __init__(self):
        versions = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"))
        if not versions:
            pytest.fail("PostgreSQL server programs are missing: apt-get install postgresql")
        self.bin = versions[-1].parent
        self.dir = Path(tempfile.mkdtemp(prefix="portal-deploy-pg-"))
        if os.geteuid() == 0:
            shutil.chown(self.dir, "postgres", "postgres")
        self.data = self.dir / "data"
        self.port = free_port()
        self.url = f"postgres://postgres@127.0.0.1:{self.port}/portal"
        _as_postgres(
            [str(self.bin / "initdb"), "-D", str(self.data), "-A", "trust", "-U", "postgres"]
            + ["-E", "UTF8", "--locale=C.UTF-8"]
        )

    def start(self):
        options = (
            f"-p {self.port} -k {self.dir} -c listen_addresses=127.0.0.1 -c fsync=off"
            " -c synchronous_commit=off -c full_page_writes=off -c max_connections=200"
        )
        _as_postgres(
            [str(self.bin / "pg_ctl"), "-D", str(self.data), "-o", options]
            + ["-l", str(self.dir / "server.log"), "-w", "start"]
        )

    def stop(self):
        _as_postgres([str(self.bin / "pg_ctl"), "-D", str(self.data), "-m", "fast", "-w", "stop"])

    def restart(self):
        self.stop()
        self.start()

    def remove(self):
        with contextlib.suppress(subprocess.CalledProcessError):
            self.stop()
        shutil.rmtree(self.dir, ignore_errors=True)


@pytest.fixture(scope="session")
def redis_url():
    """$REDIS_URL (CI starts Redis), or a redis-server this session starts."""
    if os.environ.get("REDIS_URL"):
        yield os.environ["REDIS_URL"]
        return
    binary = shutil.which("redis-server")
    if not binary:
        pytest.fail("redis-server is missing: apt-get install redis-server (make setup does)")
    port = free_port()
    process = subprocess.Popen(
        [binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
        stdout=subprocess.DEVNULL,
    )
    time.sleep(0.5)
    yield f"redis://127.0.0.1:{port}/0"
    process.terminate()
    process.wait(timeout=10)


def clean_checkout(destination):
    """The files git tracks, as they are in the working tree: no build output, no caches."""
    files = subprocess.run(
        ["git", "ls-files", "-z"], cwd=ROOT, check=True, capture_output=True
    ).stdout.split(b"\0")
    for name in filter(None, files):
        source = ROOT / name.decode()
        if source.is_file():
            target = destination / name.decode()
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target)
    # `npm ci` is the first build step; the packages it installs are shared, not copied.
    (destination / "node_modules").symlink_to((ROOT / "node_modules").resolve())
    return destination


class DeployedSite:
    """The deployment: its folder, environment, services and gunicorn server."""

    def __init__(self, checkout, env, postgres, engine, varnish_port):
        self.checkout, self.env, self.postgres, self.engine = checkout, env, postgres, engine
        self.varnish_port = varnish_port
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.process = None

    def run(self, *command, **kwargs):
        started = time.monotonic()
        try:
            return subprocess.run(
                list(command), cwd=self.checkout, env=self.env, check=True, text=True, **kwargs
            )
        except subprocess.CalledProcessError as error:
            pytest.fail(f"{' '.join(command)} failed:\n{error.stdout}\n{error.stderr}")
        finally:
            print(f"deploy: {' '.join(command[-2:])} {time.monotonic() - started:.1f}s")

    def manage(self, *args, **kwargs):
        return self.run(sys.executable, "manage.py", *args, capture_output=True, **kwargs)

    def start(self):
        self.log = open(self.checkout / "gunicorn.log", "w")  # noqa: SIM115
        self.process = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "cms.wsgi", "--bind", f"127.0.0.1:{self.port}"]
            + ["--workers", "2", "--threads", "4", "--timeout", "60"],
            cwd=self.checkout,
            env=self.env,
            stdout=self.log,
            stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                pytest.fail("gunicorn exited:\n" + self.log_tail())
            try:
                if get(f"{self.url}/en/", timeout=5)[0] == 200:
                    return
            except OSError:
                time.sleep(0.3)
        pytest.fail("gunicorn did not answer:\n" + self.log_tail())

    def log_tail(self):
        self.log.flush()
        return (self.checkout / "gunicorn.log").read_text()[-4000:]

    def stop(self):
        if self.process:
            self.process.terminate()
            self.process.wait(timeout=20)
            self.log.close()


@pytest.fixture(scope="session")
def deployed_site(tmp_path_factory, redis_url, search_node_url):  # noqa: F811
    """The README's deployment steps, run from a clean copy under production settings."""
    checkout = clean_checkout(tmp_path_factory.mktemp("deploy") / "portal")
    postgres = ThrowawayPostgres()
    postgres.start()
    prefix = f"deploy_{uuid.uuid4().hex[:8]}_"
    engine = EngineProxy(search_node_url).__enter__()
    varnish_port = free_port()
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "DATABASE_", "SEARCH_", "PYTEST"))
    }
    env.update(
        DJANGO_SETTINGS_MODULE="cms.settings.production",
        SECRET_KEY=uuid.uuid4().hex * 2,
        ALLOWED_HOSTS="127.0.0.1,localhost",
        CSRF_TRUSTED_ORIGINS="https://127.0.0.1",
        WAGTAILADMIN_BASE_URL="http://localhost",
        DATABASE_URL=postgres.url,
        MEDIA_ROOT=str(checkout / "media"),
        REDIS_URL=redis_url,
        CACHE_KEY_PREFIX=prefix,
        SEARCH_URL=engine.url,
        SEARCH_INDEX_PREFIX=prefix,
        SEARCH_TIMEOUT="2",
        FRONTEND_CACHE_PURGE_URLS=f"http://127.0.0.1:{varnish_port}",
        DEMO_PASSWORD=DEMO_PASSWORD,
        LOG_LEVEL="WARNING",
        # The load run is many clients from one address; per-client limits would answer it
        # with 429s. They are tested on their own, in tests/security.
        RATE_LIMITS="api=off,search=off,suggest=off,find_council=off,forms=off,track_request=off",
    )
    site = DeployedSite(checkout, env, postgres, engine, varnish_port)
    admin = postgres.url.rsplit("/", 1)[0] + "/postgres"
    site.run("psql", admin, "-qc", "CREATE DATABASE portal", capture_output=True)
    # The README's steps 2 and 3, in its order (npm ci: the shared node_modules).
    site.run("bash", "scripts/build_assets.sh")
    site.manage("compilemessages", "--ignore=node_modules", "-v0")
    site.manage("collectstatic", "--noinput", "-v0")
    site.manage("migrate", "--noinput", "-v0")
    site.manage("setup_roles")
    site.manage("load_demo")
    site.manage("update_index")  # the README's step 3 once content is in
    site.start()
    yield site
    site.stop()
    engine.__exit__()
    from opensearchpy import OpenSearch

    OpenSearch([search_node_url]).indices.delete(index=f"{prefix}*", ignore=[404])
    postgres.remove()
