"""The city's Open311 service list into ``Open311Service`` rows and new service topics.

Editors own a topic's text: a sync never changes a topic page. It records the service
list, flags services the server stopped listing (their topics stay), re-indexes linked
topics for the list's keywords, and creates a draft topic for a service no topic names
yet, for editors to review, complete and publish.
"""

from django.utils import timezone

from wagtail.search.index import insert_or_update_object

from cms.models import SiteSettings
from engagement.intake.choices import category_for_group
from engagement.models import Open311Service, ServiceTopicPage


class NoIntake(Exception):
    """New topics need a way to ask; the site settings give none."""


def _default_intake(index):
    site = index.get_site()
    settings = SiteSettings.for_site(site) if site else None
    intake = {
        "intake_phone": settings.service_request_phone if settings else "",
        "intake_url": settings.service_request_url if settings else "",
    }
    if not any(intake.values()):
        raise NoIntake
    return intake


def _draft_topic(index, service, intake):
    topic = ServiceTopicPage(
        title=service["service_name"][:255] or service["service_code"],
        description=service["description"][:800] or service["service_name"][:800],
        category=category_for_group(service["group"]),
        synonyms=service["keywords"][:400],
        **intake,
        service_code=service["service_code"],
        live=False,
    )
    index.add_child(instance=topic)
    topic.save_revision()
    return topic


def sync_services(client, index, progress=lambda message: None):
    """Returns counts: ``services``, ``new_topics``, ``removed``."""
    services = client.services()
    now = timezone.now()
    intake = _default_intake(index)
    linked = set(
        ServiceTopicPage.objects.exclude(service_code="").values_list("service_code", flat=True)
    )
    new_topics = 0
    for number, service in enumerate(services, start=1):
        Open311Service.objects.update_or_create(
            service_code=service["service_code"],
            defaults={
                "service_name": service["service_name"][:300],
                "description": service["description"],
                "group": service["group"][:200],
                "keywords": service["keywords"][:500],
                "metadata": service["metadata"],
                "service_type": service["type"][:20],
                "removed": False,
                "last_seen": now,
            },
        )
        if service["service_code"] not in linked:
            _draft_topic(index, service, intake)
            linked.add(service["service_code"])
            new_topics += 1
        progress(f"  [{number}/{len(services)}] {service['service_code']}")
    codes = [service["service_code"] for service in services]
    removed = Open311Service.objects.exclude(service_code__in=codes).filter(removed=False)
    removed_count = removed.update(removed=True)
    for topic in ServiceTopicPage.objects.live().filter(service_code__in=codes):
        insert_or_update_object(topic)
    return {"services": len(services), "new_topics": new_topics, "removed": removed_count}
