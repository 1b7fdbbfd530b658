"""schemathesis, an outside OpenAPI fuzzer, against ``/api/schema/`` on a running server.

The app is served over HTTP on 127.0.0.1 (a free port; Django's threaded WSGI server,
every middleware) from the test database with the demo site, and the schemathesis command
line runs in a process of its own against it: every check, every phase (coverage,
fuzzing, stateful), requests in Spanish. Bounded and repeatable: a fixed number of
examples per operation, deterministic generation (no random seed), and a time limit for
the whole run. Any failure — a 5xx, an answer outside the schema, a schema-valid request
refused or a schema-violating one accepted — fails the test.
"""

import json
import os
import subprocess
import sys
import threading
from pathlib import Path

from django.db import connections
from django.test.testcases import LiveServerThread
from django.utils import timezone

import pytest

from search.models import QueryDay

ROOT = Path(__file__).resolve().parents[2]
MAX_EXAMPLES = 10
# The whole run's limit; about a minute on an idle machine. A busy workstation may set
# SCHEMATHESIS_TIME_LIMIT higher.
TIME_LIMIT_SECONDS = int(os.environ.get("SCHEMATHESIS_TIME_LIMIT", "180"))


def _shared_in_memory_connections():
    """An in-memory SQLite test database is visible to the server's threads only through
    this process's connection, shared as Django's live server shares it."""
    shared = {
        conn.alias: conn
        for conn in connections.all()
        if conn.vendor == "sqlite" and conn.is_in_memory_db()
    }
    for conn in shared.values():
        conn.inc_thread_sharing()
    return shared


def _on_a_connection_of_its_own(function):
    """Run ``function`` outside the test's transaction, committed at once."""

    def run():
        try:
            function()
        finally:
            connections.close_all()

    thread = threading.Thread(target=run)
    thread.start()
    thread.join()


@pytest.fixture
def api_server(db):
    """Base URL of the app served on loopback, on the test database with the demo site.

    On PostgreSQL the server's threads have connections of their own, so the searches it
    logs are committed and removed afterwards; on in-memory SQLite it shares this test's
    connection and transaction, which is rolled back.
    """
    shared = _shared_in_memory_connections()
    logged = set(QueryDay.objects.values_list("pk", flat=True))
    thread = LiveServerThread("127.0.0.1", lambda handler: handler, shared)
    thread.daemon = True
    thread.start()
    thread.is_ready.wait()
    if thread.error:
        raise thread.error
    try:
        yield f"http://127.0.0.1:{thread.port}"
    finally:
        thread.terminate()
        for conn in shared.values():
            conn.dec_thread_sharing()
        if not shared:
            _on_a_connection_of_its_own(lambda: QueryDay.objects.exclude(pk__in=logged).delete())


def test_every_operation_keeps_its_schema(api_server, tmp_path):
    report = tmp_path / "schemathesis.json"
    command = [
        *(sys.executable, "-m", "schemathesis.cli", "run", f"{api_server}/api/schema/"),
        *("--url", api_server, "--checks", "all", "--workers", "1"),
        *("--max-examples", str(MAX_EXAMPLES), "--generation-deterministic", "--no-shrink"),
        *("--request-timeout", "30", "--header", "Accept-Language: es", "--no-color"),
        *("--report", "json", "--report-json-path", str(report)),
    ]
    env = {
        **os.environ,
        "SCHEMATHESIS_HOOKS": "tests.api.schemathesis_hooks",
        "PORTAL_TODAY": timezone.localdate().isoformat(),
        "PYTHONPATH": str(ROOT),
    }
    try:
        run = subprocess.run(
            command,
            cwd=tmp_path,
            env=env,
            capture_output=True,
            text=True,
            timeout=TIME_LIMIT_SECONDS,
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"schemathesis did not finish within {TIME_LIMIT_SECONDS} seconds")
    result = json.loads(report.read_text()) if report.exists() else {}
    assert result.get("complete"), run.stdout[-5000:] + run.stderr[-3000:]
    cases = result["test_cases"]
    print(
        f"schemathesis: {result['operations']['tested']} operations, "
        f"{cases['generated']} test cases, {cases['with_failures']} with failures, "
        f"{len(result['errors'])} errors, {result['running_time']:.0f} s"
    )
    assert result["operations"]["tested"] == result["operations"]["total"] > 20, run.stdout
    assert (result["failures"], result["errors"]) == ([], []), run.stdout[-20000:]
    assert run.returncode == 0, run.stdout[-5000:]
