"""Data the city publishes about requests: its Open311 service list and the open-data rows.

Neither holds text editors write: the sync commands own these tables, so a sync never
touches a service topic's page text.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Open311Service(models.Model):
    """A service of the city's Open311 (GeoReport v2) service list, as last synced."""

    service_code = models.CharField(_("service code"), max_length=100, unique=True)
    service_name = models.CharField(_("service name"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    group = models.CharField(_("group"), max_length=200, blank=True)
    keywords = models.CharField(_("keywords"), max_length=500, blank=True)
    metadata = models.BooleanField(_("has extra questions"), default=False)
    service_type = models.CharField(_("type"), max_length=20, blank=True)
    removed = models.BooleanField(
        _("removed from the service list"),
        default=False,
        help_text=_("The city's server no longer lists it. Its topics are kept."),
    )
    last_seen = models.DateTimeField(_("last seen"), null=True, blank=True)

    class Meta:
        verbose_name = _("Open311 service")
        verbose_name_plural = _("Open311 services")
        ordering = ["service_code"]

    def __str__(self):
        return f"{self.service_code}: {self.service_name}"

    @property
    def keyword_list(self):
        return [word.strip() for word in self.keywords.split(",") if word.strip()]


class ServiceRequestQuerySet(models.QuerySet):
    def since(self, moment):
        return self.filter(requested_at__gte=moment)

    def counts_by_type(self):
        """``{type: count}`` in one query."""
        rows = self.values("request_description").annotate(count=models.Count("pk"))
        return {row["request_description"]: row["count"] for row in rows}


class ServiceRequestRecord(models.Model):
    """One row of the city's Resident Service Requests open dataset.

    Only what the dataset publishes and the charts need: when, what kind, which district
    and ward. No names, addresses or map locations are kept.
    """

    source_key = models.CharField(max_length=64, unique=True)
    requested_at = models.DateTimeField(db_index=True)
    request_type = models.CharField(max_length=200, blank=True)
    request_description = models.CharField(max_length=200, blank=True)
    district = models.PositiveSmallIntegerField(null=True, blank=True)
    ward = models.PositiveSmallIntegerField(null=True, blank=True)

    objects = ServiceRequestQuerySet.as_manager()

    class Meta:
        indexes = [models.Index(fields=["district", "requested_at"])]
        ordering = ["requested_at"]

    def __str__(self):
        return f"{self.requested_at:%Y-%m-%d} {self.request_description}"
