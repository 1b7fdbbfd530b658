"""Counting searches, empty searches and clicks per (query, language, day). No personal data."""

import logging

from django.db import DatabaseError, IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from search.models import QueryDay, normalise_query

logger = logging.getLogger(__name__)


def _increment(query, language, **fields):
    query = normalise_query(query)
    if not query:
        return
    today = timezone.localdate()
    updates = {name: F(name) + amount for name, amount in fields.items()}
    day = QueryDay.objects.filter(query=query, language=language, date=today)
    try:
        # One UPDATE on its own is atomic: a transaction is needed only to create the row.
        if day.update(**updates):
            return
        try:
            with transaction.atomic():
                QueryDay.objects.create(query=query, language=language, date=today, **fields)
        except IntegrityError:  # another request created it first
            day.update(**updates)
    except DatabaseError:
        logger.warning("Could not log the search query", exc_info=True)


def log_search(query, language, result_count):
    _increment(query, language, searches=1, zero_results=0 if result_count else 1)


def log_click(query, language):
    _increment(query, language, clicks=1)
