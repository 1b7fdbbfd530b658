"""Field helpers shared by event pages and explainers."""

from django.db import models


def code_list_field(verbose_name):
    """Comma-separated codes (topics, languages), edited as checkboxes in the admin."""
    return models.CharField(verbose_name, max_length=200, blank=True)
