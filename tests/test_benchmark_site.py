"""The site benchmark runs end to end and prints every figure (a small, quick run).

``scripts/benchmark_site.py`` at 2% of the full size, one second of load per URL: it builds
its own database (on the PostgreSQL server of ``DATABASE_URL`` when the suite runs on
PostgreSQL, else a SQLite file), serves it with gunicorn and loads it with wrk. The figures
themselves depend on the machine; what is checked is that each URL has all of them, that
every URL answered 2xx and that the SQL count of each page is within the budgets.
"""

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlparse

import pytest

ROOT = Path(__file__).resolve().parents[1]
URLS = [
    "home (en)",
    "home (es)",
    "home (hmn)",
    "council index",
    "council page",
    "council update",
    "events index",
    "events index, filtered",
    "event",
    "month view",
    "explainer",
    "search",
    "API list (20 updates)",
    "API detail (council)",
    "events API",
    "iCal feed",
]
NUMBER = r"(\d+(?:\.\d+)?)"
# URL, req/s, p50, p99, non-2xx, SQL, share of the ceiling, target verdict, cached figures.
ROW = r"^{label}\s+{n}\s+{n}\s+{n}\s+(\d+)\s+(\d+)\s+{n}%\s+(met|MISSED)\s+(n/a|{n})\s+(n/a|{n}%)$"
GROWTH_ROW = r"^{label}\s+{n}\s+{n}\s+{n}\s+(met|MISSED)$"


@pytest.fixture(scope="module")
def benchmark_output():
    assert shutil.which("wrk"), "wrk is needed: apt-get install wrk (scripts/bootstrap.sh does)"
    env = {**os.environ}
    database = os.environ.get("DATABASE_URL", "")
    if database.startswith("postgres"):
        env["BENCH_DATABASE_URL"] = urlparse(database)._replace(path="/portal_bench_smoke").geturl()
    result = subprocess.run(
        [
            sys.executable,
            str(ROOT / "scripts" / "benchmark_site.py"),
            "--scale",
            "0.02",
            "--duration",
            "1",
            "--warmup",
            "0",
        ],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=1800,
        check=False,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    return result.stdout


def test_every_url_has_every_figure_and_answered_2xx(benchmark_output):
    for label in URLS:
        pattern = ROW.format(label=re.escape(label), n=NUMBER)
        match = re.search(pattern, benchmark_output, re.MULTILINE)
        assert match, f"no full row for {label!r} in:\n{benchmark_output[-4000:]}"
        non_2xx, sql = int(match.group(4)), int(match.group(5))
        assert non_2xx == 0, f"{label}: {non_2xx} answers were not 2xx"
        ceiling = 12 if label.startswith(("API", "events API")) else 15
        assert sql <= ceiling, f"{label}: {sql} queries per request"
        # Every uncached request renders (a cached answer would cost none).
        assert sql > 0, f"{label}: the uncached run was answered from a cache"


def test_the_ceiling_and_the_growth_from_a_tenth_are_reported(benchmark_output):
    assert re.search(r"^ceiling\s+\d", benchmark_output, re.MULTILINE)
    for label in URLS:
        pattern = GROWTH_ROW.format(label=re.escape(label), n=NUMBER)
        assert re.search(pattern, benchmark_output, re.MULTILINE), f"no growth row for {label}"
