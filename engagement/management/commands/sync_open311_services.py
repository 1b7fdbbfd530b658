"""Import the city's Open311 service list (services.json or .xml) into service topics."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from cms.locks import exclusive
from engagement.intake.clients import client_from_settings
from engagement.intake.open311 import Open311Error
from engagement.intake.service_list import NoIntake, sync_services
from engagement.models import ServiceIndexPage

LOCK_NAME = "engagement.sync_open311_services"  # one run at a time across servers (cms.locks)


class Command(BaseCommand):
    help = (
        "Fetch the Open311 service list (OPEN311_ENDPOINT, OPEN311_FORMAT) and record it; "
        "creates a draft topic for each new service, flags services no longer listed and "
        "never changes text editors wrote."
    )

    def handle(self, *args, **options):
        with exclusive(LOCK_NAME) as held:
            if not held:
                self.stdout.write("Another run is syncing the service list: nothing done.")
                return
            client = client_from_settings()
            if client is None:
                raise CommandError("Open311 is off: set OPEN311_ENDPOINT (or OPEN311_DEMO=1).")
            index = ServiceIndexPage.objects.filter(
                locale__language_code=settings.LANGUAGE_CODE
            ).first()
            if index is None:
                raise CommandError("There is no services index page to put new topics under.")
            self.stdout.write("Fetching the Open311 service list…")
            try:
                counts = sync_services(client, index, progress=self.stdout.write)
            except Open311Error as error:
                raise CommandError(
                    f"The Open311 server gave no usable service list ({error.reason})."
                ) from None
            except NoIntake:
                raise CommandError(
                    "New topics need a way to ask: set the service request phone or URL in the "
                    "site settings."
                ) from None
            self.stdout.write(
                self.style.SUCCESS(
                    f"{counts['services']} services, {counts['new_topics']} new draft topics, "
                    f"{counts['removed']} flagged as removed."
                )
            )
