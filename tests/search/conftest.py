"""Search fixtures: a real OpenSearch node and the same tests on both backends.

``search_backend`` is parametrised: every test that uses it runs once on the
database backend (SQLite FTS5 or PostgreSQL, like the rest of the suite) and once
on OpenSearch. With ``SEARCH_URL`` set (CI) that node is used; otherwise the
session starts its own with ``scripts/search_node.sh`` on a free port (installing
OpenSearch from Maven Central the first time) and stops it at the end. The engine
index is built once per session, under a prefix of its own, and deleted after.
If no node can be started the engine tests fail as blocked: the engine is never faked.
"""

import os
import socket
import subprocess
import uuid
from io import StringIO
from pathlib import Path

from django.conf import settings as django_settings
from django.core.management import call_command
from django.test import override_settings

import pytest

ROOT = Path(__file__).resolve().parents[2]
NODE_SCRIPT = ROOT / "scripts" / "search_node.sh"
NODE_DIR = ROOT / ".cache" / "opensearch-pytest"


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _node(action, port):
    env = {**os.environ, "SEARCH_NODE_PORT": str(port)}
    return subprocess.run(
        ["bash", str(NODE_SCRIPT), action, str(NODE_DIR)],
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )


@pytest.fixture(scope="session")
def search_node_url():
    """URL of a running OpenSearch node: $SEARCH_URL, or one this session starts."""
    url = os.environ.get("SEARCH_URL")
    if url:
        yield url.rstrip("/")
        return
    port = _free_port()
    _node("stop", port)  # a node left over by an interrupted session
    started = _node("start", port)
    if started.returncode != 0:
        pytest.fail(
            "BLOCKED: could not start an OpenSearch node with scripts/search_node.sh:\n"
            + started.stdout[-2000:]
            + started.stderr[-2000:],
            pytrace=False,
        )
    yield f"http://127.0.0.1:{port}"
    _node("stop", port)


def engine_backends(url, prefix, timeout=10):
    return {
        "default": {
            "BACKEND": "search.backends",
            "URLS": [url],
            "INDEX_PREFIX": prefix,
            "TIMEOUT": timeout,
            "OPTIONS": {"max_retries": 0, "retry_on_timeout": False},
        },
        "database": django_settings.DATABASE_SEARCH_BACKEND,
    }


@pytest.fixture(scope="session")
def engine_prefix():
    return f"test_{uuid.uuid4().hex[:10]}_"


@pytest.fixture(scope="session")
def engine_index(search_node_url, engine_prefix, django_db_setup, django_db_blocker):
    """The demo site indexed once in OpenSearch; the session's indexes are deleted after."""
    backends = engine_backends(search_node_url, engine_prefix)
    output = StringIO()
    with django_db_blocker.unblock(), override_settings(WAGTAILSEARCH_BACKENDS=backends):
        call_command("update_index", backend_name="default", stdout=output)
    yield backends
    from opensearchpy import OpenSearch

    client = OpenSearch([search_node_url])
    client.indices.delete(index=f"{engine_prefix}*", ignore=[404])


@pytest.fixture(params=["database", "engine"])
def search_backend(request, settings):
    """Name of the backend the test runs on; settings point search at it."""
    if request.param == "engine":
        settings.WAGTAILSEARCH_BACKENDS = request.getfixturevalue("engine_index")
    else:
        settings.WAGTAILSEARCH_BACKENDS = {"default": settings.DATABASE_SEARCH_BACKEND}
    return request.param


@pytest.fixture
def staff_client(client_as):
    return client_as("staff")


@pytest.fixture
def refresh_search(search_backend):
    """Make what a test just saved visible to OpenSearch searches (it refreshes every 1s)."""

    def refresh():
        if search_backend == "engine":
            from wagtail.search.backends import get_search_backend

            get_search_backend("default").es.indices.refresh(index="_all")

    return refresh
