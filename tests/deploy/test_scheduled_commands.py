"""Scheduled work on two servers at once: both schedulers start ``extend_occurrences`` at
the same moment on the deployed site's PostgreSQL; the occurrence table ends with the
same rows as after one run, none twice."""

import subprocess
import sys

COUNT = """
from django.db.models import Count
from engagement.models import EventOccurrence
rows = EventOccurrence.objects.values("event_id", "start")
print(rows.annotate(n=Count("id")).filter(n__gt=1).count(), rows.count())
"""


def occurrence_counts(site):
    duplicates, total = site.manage("shell", "-c", COUNT).stdout.strip().splitlines()[-1].split()
    return int(duplicates), int(total)


def test_two_runs_at_once_do_not_duplicate_occurrences(deployed_site):
    deployed_site.manage("extend_occurrences")
    duplicates, expected = occurrence_counts(deployed_site)
    assert duplicates == 0 and expected > 0
    runs = [
        subprocess.Popen(
            [sys.executable, "manage.py", "extend_occurrences"],
            cwd=deployed_site.checkout,
            env=deployed_site.env,
            stdout=subprocess.PIPE,
            text=True,
        )
        for _ in range(2)
    ]
    outputs = [run.communicate(timeout=300)[0] for run in runs]
    assert [run.returncode for run in runs] == [0, 0]
    assert all(
        "recurring events extended" in output or "nothing done" in output for output in outputs
    )
    assert occurrence_counts(deployed_site) == (0, expected)
