#!/usr/bin/env python
"""Site benchmark: a large site served by gunicorn and loaded with wrk, against a ceiling.

    python scripts/benchmark_site.py                             # full size, 10 s per URL
    python scripts/benchmark_site.py --scale 0.05 --duration 3   # a quick run
    BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:54329/portal_bench \\
        python scripts/benchmark_site.py                         # on PostgreSQL

Builds a throwaway database (a SQLite file in a temporary directory, or the PostgreSQL
database named by BENCH_DATABASE_URL, which is dropped and created again), loads the demo
site and adds, spread over every configured language, council updates, events (a third
recurring), content pages and service topics (when that page type is installed), inserted
in bulk. It first seeds a tenth of the data, serves it with gunicorn (2 workers, loopback,
``cms.settings.benchmark``: production settings, DEBUG off) and loads every URL with wrk
for a fixed time after a warm-up, then seeds the rest and measures again. For each URL it
prints requests per second, p50 and p99 latency, non-2xx answers, SQL queries per request
(one instrumented request through Django's test client) and the ratio to a one-view ceiling
measured in the same run; then the cached run (``PAGE_CACHE=1``; "n/a" while no page cache
answers) and how each URL's speed changed from a tenth to the full size. Needs ``wrk``
(Debian package). Not a test: it prints figures and fails only when a URL answers non-2xx.
"""

import argparse
import contextlib
import datetime as dt
import json
import os
import random
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

# Full size (--scale 1). The 17 councils come from the demo site.
FULL_SIZE = {"updates": 20_000, "events": 5_000, "content": 1_000, "services": 500}
SMALL_FRACTION = 0.1
BATCH = 1_000
CEILING = "ceiling"
# Targets: share of the ceiling's requests per second (uncached), by kind of URL.
TARGETS = {"index": 0.015, "detail": 0.03, "api list": 0.015, "api detail": 0.04}
MAX_SLOWDOWN = 0.20  # no URL more than 20% slower at full size than at a tenth

WORDS = [
    "board",
    "meeting",
    "neighborhood",
    "street",
    "parking",
    "permit",
    "library",
    "garden",
    "housing",
    "rent",
    "repair",
    "bus",
    "youth",
    "senior",
    "clinic",
    "training",
    "vote",
    "member",
    "service",
    "water",
    "tree",
    "sidewalk",
    "noise",
    "plan",
]


def log(message=""):
    print(message, flush=True)


# --- database ------------------------------------------------------------------------


def throwaway_database(workdir):
    """The database URL to use: a new SQLite file, or BENCH_DATABASE_URL made empty."""
    url = os.environ.get("BENCH_DATABASE_URL")
    if not url:
        return f"sqlite:///{workdir / 'benchmark.sqlite3'}"
    import psycopg

    parsed = urlparse(url)
    name = parsed.path.lstrip("/")
    admin_url = parsed._replace(path="/postgres").geturl()
    with psycopg.connect(admin_url, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}"')
        connection.execute(f'CREATE DATABASE "{name}"')
    return url


def server_environment(database_url, workdir, page_cache=False):
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "DJANGO_SETTINGS_MODULE": "cms.settings.benchmark",
        "MEDIA_ROOT": str(workdir / "media"),
        "DEMO_PASSWORD": os.environ.get("DEMO_PASSWORD", "benchmark"),
        "PAGE_CACHE": "1" if page_cache else "0",
        "PYTHONPATH": str(ROOT),
    }
    env.pop("SEARCH_URL", None)  # site search on the database, as the test settings do
    return env


# --- seeding -------------------------------------------------------------------------


def _path_step(number, steplen):
    alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    digits = ""
    for _ in range(steplen):
        number, remainder = divmod(number, 36)
        digits = alphabet[remainder] + digits
    return digits


class TreeWriter:
    """Adds pages under known parents in bulk: one INSERT per batch into the page table
    and one into the page type's table, treebeard paths worked out here (adding 26,000
    pages one by one with ``add_child`` takes many minutes)."""

    def __init__(self):
        from django.db.models import Max

        from wagtail.models import Page

        self.Page = Page
        self.next_child = {}
        self.added = {}
        self._max = Max

    def _next_path(self, parent):
        if parent.pk not in self.next_child:
            last = self.Page.objects.filter(
                path__startswith=parent.path, depth=parent.depth + 1
            ).aggregate(last=self._max("path"))["last"]
            self.next_child[parent.pk] = int(last[-parent.steplen :], 36) + 1 if last else 1
        number = self.next_child[parent.pk]
        self.next_child[parent.pk] += 1
        self.added[parent.pk] = self.added.get(parent.pk, 0) + 1
        return parent.path + _path_step(number, parent.steplen)

    def build(self, model, parent, slug, **fields):
        """An unsaved ``model`` page below ``parent``, every required field filled."""
        from django.contrib.contenttypes.models import ContentType
        from django.utils import timezone

        now = timezone.now()
        page = model(
            slug=slug,
            draft_title=fields["title"],
            path=self._next_path(parent),
            depth=parent.depth + 1,
            numchild=0,
            url_path=f"{parent.url_path}{slug}/",
            content_type=ContentType.objects.get_for_model(model),
            locale_id=parent.locale_id,
            translation_key=uuid.uuid4(),
            live=True,
            has_unpublished_changes=False,
            first_published_at=now,
            last_published_at=now,
            **fields,
        )
        fill_required_fields(page)
        return page

    def insert(self, pages):
        from django.db import connection, transaction

        model = type(pages[0])
        own_fields = list(model._meta.local_concrete_fields)
        page_fields = [field for field in self.Page._meta.concrete_fields if not field.primary_key]
        with transaction.atomic():
            rows = self.Page.objects.bulk_create(
                [
                    self.Page(
                        **{field.attname: getattr(page, field.attname) for field in page_fields}
                    )
                    for page in pages
                ]
            )
            ids = [row.pk for row in rows]
            if None in ids:  # a database that does not return ids from bulk inserts
                by_path = dict(
                    self.Page.objects.filter(path__in=[page.path for page in pages]).values_list(
                        "path", "pk"
                    )
                )
                ids = [by_path[page.path] for page in pages]
            for page, pk in zip(pages, ids, strict=True):
                page.pk = pk
                page.id = pk
            columns = ", ".join(connection.ops.quote_name(field.column) for field in own_fields)
            marks = ", ".join(["%s"] * len(own_fields))
            table = connection.ops.quote_name(model._meta.db_table)
            with connection.cursor() as cursor:
                cursor.executemany(
                    f"INSERT INTO {table} ({columns}) VALUES ({marks})",  # noqa: S608
                    [
                        [
                            field.get_db_prep_save(field.pre_save(page, True), connection)
                            for field in own_fields
                        ]
                        for page in pages
                    ],
                )

    def finish(self):
        """Record the parents' new child counts (treebeard's ``numchild``)."""
        from django.db.models import F

        for pk, count in self.added.items():
            self.Page.objects.filter(pk=pk).update(numchild=F("numchild") + count)
        self.added.clear()


def fill_required_fields(page):
    """Give every required field a valid value the caller did not set (page types other
    engineers add, like service topics, are seeded without knowing their fields)."""
    from django.db import models
    from django.utils import timezone

    for field in type(page)._meta.local_concrete_fields:
        if field.primary_key or field.null or field.blank or field.has_default():
            continue
        if getattr(page, field.attname) not in (None, ""):
            continue
        if field.choices:
            value = field.choices[0][0]
        elif isinstance(field, models.EmailField):
            value = "benchmark@example.org"
        elif isinstance(field, models.URLField):
            value = "https://example.org/"
        elif isinstance(field, models.DateTimeField):
            value = timezone.now()
        elif isinstance(field, models.DateField):
            value = dt.date.today()
        elif isinstance(field, models.IntegerField | models.FloatField | models.DecimalField):
            value = 1
        elif isinstance(field, models.BooleanField):
            value = False
        else:
            value = "Benchmark"
        setattr(page, field.attname, value)


def sentence(rng, length):
    return " ".join(rng.choice(WORDS) for _ in range(length)).capitalize() + "."


def paragraphs(rng, count):
    return [
        {"type": "paragraph", "value": f"<p>{sentence(rng, 30)}</p>", "id": str(uuid.uuid4())}
        for _ in range(count)
    ]


def parents_by_language():
    """Where each kind of page goes, per language (the English one where a language has none)."""
    from wagtail.models import Page

    from cms.languages import enabled_languages
    from district_councils.models import DistrictCouncilPage
    from engagement.models import EventIndexPage

    languages = [language.code for language in enabled_languages()]
    service_index = _model("engagement", "ServiceIndexPage")
    found = {}
    for code in languages:
        councils = list(
            DistrictCouncilPage.objects.live()
            .filter(locale__language_code=code)
            .order_by("district_number")
        )
        content = (
            Page.objects.live().filter(locale__language_code=code, depth=3, slug="services").first()
        ) or Page.objects.live().filter(locale__language_code=code, depth=2).first()
        found[code] = {
            "updates": councils,
            "events": [EventIndexPage.objects.live().filter(locale__language_code=code).first()],
            "content": [content],
            "services": [
                service_index.objects.live().filter(locale__language_code=code).first()
                if service_index
                else None
            ],
        }
    for code in languages:
        for kind, parents in found[code].items():
            if not parents or None in parents:
                found[code][kind] = found[languages[0]][kind]
    return languages, found


def _model(app_label, name):
    from django.apps import apps

    try:
        return apps.get_model(app_label, name)
    except LookupError:
        return None


def page_fields(kind, number, rng, now):
    """The fields of the ``number``-th page of a kind."""
    title = f"{sentence(rng, 4)[:-1]} {number}"
    if kind == "updates":
        return {
            "title": title,
            "date": (now - dt.timedelta(days=number % 900)).date(),
            "summary": sentence(rng, 20),
            "body": paragraphs(rng, 3),
        }
    if kind == "events":
        rules = ["FREQ=MONTHLY;BYDAY=+2TU", "FREQ=WEEKLY;BYDAY=WE", "FREQ=MONTHLY;BYDAY=+1TH"]
        begin = now + dt.timedelta(hours=(7 * number) % (24 * 365))
        recurring = number % 3 == 0
        return {
            "title": title,
            "summary": sentence(rng, 20),
            "body": paragraphs(rng, 2),
            "start": begin,
            "end": begin + dt.timedelta(hours=2),
            "recurrence": rules[(number // 3) % 3] if recurring else "",
            "topics": "housing" if number % 2 else "budget",
        }
    if kind == "content":
        return {"title": title, "intro": sentence(rng, 25), "body": paragraphs(rng, 4)}
    return {"title": title}


def seed(targets, done, rng):
    """Add pages until each kind reaches ``targets[kind]``; ``done`` counts what exists."""
    from django.db import transaction

    from cms.models import ContentPage
    from district_councils.models import CouncilUpdatePage
    from engagement.models import EventPage

    models = {
        "updates": CouncilUpdatePage,
        "events": EventPage,
        "content": ContentPage,
        "services": _model("engagement", "ServiceTopicPage"),
    }
    languages, parents = parents_by_language()
    writer = TreeWriter()
    now = dt.datetime.now(dt.UTC).replace(minute=0, second=0, microsecond=0)
    for kind, target in targets.items():
        model = models[kind]
        if model is None:
            log(f"  {kind}: skipped, the page type is not installed")
            continue
        if parents[languages[0]][kind] == [None]:
            log(f"  {kind}: skipped, the site has no page to hold them")
            continue
        started = time.perf_counter()
        while done[kind] < target:
            batch = []
            for number in range(done[kind], min(done[kind] + BATCH, target)):
                code = languages[number % len(languages)]
                holders = parents[code][kind]
                parent = holders[(number // len(languages)) % len(holders)]
                batch.append(
                    writer.build(
                        model,
                        parent,
                        f"bench-{kind}-{number}",
                        **page_fields(kind, number, rng, now),
                    )
                )
            writer.insert(batch)
            if kind == "events":
                with transaction.atomic():
                    for event in batch:
                        event.refresh_occurrences()
            done[kind] += len(batch)
            log(f"  {kind}: {done[kind]:,} of {target:,}")
        writer.finish()
        log(f"  {kind}: done in {time.perf_counter() - started:.0f} s")


def analyze():
    """Refresh the planner's statistics after the bulk load, as a deployment does after an
    import (PostgreSQL's autovacuum would in time; SQLite never does by itself): without
    them SQLite sorts every upcoming occurrence instead of reading them in index order."""
    from django.db import connection

    log("Planner statistics (ANALYZE)…")
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


def index_for_search():
    from django.core.management import call_command

    log("Search index (update_index)…")
    started = time.perf_counter()
    with open(os.devnull, "w") as quiet:
        call_command("update_index", chunk_size=1000, stdout=quiet)
    log(f"  done in {time.perf_counter() - started:.0f} s")


# --- what is measured ----------------------------------------------------------------


def benchmark_urls():
    """(label, kind, path) for every URL measured; kind decides its target."""
    from cms.benchmark import CEILING_PATH
    from district_councils.models import CouncilUpdatePage, DistrictCouncilPage
    from engagement.models import EventPage, ProcessPage

    def first(model, **filters):
        return (
            model.objects.live()
            .filter(locale__language_code="en", **filters)
            .order_by("path")
            .first()
        )

    council = first(DistrictCouncilPage)
    update = first(CouncilUpdatePage, slug__startswith="bench-") or first(CouncilUpdatePage)
    event = first(EventPage, slug__startswith="bench-", recurrence__gt="") or first(EventPage)
    explainer = first(ProcessPage)
    service_index = _model("engagement", "ServiceIndexPage")
    services = first(service_index) if service_index else None
    urls = [
        (CEILING, "ceiling", CEILING_PATH),
        ("home (en)", "index", "/en/"),
        ("home (es)", "index", "/es/"),
        ("home (hmn)", "index", "/hmn/"),
        ("council index", "index", "/en/district-councils/"),
        ("council page", "detail", council.url),
        ("council update", "detail", update.url),
        ("events index", "index", "/en/events/"),
        ("events index, filtered", "index", "/en/events/?topic=housing&format=in_person"),
        ("event", "detail", event.url),
        ("month view", "index", "/en/events/month/"),
        ("explainer", "detail", explainer.url),
        ("services", "index", services.url if services else None),
        ("search", "index", "/en/search/?q=zoning"),
        (
            "API list (20 updates)",
            "api list",
            "/api/v2/pages/?type=district_councils.CouncilUpdatePage&locale=en&order=-date"
            "&limit=20&fields=*",
        ),
        ("API detail (council)", "api detail", f"/api/v2/pages/{council.pk}/"),
        ("events API", "api list", "/api/v2/events/?locale=en&limit=20"),
        ("iCal feed", "index", "/en/events/calendar.ics"),
    ]
    return urls


def count_sql(env, paths):
    """SQL queries per request of each path, in a process with the server's settings: one
    request to warm the caches any visitor before would have warmed, then one counted."""
    result = subprocess.run(
        [sys.executable, __file__, "--count-sql", json.dumps(paths)],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode:
        raise SystemExit(f"Counting SQL failed:\n{result.stderr[-3000:]}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def _count_sql_main(paths):
    import django

    django.setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client()
    counts = {}
    for path in paths:
        client.get(path)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(path)
        counts[path] = {"status": response.status_code, "queries": len(queries)}
    print(json.dumps(counts))


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextlib.contextmanager
def gunicorn(env, workdir):
    """The site under gunicorn, 2 workers, on a free loopback port, stopped afterwards."""
    from cms.benchmark import CEILING_PATH

    port = free_port()
    log_file = open(workdir / "gunicorn.log", "ab")  # noqa: SIM115
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "cms.wsgi",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            "2",
            "--timeout",
            "120",
            "--graceful-timeout",
            "5",
        ],
        env={**env, "DJANGO_SETTINGS_MODULE": env["DJANGO_SETTINGS_MODULE"]},
        cwd=ROOT,
        stdout=log_file,
        stderr=log_file,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                with urllib.request.urlopen(base + CEILING_PATH, timeout=5) as answer:  # noqa: S310
                    if answer.status == 200:
                        break
            except OSError as error:
                if server.poll() is not None or time.monotonic() > deadline:
                    log_path = workdir / "gunicorn.log"
                    raise SystemExit(f"gunicorn did not start; see {log_path}") from error
                time.sleep(0.5)
        yield base
    finally:
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
        log_file.close()


WRK_REPORT = """
done = function(summary, latency, requests)
  io.write(string.format("BENCH %d %d %d %d %d %d %d %d\\n", summary.requests,
    summary.duration, latency:percentile(50), latency:percentile(99), summary.errors.connect,
    summary.errors.read + summary.errors.write, summary.errors.timeout, summary.errors.status))
end
"""


def wrk(url, duration, workdir, connections=8, threads=2):
    """One wrk run: requests per second, p50 and p99 in ms, non-2xx answers, socket errors."""
    script = workdir / "report.lua"
    script.write_text(WRK_REPORT)
    output = subprocess.run(
        [
            "wrk",
            f"-t{threads}",
            f"-c{connections}",
            f"-d{int(duration)}s",
            "--timeout",
            "30s",
            "-s",
            str(script),
            url,
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    line = next(line for line in output.splitlines() if line.startswith("BENCH "))
    requests, micros, p50, p99, connect, socket_errors, timeouts, non_2xx = map(
        int, line.split()[1:]
    )
    # wrk counts 3xx as fine; the measured URLs answer 200, so count those too.
    for text in output.splitlines():
        if text.strip().startswith("Non-2xx or 3xx responses:"):
            non_2xx = max(non_2xx, int(text.split(":")[1]))
    return {
        "rps": requests / (micros / 1e6) if micros else 0.0,
        "p50": p50 / 1000,
        "p99": p99 / 1000,
        "non_2xx": non_2xx,
        "errors": connect + socket_errors + timeouts,
    }


def warm_up(base, paths, rounds=3):
    """Each URL a few times, four at once, so both workers have compiled its templates and
    filled their per-process caches before anything is timed."""

    def fetch(path):
        with urllib.request.urlopen(base + path, timeout=300) as answer:  # noqa: S310
            answer.read()

    with ThreadPoolExecutor(max_workers=4) as pool:
        list(pool.map(fetch, [path for path in paths for _ in range(rounds)]))


def measure(env, workdir, urls, args, label):
    """Every URL under load (after a warm-up) and its SQL per request."""
    paths = [path for _label, _kind, path in urls if path]
    sql = count_sql(env, paths)
    results = {}
    log(f"Serving with gunicorn ({label})…")
    with gunicorn(env, workdir) as base:
        warm_up(base, paths)
        for name, _kind, path in urls:
            if not path:
                continue
            if args.warmup:
                wrk(base + path, args.warmup, workdir)
            figures = wrk(base + path, args.duration, workdir)
            figures.update(sql=sql[path]["queries"], status=sql[path]["status"])
            results[name] = figures
            log(f"  {name:<24} {figures['rps']:>8.1f} req/s   {figures['sql']:>3} SQL")
    return results


# --- report --------------------------------------------------------------------------


def ratio(results, name):
    ceiling = results[CEILING]["rps"]
    return results[name]["rps"] / ceiling if ceiling else 0.0


def print_report(urls, full, cached, small, sizes):
    log()
    log(f"Site: {sizes}")
    header = (
        f"{'URL':<24} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8} {'non-2xx':>8} {'SQL':>4} "
        f"{'ceiling':>8} {'target':>7}  {'cached req/s':>12} {'cached':>7}"
    )
    log(header)
    log("-" * len(header))
    for name, kind, path in urls:
        if not path:
            log(f"{name:<24} {'n/a (page type not installed)':>50}")
            continue
        figures = full[name]
        share = ratio(full, name)
        target = TARGETS.get(kind)
        verdict = "" if target is None else ("met" if share >= target else "MISSED")
        cached_rps = f"{cached[name]['rps']:.1f}" if cached else "n/a"
        cached_share = f"{ratio(cached, name):.1%}" if cached else "n/a"
        non_2xx = figures["non_2xx"] + figures["errors"]
        log(
            f"{name:<24} {figures['rps']:>8.1f} {figures['p50']:>8.1f} {figures['p99']:>8.1f} "
            f"{non_2xx:>8} {figures['sql']:>4} {share:>8.1%} {verdict:>7}  "
            f"{cached_rps:>12} {cached_share:>7}"
        )
    log()
    log("How cost grows with size (uncached req/s at a tenth of the data and at full size):")
    header = f"{'URL':<24} {'1/10 size':>10} {'full size':>10} {'full/tenth':>11} {'':>7}"
    log(header)
    log("-" * len(header))
    for name, _kind, path in urls:
        if not path or name == CEILING:
            continue
        before, after = small[name]["rps"], full[name]["rps"]
        change = after / before if before else 0.0
        verdict = "met" if change >= 1 - MAX_SLOWDOWN else "MISSED"
        log(f"{name:<24} {before:>10.1f} {after:>10.1f} {change:>11.2f} {verdict:>7}")


def failures(*runs):
    return [
        f"{name}: {figures['non_2xx']} non-2xx, {figures['errors']} socket errors"
        for run in runs
        if run
        for name, figures in run.items()
        if figures["non_2xx"] or figures["errors"] or figures["status"] != 200
    ]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=1.0, help="share of the full size")
    parser.add_argument("--duration", type=int, default=10, help="seconds of load per URL")
    parser.add_argument(
        "--warmup", type=int, default=2, help="seconds of wrk warm-up per URL (0: none)"
    )
    parser.add_argument(
        "--demo-snapshot",
        type=Path,
        help="SQLite only: start from this copy of a migrated demo database, or save one there",
    )
    parser.add_argument("--seed", type=int, default=12)
    parser.add_argument("--count-sql", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.count_sql:
        return _count_sql_main(json.loads(args.count_sql))

    workdir = Path(tempfile.mkdtemp(prefix="site-benchmark-"))
    database_url = throwaway_database(workdir)
    env = server_environment(database_url, workdir)
    os.environ.update(env)
    import django

    django.setup()
    from io import StringIO

    from django.core.management import call_command
    from django.db import connections

    log(f"Database: {database_url.split('@')[-1]}")
    started = time.perf_counter()
    snapshot = args.demo_snapshot if database_url.startswith("sqlite") else None
    if snapshot and snapshot.exists():
        log(f"Starting from the demo snapshot {snapshot}")
        shutil.copyfile(snapshot, urlparse(database_url).path)
        if snapshot.with_suffix(".media").exists():
            shutil.copytree(snapshot.with_suffix(".media"), workdir / "media", dirs_exist_ok=True)
        call_command("migrate", verbosity=0)
    else:
        log("Migrating…")
        call_command("migrate", verbosity=0)
        log("Loading the demo site (load_demo)…")
        call_command("load_demo", stdout=StringIO())
        log(f"  done in {time.perf_counter() - started:.0f} s")
        if snapshot:
            connections.close_all()
            snapshot.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(urlparse(database_url).path, snapshot)
            shutil.copytree(workdir / "media", snapshot.with_suffix(".media"), dirs_exist_ok=True)

    full_size = {kind: round(count * args.scale) for kind, count in FULL_SIZE.items()}
    small_size = {kind: round(count * SMALL_FRACTION) for kind, count in full_size.items()}
    done = dict.fromkeys(FULL_SIZE, 0)
    rng = random.Random(args.seed)  # noqa: S311 (reproducible words, not secrets)

    log(f"Seeding a tenth: {small_size}")
    seed(small_size, done, rng)
    analyze()
    index_for_search()
    urls = benchmark_urls()
    connections.close_all()
    small = measure(env, workdir, urls, args, "uncached, a tenth of the data")

    log(f"Seeding the rest: {full_size}")
    seed(full_size, done, rng)
    analyze()
    index_for_search()
    connections.close_all()
    full = measure(env, workdir, urls, args, "uncached, full size")

    cached_env = server_environment(database_url, workdir, page_cache=True)
    home = count_sql(cached_env, ["/en/"])["/en/"]["queries"]
    cached = None
    if home == 0:
        cached = measure(cached_env, workdir, urls, args, "cached, full size")
    else:
        log(f"Cached run: n/a (with PAGE_CACHE=1 the home page still makes {home} queries)")

    sizes = ", ".join(f"{count:,} {kind}" for kind, count in done.items())
    print_report(urls, full, cached, small, f"17 councils, {sizes}")
    problems = failures(small, full, cached)
    if problems:
        log("\nURLs that did not answer 2xx:\n  " + "\n  ".join(problems))
        sys.exit(1)


if __name__ == "__main__":
    main()
