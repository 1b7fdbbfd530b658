"""Email each owner the pages, departments and contact points due for review.

Run daily by a scheduler. Safe on several servers: the first run of the day takes a lock in
the shared cache and the others stop (``--force`` sends again).
"""

from django.conf import settings
from django.core.cache import cache
from django.core.mail import send_mail
from django.core.management.base import BaseCommand
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import ngettext

from cms.reviews import due_by_owner

LOCK_KEY = "portal:lock:review-reminders:%s"
LOCK_SECONDS = 20 * 60 * 60


def owner_language(user):
    profile = getattr(user, "wagtail_userprofile", None)
    language = getattr(profile, "preferred_language", "") or settings.LANGUAGE_CODE
    return language if language in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE


class Command(BaseCommand):
    help = "Email each owner what is due for review."

    def add_arguments(self, parser):
        parser.add_argument("--force", action="store_true", help="Send even if sent today.")

    def handle(self, *args, force=False, **options):
        today = timezone.localdate()
        if not cache.add(LOCK_KEY % today.isoformat(), True, LOCK_SECONDS) and not force:
            self.stdout.write("Reminders were already sent today; nothing to do.")
            return
        grouped = due_by_owner(today)
        base_url = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
        for number, (owner, items) in enumerate(grouped.items(), start=1):
            with translation.override(owner_language(owner)):
                subject = ngettext(
                    "%(count)d item is due for review",
                    "%(count)d items are due for review",
                    len(items),
                ) % {"count": len(items)}
                body = render_to_string(
                    "cms/emails/review_reminder.txt",
                    {"owner": owner, "items": items, "base_url": base_url, "today": today},
                )
            send_mail(subject, body, None, [owner.email])
            self.stdout.write(f"[{number}/{len(grouped)}] {owner.username}: {len(items)} due")
        self.stdout.write(f"Sent {len(grouped)} reminder(s).")
