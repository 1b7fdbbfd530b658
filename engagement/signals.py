"""Keep the occurrence table in step with event pages."""

from django.db.models.signals import post_save
from django.dispatch import receiver

from wagtail.signals import page_unpublished

from engagement.models import EventOccurrence, EventPage


@receiver(post_save, sender=EventPage)
def refresh_occurrences(sender, instance, raw=False, update_fields=None, **kwargs):
    # Saves limited to some fields (publishing metadata, unpublishing) leave the
    # schedule as it is; lists and feeds only show live events anyway.
    if raw or update_fields is not None:
        return
    instance.refresh_occurrences()


@receiver(page_unpublished)
def hide_occurrences(sender, instance, **kwargs):
    EventOccurrence.objects.filter(event_id=instance.pk).update(live=False)
