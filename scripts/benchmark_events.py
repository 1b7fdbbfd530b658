"""Benchmark: 5,000 events (a third recurring) in a throwaway SQLite database.

Times occurrence expansion for a one-year window (the query the events index,
feeds and API run) and counts the queries an events index page render makes.
Not a test; prints its figures. Run from the repository root:

    python scripts/benchmark_events.py [--events 5000] [--runs 20]
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
from io import StringIO
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BUDGET_MS = 200


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()

    workdir = tempfile.mkdtemp(prefix="events-benchmark-")
    os.environ["DATABASE_URL"] = f"sqlite:///{workdir}/benchmark.sqlite3"
    os.environ["DJANGO_SETTINGS_MODULE"] = "cms.settings.test"
    os.environ.setdefault("DEMO_PASSWORD", "benchmark")
    sys.path.insert(0, str(ROOT))

    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection, transaction
    from django.test import Client

    settings.ALLOWED_HOSTS = ["*"]
    call_command("migrate", verbosity=0)
    call_command("load_demo", stdout=StringIO())

    import datetime as dt

    from wagtail.models import Locale

    from engagement.filters import EventFilters
    from engagement.models import EventIndexPage, EventOccurrence, EventPage
    from engagement.recurrence import city_zone

    zone = city_zone()
    locale = Locale.objects.get(language_code="en")
    index = EventIndexPage.objects.get(locale=locale)
    start = dt.datetime.now(zone).replace(minute=0, second=0, microsecond=0)
    rules = ["FREQ=MONTHLY;BYDAY=+2TU", "FREQ=WEEKLY;BYDAY=WE", "FREQ=MONTHLY;BYDAY=+1TH"]
    print(f"Creating {args.events:,} events (a third recurring)…", flush=True)
    created = time.perf_counter()
    with transaction.atomic():
        for number in range(args.events):
            recurring = number % 3 == 0
            begin = start + dt.timedelta(hours=7 * number % (24 * 365))
            page = EventPage(
                title=f"Benchmark event {number}",
                slug=f"benchmark-{number}",
                summary="Benchmark.",
                start=begin,
                end=begin + dt.timedelta(hours=2),
                recurrence=rules[(number // 3) % 3] if recurring else "",
                topics="housing" if number % 2 else "budget",
                live=True,
            )
            index.add_child(instance=page)
    rows = EventOccurrence.objects.filter(locale=locale).count()
    print(f"  done in {time.perf_counter() - created:.0f} s; {rows:,} occurrence rows")

    today = dt.date.today()
    window = EventFilters(date_from=today, date_to=today + dt.timedelta(days=364))

    def expand_year():
        listing = EventOccurrence.objects.listing(locale, window)
        return list(listing.values_list("event_id", "start", "end", "status"))

    expand_year()  # warm up
    timings = []
    for _run in range(args.runs):
        began = time.perf_counter()
        found = expand_year()
        timings.append((time.perf_counter() - began) * 1000)
    timings.sort()
    p50 = statistics.median(timings)
    p95 = timings[max(int(len(timings) * 0.95) - 1, 0)]
    mean = statistics.mean(timings)

    client = Client()
    client.get("/en/events/")  # warm caches
    queries = []

    def count(execute, sql, params, many, context):
        queries.append(sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(count):
        response = client.get("/en/events/")
    if response.status_code != 200:
        raise SystemExit(f"events index answered {response.status_code}")
    began = time.perf_counter()
    client.get("/en/events/")
    render_ms = (time.perf_counter() - began) * 1000

    print(f"\nOccurrences in a one-year window: {len(found):,}")
    print(
        f"Expansion over {args.runs} runs: p50 {p50:.1f} ms, p95 {p95:.1f} ms, "
        f"mean {mean:.1f} ms (budget {BUDGET_MS} ms: "
        f"{'within' if p95 < BUDGET_MS else 'OVER'})"
    )
    print(f"Events index render: {len(queries)} queries, {render_ms:.0f} ms")


if __name__ == "__main__":
    main()
