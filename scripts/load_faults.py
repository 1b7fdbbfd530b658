"""Load a running site with concurrent clients while faults happen, and report every answer.

    python scripts/load_faults.py http://127.0.0.1:8000 [--clients 32] [--seconds 60]
        [--at 20 "sudo systemctl stop opensearch"] [--at 40 "pg_ctlcluster 15 main restart"]

Each client repeats a mix of URLs (pages in several languages, search, feeds, the API)
for the given time, with its own keep-alive connection, and stops by itself. ``--at``
runs a shell command that many seconds into the run (a fault: the search engine stopped,
the database restarted). It prints, per second, the answers by status, then a summary,
and exits 1 when any answer was a 500, a connection error, or a 5xx outside the windows
the faults allow (``--fault-window``, seconds after each fault).

Only loopback addresses are accepted: this is a test of a server you run here.
``tests/deploy/test_load_faults.py`` drives it (``run_load``) against the deployed site.
"""

import argparse
import collections
import http.client
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from urllib.parse import urlsplit

DEFAULT_URLS = [
    "/en/",
    "/es/",
    "/hmn/",
    "/en/district-councils/",
    "/en/events/",
    "/en/events/month/",
    "/en/how-it-works/",
    "/en/search/?q=council",
    "/es/search/?q=consejo",
    "/en/events/calendar.ics",
    "/en/district-councils/feed/",
    "/api/v2/pages/?type=district_councils.DistrictCouncilPage&fields=*",
    "/api/v2/events/",
    "/api/v2/search/?q=council",
]
LOOPBACK = ("127.", "localhost", "[::1]", "::1")


@dataclass
class Answer:
    at: float  # seconds since the start
    path: str
    status: int  # 0: connection error
    body: bytes = b""


@dataclass
class Report:
    answers: list = field(default_factory=list)
    faults: list = field(default_factory=list)  # (at, label)

    def statuses(self, start=0.0, end=float("inf"), path_prefix=""):
        return collections.Counter(
            answer.status
            for answer in self.answers
            if start <= answer.at < end and answer.path.startswith(path_prefix)
        )

    def problems(self, fault_window):
        """Answers a healthy site never gives: 500s, connection errors, and other 5xx
        outside the seconds after a fault."""
        found = []
        for answer in self.answers:
            in_window = any(at <= answer.at < at + fault_window for at, _label in self.faults)
            if answer.status in (0, 500) or (answer.status >= 500 and not in_window):
                found.append(answer)
        return found


def _client(base, paths, deadline, start, report, lock, headers, keep):
    parts = urlsplit(base)
    connection = None
    index = 0
    while time.monotonic() < deadline:
        path = paths[index % len(paths)]
        index += 1
        try:
            if connection is None:
                connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
            connection.request("GET", path, headers=headers)
            response = connection.getresponse()
            body = response.read()
            status = response.status
            if response.getheader("Connection", "").lower() == "close":
                connection.close()
                connection = None
        except (OSError, http.client.HTTPException):
            status, body = 0, b""
            if connection:
                connection.close()
            connection = None
        with lock:
            report.answers.append(
                Answer(time.monotonic() - start, path, status, body if keep(path) else b"")
            )
    if connection:
        connection.close()


def run_load(
    base,
    paths=DEFAULT_URLS,
    *,
    clients=32,
    seconds=60,
    faults=(),
    headers=None,
    keep=lambda path: False,
):
    """Run the load; ``faults`` are ``(at_seconds, label, callable)``. Returns a Report."""
    if not urlsplit(base).hostname.startswith(LOOPBACK):
        raise SystemExit("Only loopback addresses may be loaded.")
    report, lock = Report(), threading.Lock()
    start = time.monotonic()
    deadline = start + seconds
    threads = [
        threading.Thread(
            target=_client,
            args=(base, paths[i:] + paths[:i], deadline, start, report, lock, headers or {}, keep),
            daemon=True,
        )
        for i in range(clients)
    ]
    for thread in threads:
        thread.start()
    for at, label, action in sorted(faults, key=lambda fault: fault[0]):
        time.sleep(max(0.0, start + at - time.monotonic()))
        report.faults.append((time.monotonic() - start, label))
        action()
    for thread in threads:
        thread.join(timeout=seconds + 60)
    return report


def print_report(report, seconds, out=sys.stdout):
    for second in range(int(seconds) + 1):
        counts = report.statuses(second, second + 1)
        if counts:
            line = ", ".join(
                f"{status or 'conn-error'}: {n}" for status, n in sorted(counts.items())
            )
            out.write(f"{second:4d}s  {line}\n")
    for at, label in report.faults:
        out.write(f"fault at {at:.1f}s: {label}\n")
    total = report.statuses()
    out.write(f"{len(report.answers)} answers: {dict(sorted(total.items()))}\n")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("base_url")
    parser.add_argument("--clients", type=int, default=32)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--fault-window", type=float, default=15)
    parser.add_argument("--at", nargs=2, action="append", default=[], metavar=("SECONDS", "CMD"))
    parser.add_argument("--header", action="append", default=[], help="Name: value")
    args = parser.parse_args()
    faults = [
        (float(at), command, lambda command=command: subprocess.run(command, shell=True))  # noqa: S602
        for at, command in args.at
    ]
    headers = dict(header.split(": ", 1) for header in args.header)
    report = run_load(
        args.base_url, clients=args.clients, seconds=args.seconds, faults=faults, headers=headers
    )
    print_report(report, args.seconds)
    problems = report.problems(args.fault_window)
    for answer in problems[:20]:
        print(f"problem: {answer.at:.1f}s {answer.path} -> {answer.status or 'connection error'}")
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
