#!/usr/bin/env python
"""Search benchmark: index time and p50/p95 query latency, database backend vs OpenSearch.

    python scripts/benchmark_search.py                      # 10,000 and 100,000 pages
    python scripts/benchmark_search.py --sizes 2000,20000   # quicker
    SEARCH_URL=http://127.0.0.1:9201 python scripts/benchmark_search.py

Builds a throwaway SQLite database (or uses BENCH_DATABASE_URL, e.g. a scratch
PostgreSQL database: it adds 100,000 pages to it) with synthetic pages in English, Spanish, Hmong
and Somali, inserted in bulk. For each size it rebuilds both indexes with
``update_index`` (progress dots), then runs the same random queries against each
backend and prints the figures. Without SEARCH_URL it starts an OpenSearch node of
its own with scripts/search_node.sh and stops it at the end. Not a test: it prints
figures, it asserts nothing.
"""

import argparse
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

_VOCABULARY = {
    "en": "council district meeting neighborhood trash pickup recycling snow plow street "
    "parking permit library park budget zoning housing rent repair pothole bus "
    "garden event hearing vote board member service request water sewer tree "
    "sidewalk noise graffiti youth senior health clinic job training tax",
    "es": "consejo distrito reunión vecindario basura reciclaje nieve calle permiso "
    "biblioteca parque presupuesto vivienda alquiler reparación bache autobús "
    "jardín evento audiencia voto junta servicio solicitud agua árbol acera ruido "
    "jóvenes salud clínica empleo impuesto",
    "hmn": "khib nyiab pawg sab laj zej zog rooj sib tham daus txoj kev tsheb tsev qiv "
    "ntawv tiaj ua si nyiaj txiag vaj tse xauj tsev kho dej ntoo kev pab hluas "
    "laus kev noj qab haus huv hauj lwm se",
    "so": "gole degmo shir xaafad qashin dib warshadayn baraf waddo baarkin ogolaansho "
    "maktabad beer miisaaniyad guri kiro dayactir bas dhacdo dhageysi cod guddi "
    "adeeg codsi biyo geed caafimaad shaqo canshuur dhallinyaro",
}
WORDS = {language: text.split() for language, text in _VOCABULARY.items()}
BATCH = 2000


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_node():
    port = free_port()
    node_dir = ROOT / ".cache" / "opensearch-bench"
    env = {**os.environ, "SEARCH_NODE_PORT": str(port)}
    script = ["bash", str(ROOT / "scripts" / "search_node.sh")]
    subprocess.run([*script, "stop", str(node_dir)], env=env, capture_output=True)
    subprocess.run([*script, "start", str(node_dir)], env=env, check=True)

    def stop():
        subprocess.run([*script, "stop", str(node_dir)], env=env, capture_output=True)

    return f"http://127.0.0.1:{port}", stop


def sentence(rng, language, length):
    return " ".join(rng.choice(WORDS[language]) for _ in range(length)).capitalize() + "."


def insert_pages(parent, start, count, locales, rng, content_type_id):
    """Bulk-insert ContentPage rows (wagtailcore_page + cms_contentpage) under ``parent``."""
    from django.db import connection, transaction

    from wagtail.models import Page

    languages = list(locales)
    done = 0
    while done < count:
        size = min(BATCH, count - done)
        pages = []
        intros = []
        for offset in range(size):
            number = start + done + offset
            language = languages[number % len(languages)]
            title = sentence(rng, language, rng.randint(3, 7))[:-1]
            pages.append(
                Page(
                    title=title,
                    draft_title=title,
                    slug=f"p{number}",
                    path=parent.path + _step(number + 1),
                    depth=parent.depth + 1,
                    numchild=0,
                    live=True,
                    has_unpublished_changes=False,
                    url_path=f"{parent.url_path}p{number}/",
                    content_type_id=content_type_id,
                    locale_id=locales[language],
                    translation_key=uuid.uuid4(),
                )
            )
            intros.append(
                " ".join(
                    sentence(rng, language, rng.randint(8, 20)) for _ in range(rng.randint(2, 5))
                )
            )
        with transaction.atomic():
            created = Page.objects.bulk_create(pages)
            ids = (
                [page.pk for page in created]
                if created[0].pk
                else list(
                    Page.objects.filter(path__in=[page.path for page in pages])
                    .order_by("path")
                    .values_list("pk", flat=True)
                )
            )
            with connection.cursor() as cursor:
                cursor.executemany(
                    "INSERT INTO cms_contentpage (page_ptr_id, intro, body, last_reviewed) "
                    "VALUES (%s, %s, %s, NULL)",
                    [(pk, intro, "[]") for pk, intro in zip(ids, intros, strict=True)],
                )
        done += size
        print(f"\r  inserted {start + done:,} pages", end="", flush=True)
    Page.objects.filter(pk=parent.pk).update(numchild=start + count)
    print()


def _step(number):
    alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    digits = ""
    for _ in range(4):
        number, remainder = divmod(number, 36)
        digits = alphabet[remainder] + digits
    return digits


def timed_rebuild(backend_name):
    from django.core.management import call_command

    started = time.perf_counter()
    call_command("update_index", backend_name=backend_name, chunk_size=1000, stdout=sys.stdout)
    return time.perf_counter() - started


def latencies(backend_name, queries, locales, budget):
    """p50 and p95 in ms over the queries, or as many as fit in ``budget`` seconds (>= 20)."""
    from wagtail.models import Page
    from wagtail.search.backends import get_search_backend

    backend = get_search_backend(backend_name)
    times = []
    deadline = time.perf_counter() + budget
    for language, query in queries:
        pages = Page.objects.live().filter(locale_id=locales[language])
        started = time.perf_counter()
        list(backend.search(query, pages)[:10])
        times.append((time.perf_counter() - started) * 1000)
        if len(times) >= 20 and time.perf_counter() > deadline:
            break
    times.sort()
    p95 = times[max(0, round(len(times) * 0.95) - 1)]
    return statistics.median(times), p95, len(times)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="10000,100000")
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument(
        "--budget",
        type=float,
        default=60,
        help="seconds of querying per backend and size (at least 20 queries)",
    )
    args = parser.parse_args()
    sizes = sorted(int(size) for size in args.sizes.split(","))

    workdir = Path(tempfile.mkdtemp(prefix="search-bench-"))
    os.environ["DATABASE_URL"] = os.environ.get(
        "BENCH_DATABASE_URL", f"sqlite:///{workdir / 'bench.sqlite3'}"
    )
    os.environ["DJANGO_SETTINGS_MODULE"] = "cms.settings.test"
    os.environ["TEST_MEDIA_ROOT"] = str(workdir / "media")
    stop_node = None
    search_url = os.environ.get("SEARCH_URL")
    if not search_url:
        print("Starting an OpenSearch node (scripts/search_node.sh)…")
        search_url, stop_node = start_node()

    import django

    django.setup()
    from django.conf import settings
    from django.contrib.contenttypes.models import ContentType
    from django.core.management import call_command
    from django.db import connection

    from wagtail.models import Locale, Page

    from cms.models import ContentPage

    prefix = f"bench_{uuid.uuid4().hex[:6]}_"
    settings.WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": "search.backends",
            "URLS": [search_url],
            "INDEX_PREFIX": prefix,
            "TIMEOUT": 60,
        },
        "database": settings.DATABASE_SEARCH_BACKEND,
    }
    rng = random.Random(args.seed)  # noqa: S311 - synthetic data, not security
    try:
        print(f"Database: {connection.vendor} ({settings.DATABASES['default']['NAME']})")
        call_command("migrate", verbosity=0)
        locales = {code: Locale.objects.get_or_create(language_code=code)[0].pk for code in WORDS}
        root = Page.get_first_root_node()
        parent = root.add_child(
            instance=Page(title="Benchmark", slug=f"benchmark-{prefix}", locale_id=locales["en"])
        )
        content_type_id = ContentType.objects.get_for_model(ContentPage).pk
        queries = []
        for _ in range(args.queries):
            language = rng.choice(list(WORDS))
            queries.append((language, " ".join(rng.sample(WORDS[language], rng.randint(1, 3)))))

        rows = []
        count = 0
        for size in sizes:
            print(f"\n== {size:,} pages ==", flush=True)
            insert_pages(parent, count, size - count, locales, rng, content_type_id)
            count = size
            parent.refresh_from_db()
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")  # planner statistics, as a live database has
            row = {"size": size}
            for name, label in (("database", "database"), ("default", "engine")):
                print(f"Indexing on the {label} backend:")
                row[f"{label}_index"] = timed_rebuild(name)
                print(
                    f"  {label}: indexed in {row[f'{label}_index']:.1f} s; timing searches…",
                    flush=True,
                )
                # Search on a fresh connection, like a web request after the rebuild.
                connection.close()
                latencies(name, queries[:3], locales, 0)  # warm up
                row[f"{label}_p50"], row[f"{label}_p95"], row[f"{label}_n"] = latencies(
                    name, queries, locales, args.budget
                )
                print(
                    f"  {label}: index {row[f'{label}_index']:.1f} s, "
                    f"p50 {row[f'{label}_p50']:.1f} ms, p95 {row[f'{label}_p95']:.1f} ms "
                    f"({row[f'{label}_n']} queries)",
                    flush=True,
                )
            rows.append(row)

        print(
            f"\nResults ({connection.vendor}, random 1-3-word queries, top 10 in one "
            f"language, {os.cpu_count()} CPUs):"
        )
        print("| pages | backend | index time | p50 search | p95 search | queries |")
        print("| ---: | --- | ---: | ---: | ---: | ---: |")
        for row in rows:
            for label in ("database", "engine"):
                print(
                    f"| {row['size']:,} | {label} | {row[f'{label}_index']:.1f} s | "
                    f"{row[f'{label}_p50']:.1f} ms | {row[f'{label}_p95']:.1f} ms | "
                    f"{row[f'{label}_n']} |"
                )
    finally:
        try:
            from wagtail.search.backends import get_search_backend

            get_search_backend("default").es.indices.delete(index=f"{prefix}*")
        except Exception as error:
            print(f"Could not delete the benchmark indexes: {error}")
        if stop_node:
            stop_node()


if __name__ == "__main__":
    main()
