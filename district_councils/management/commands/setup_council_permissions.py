from django.core.management.base import BaseCommand

from district_councils.permissions import setup_council_permissions


class Command(BaseCommand):
    help = (
        "Create or complete each district council's editors group, page permissions, "
        "image and document collection, and profile approval workflow (idempotent)."
    )

    def handle(self, *args, **options):
        setup_council_permissions(stdout=self.stdout)
