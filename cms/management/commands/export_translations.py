from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from cms.po_files import export_po_files, start_translations


class Command(BaseCommand):
    help = "Write one PO file per page or snippet awaiting translation into LANGUAGE."

    def add_arguments(self, parser):
        parser.add_argument("language", help="Language code, e.g. so")
        parser.add_argument("directory", help="Folder to write the PO files to")
        parser.add_argument("--all", action="store_true", help="Include finished translations")
        parser.add_argument(
            "--start",
            action="store_true",
            help="First open a translation for every page and snippet not yet in LANGUAGE",
        )

    def handle(self, language, directory, **options):
        if language not in dict(settings.LANGUAGES):
            raise CommandError(f"Unknown language {language!r}.")
        if options["start"]:
            created = start_translations(language)
            self.stdout.write(f"Opened {created} new translations into {language}")
        written = export_po_files(
            language, directory, only_incomplete=not options["all"], progress=self.stdout.write
        )
        self.stdout.write(self.style.SUCCESS(f"Wrote {len(written)} PO files to {directory}"))
