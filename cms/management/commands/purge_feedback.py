"""Delete page feedback older than the retention period (``FEEDBACK_RETENTION_DAYS``).

Comments are free text a reader may have put personal details in; they are kept only as
long as owners need them. Safe to run on two servers at once (a delete is idempotent).
"""

import datetime

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from cms.models import PageFeedback


class Command(BaseCommand):
    help = "Delete page feedback older than --older-than days (default FEEDBACK_RETENTION_DAYS)."

    def add_arguments(self, parser):
        parser.add_argument("--older-than", type=int, default=None, metavar="DAYS")

    def handle(self, *args, older_than=None, **options):
        days = settings.FEEDBACK_RETENTION_DAYS if older_than is None else older_than
        if days < 0:
            raise CommandError("--older-than must be 0 or more days.")
        cutoff = timezone.now() - datetime.timedelta(days=days)
        deleted, _by_model = PageFeedback.objects.filter(created_at__lt=cutoff).delete()
        self.stdout.write(f"Deleted {deleted} feedback answers older than {days} days.")
