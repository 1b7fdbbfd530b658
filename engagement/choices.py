"""Fixed vocabularies, translated through the interface catalogues so every language has them."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class EventStatus(models.TextChoices):
    SCHEDULED = "scheduled", _("Scheduled")
    CANCELLED = "cancelled", _("Cancelled")
    POSTPONED = "postponed", _("Postponed")
    RESCHEDULED = "rescheduled", _("Rescheduled")
    MOVED_ONLINE = "moved_online", _("Moved online")


class EventFormat(models.TextChoices):
    IN_PERSON = "in_person", _("In person")
    ONLINE = "online", _("Online")
    HYBRID = "hybrid", _("In person and online")


TOPICS = [
    ("housing", _("Housing")),
    ("land-use", _("Zoning and land use")),
    ("budget", _("City budget")),
    ("transportation", _("Streets and transportation")),
    ("parks", _("Parks and recreation")),
    ("safety", _("Community safety")),
    ("environment", _("Environment")),
    ("neighborhood", _("Neighborhood life")),
]

# Languages spoken at events and interpretation that can be offered.
LANGUAGES = [
    ("en", _("English")),
    ("es", _("Spanish")),
    ("hmn", _("Hmong")),
    ("so", _("Somali")),
    ("ksw", _("Karen")),
    ("asl", _("American Sign Language (ASL)")),
]

SCHEMA_ORG_STATUS = {
    EventStatus.SCHEDULED: "https://schema.org/EventScheduled",
    EventStatus.CANCELLED: "https://schema.org/EventCancelled",
    EventStatus.POSTPONED: "https://schema.org/EventPostponed",
    EventStatus.RESCHEDULED: "https://schema.org/EventRescheduled",
    EventStatus.MOVED_ONLINE: "https://schema.org/EventMovedOnline",
}
SCHEMA_ORG_MODE = {
    EventFormat.IN_PERSON: "https://schema.org/OfflineEventAttendanceMode",
    EventFormat.ONLINE: "https://schema.org/OnlineEventAttendanceMode",
    EventFormat.HYBRID: "https://schema.org/MixedEventAttendanceMode",
}


def labels(choices, codes):
    names = dict(choices)
    return [names[code] for code in codes if code in names]


def split_codes(value):
    return [code for code in (value or "").split(",") if code]
