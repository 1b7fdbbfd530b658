from django.core.management.base import BaseCommand

from cms.po_files import import_po_files


class Command(BaseCommand):
    help = "Import translated PO files (from export_translations) and save the translations."

    def add_arguments(self, parser):
        parser.add_argument("directory", help="Folder with the translated PO files")
        parser.add_argument(
            "--publish", action="store_true", help="Publish the translated pages (default: draft)"
        )

    def handle(self, directory, **options):
        imported, problems = import_po_files(
            directory, publish=options["publish"], progress=self.stdout.write
        )
        for problem in problems:
            self.stderr.write(problem)
        self.stdout.write(self.style.SUCCESS(f"Imported {len(imported)} PO files"))
