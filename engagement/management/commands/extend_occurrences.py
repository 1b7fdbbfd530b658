"""Keep recurring events listed two years ahead.

An event's occurrences are expanded when it is saved, up to ``recurrence.HORIZON`` ahead;
a series nobody edits would run out. A scheduler runs this daily on every server (cron,
systemd timer, Kubernetes CronJob); one run at a time does the work (``cms.locks``).
"""

from django.core.management.base import BaseCommand
from django.db import transaction

from cms import page_cache
from cms.locks import exclusive
from engagement.models import EventPage

LOCK_NAME = "engagement.extend_occurrences"


class Command(BaseCommand):
    help = "Expand every recurring event's occurrences up to two years ahead."

    def handle(self, *args, **options):
        with exclusive(LOCK_NAME) as held:
            if not held:
                self.stdout.write("Another run is extending occurrences: nothing done.")
                return
            events = EventPage.objects.exclude(recurrence="").order_by("pk")
            total = events.count()
            for number, event in enumerate(events.iterator(), 1):
                with transaction.atomic():
                    event.refresh_occurrences()
                if number % 50 == 0 or number == total:
                    self.stdout.write(f"{number}/{total} recurring events extended")
            page_cache.invalidate()  # event lists and calendars show the new dates
