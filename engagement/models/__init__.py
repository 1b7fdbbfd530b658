"""Engagement's models: events (``events``, ``occurrences``) and explainers (``explainers``).

Everything is re-exported here, so ``from engagement.models import EventPage`` works.
"""

from engagement.models.events import EventIndexPage, EventPage
from engagement.models.explainers import (
    GlossaryTerm,
    ProcessIndexPage,
    ProcessPage,
    ProcessStepLink,
)
from engagement.models.occurrences import EventOccurrence, OccurrenceQuerySet

__all__ = [
    "EventIndexPage",
    "EventOccurrence",
    "EventPage",
    "GlossaryTerm",
    "OccurrenceQuerySet",
    "ProcessIndexPage",
    "ProcessPage",
    "ProcessStepLink",
]
