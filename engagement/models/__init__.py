"""Engagement's models: events (``events``, ``occurrences``), explainers (``explainers``),
service topics (``services``), the city's request data (``service_data``) and the staff
hub (``staff``).

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
from engagement.models.service_data import Open311Service, ServiceRequestRecord
from engagement.models.services import ServiceIndexPage, ServiceTopicPage
from engagement.models.staff import (
    GuidancePage,
    StaffHubPage,
    StaffListPage,
    TopTopicsPage,
    TrainingLibraryPage,
)

__all__ = [
    "EventIndexPage",
    "EventOccurrence",
    "EventPage",
    "GlossaryTerm",
    "GuidancePage",
    "OccurrenceQuerySet",
    "Open311Service",
    "ProcessIndexPage",
    "ProcessPage",
    "ProcessStepLink",
    "ServiceIndexPage",
    "ServiceRequestRecord",
    "ServiceTopicPage",
    "StaffHubPage",
    "StaffListPage",
    "TopTopicsPage",
    "TrainingLibraryPage",
]
