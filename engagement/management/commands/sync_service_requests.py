"""Fetch the city's Resident Service Requests open data into local rows, incrementally."""

import datetime as dt

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from cms.locks import exclusive
from engagement.intake.opendata import OpenDataError, sync


def _date(text):
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise CommandError(f"“{text}” is not a date: use YYYY-MM-DD.") from None


LOCK_NAME = "engagement.sync_service_requests"  # one run at a time across servers (cms.locks)


class Command(BaseCommand):
    help = (
        "Fetch service requests from the open dataset (SERVICE_REQUESTS_DATA_URL) from the "
        "newest stored day on; safe to run again (rows are stored once)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--url", default="", help="Dataset URL (default: the setting).")
        parser.add_argument("--since", type=_date, help="Start day, YYYY-MM-DD.")

    def handle(self, *args, url, since, **options):
        with exclusive(LOCK_NAME) as held:
            if not held:
                self.stdout.write("Another run is syncing service requests: nothing done.")
                return
            url = url or settings.SERVICE_REQUESTS_DATA_URL
            if not url:
                raise CommandError("Set SERVICE_REQUESTS_DATA_URL or pass --url.")

            def progress(fetched, added):
                self.stdout.write(f"  {fetched} rows fetched, {added} new")

            self.stdout.write("Fetching service requests…")
            try:
                fetched, added = sync(url, since=since, progress=progress)
            except OpenDataError as error:
                raise CommandError(f"The open-data portal gave no usable rows ({error}).") from None
            self.stdout.write(self.style.SUCCESS(f"Done: {fetched} rows read, {added} new."))
