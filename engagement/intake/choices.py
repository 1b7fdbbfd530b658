"""Fixed vocabularies of service topics, translated through the interface catalogues."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ServiceCategory(models.TextChoices):
    STREETS = "streets", _("Streets and sidewalks")
    TRASH = "trash", _("Trash and recycling")
    HOUSING = "housing", _("Housing and property")
    PARKS = "parks", _("Parks and trees")
    ANIMALS = "animals", _("Animals")
    NOISE = "noise", _("Noise and nuisances")
    GRAFFITI = "graffiti", _("Graffiti and vandalism")
    PERMITS = "permits", _("Permits and licenses")
    WATER = "water", _("Water and sewers")
    SAFETY = "safety", _("Safety and emergencies")
    OTHER = "other", _("Other requests")


class HandledBy(models.TextChoices):
    CITY = "city", _("The City of Saint Paul")
    AGENCY = "agency", _("Another agency")
    EMERGENCY = "emergency", _("Emergency services (911)")


# Words in an Open311 ``group`` that point to a category (groups are free text).
GROUP_WORDS = {
    "streets": ("street", "sidewalk", "road", "pothole", "traffic", "sign"),
    "trash": ("trash", "garbage", "recycl", "sanitation", "dump"),
    "housing": ("housing", "property", "building", "code", "vacant"),
    "parks": ("park", "tree", "forestry", "recreation"),
    "animals": ("animal", "dog", "pet"),
    "noise": ("noise", "nuisance"),
    "graffiti": ("graffiti", "vandal"),
    "permits": ("permit", "licens"),
    "water": ("water", "sewer", "drain", "hydrant"),
    "safety": ("safety", "police", "fire", "emergency"),
}


def category_for_group(group):
    """The category an Open311 ``group`` most likely belongs to (``other`` when unsure)."""
    text = (group or "").lower()
    for category, words in GROUP_WORDS.items():
        if any(word in text for word in words):
            return category
    return ServiceCategory.OTHER.value
