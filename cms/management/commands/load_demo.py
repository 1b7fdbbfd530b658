from django.core.management.base import BaseCommand

from cms.demo.loader import load_demo


class Command(BaseCommand):
    help = "Build (or refresh) the Saint Paul demo site. Safe to run again."

    def handle(self, *args, **options):
        accounts = load_demo(self.stdout)
        self.stdout.write(self.style.SUCCESS("Demo site ready at http://127.0.0.1:8000/"))
        self.stdout.write(
            "Admin at http://127.0.0.1:8000/admin/ — users (and the council editors above): "
            + ", ".join(accounts["usernames"])
            + f" — password: {accounts['password']}"
        )
