"""Which backend answers: the engine when it is configured, the database index when it is down."""

import logging

from django.conf import settings

from wagtail.search.backends import get_search_backend

from opensearchpy.exceptions import OpenSearchException

logger = logging.getLogger(__name__)

DATABASE_BACKEND = "database"
# What a down, unreachable or slow engine raises.
ENGINE_ERRORS = (OSError, TimeoutError, OpenSearchException)


def engine_configured():
    return DATABASE_BACKEND in settings.WAGTAILSEARCH_BACKENDS


def is_database(backend):
    """True for the database index, which has no stemming of its own."""
    return not hasattr(backend, "es")


def with_fallback(run):
    """Run ``run(backend)`` on the default backend; on an engine failure, on the database.

    Returns (result, backend name, fell back).
    """
    if engine_configured():
        try:
            return run(get_search_backend("default")), "engine", False
        except ENGINE_ERRORS as error:
            logger.warning(
                "Search engine unavailable (%s: %s); answering from the database index",
                type(error).__name__,
                error,
            )
            return run(get_search_backend(DATABASE_BACKEND)), "database", True
    return run(get_search_backend("default")), "database", False
