"""The customer-service staff list is checked once a season: which season a date falls in,
and when the next check is due (meteorological seasons: they start on the first of
December, March, June and September)."""

import datetime

from django.utils.translation import gettext_lazy as _

SEASONS = [
    (12, "winter", _("Winter")),
    (3, "spring", _("Spring")),
    (6, "summer", _("Summer")),
    (9, "fall", _("Fall")),
]
SEASON_LABELS = {key: label for _month, key, label in SEASONS}


def season_of(day):
    """The key of the season ``day`` falls in ("winter" for 15 January)."""
    for start_month, key, _label in sorted(SEASONS, reverse=True):
        if day.month >= start_month:
            return key
    return "winter"  # January and February


def next_season_start(day):
    """The first day of the season after the one ``day`` falls in."""
    for start_month, _key, _label in sorted(SEASONS):
        if day.month < start_month:
            return datetime.date(day.year, start_month, 1)
    return datetime.date(day.year + 1, 3, 1)  # December: spring of next year
