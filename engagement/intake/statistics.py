"""A district's service requests of the last 90 days by type, beside the whole city's.

Two grouped counts (the district's and the city's), whatever the number of rows; the
largest types are shown and the rest summed into one line.
"""

import datetime as dt
from dataclasses import dataclass

from django.utils import timezone

from engagement.models import ServiceRequestRecord

WINDOW_DAYS = 90
TOP_TYPES = 8


@dataclass
class TypeRow:
    name: str | None  # as the dataset names it (English); None for the other types together
    district_count: int
    city_count: int
    district_share: float  # percent of the district's requests
    city_share: float  # percent of the city's requests
    district_bar: float = 0.0  # bar lengths in percent of the longest bar
    city_bar: float = 0.0


@dataclass
class DistrictSummary:
    district: int
    since: dt.date
    until: dt.date
    district_total: int
    city_total: int
    rows: list

    def as_dict(self):
        return {
            "district": self.district,
            "from": self.since.isoformat(),
            "to": self.until.isoformat(),
            "district_total": self.district_total,
            "city_total": self.city_total,
            "types": [
                {
                    "type": row.name,
                    "district_count": row.district_count,
                    "district_share": row.district_share,
                    "city_count": row.city_count,
                    "city_share": row.city_share,
                }
                for row in self.rows
            ],
        }


def _share(count, total):
    return round(100 * count / total, 1) if total else 0.0


def district_summary(district, today=None):
    today = today or timezone.localdate()
    since = today - dt.timedelta(days=WINDOW_DAYS - 1)
    start = timezone.make_aware(dt.datetime.combine(since, dt.time()))
    recent = ServiceRequestRecord.objects.since(start)
    city = recent.counts_by_type()
    local = recent.filter(district=district).counts_by_type()
    city_total, district_total = sum(city.values()), sum(local.values())
    ranked = sorted(city, key=lambda name: (-local.get(name, 0), -city[name], name))
    rows = [
        TypeRow(
            name,
            local.get(name, 0),
            city[name],
            _share(local.get(name, 0), district_total),
            _share(city[name], city_total),
        )
        for name in ranked[:TOP_TYPES]
    ]
    rest = ranked[TOP_TYPES:]
    if rest:
        local_rest = sum(local.get(name, 0) for name in rest)
        city_rest = sum(city[name] for name in rest)
        rows.append(
            TypeRow(
                None,
                local_rest,
                city_rest,
                _share(local_rest, district_total),
                _share(city_rest, city_total),
            )
        )
    longest = max([row.district_share for row in rows] + [row.city_share for row in rows] + [1])
    for row in rows:
        row.district_bar = round(100 * row.district_share / longest, 1)
        row.city_bar = round(100 * row.city_share / longest, 1)
    return DistrictSummary(district, since, today, district_total, city_total, rows)
