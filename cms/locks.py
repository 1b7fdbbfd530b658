"""One run at a time across every app server, for the commands a scheduler starts.

Each server's scheduler may start the same command at the same moment; the command takes
a named lock first and does nothing when another run holds it. On PostgreSQL the lock is a
session advisory lock (released when the run ends or its connection drops); elsewhere it
is an entry added to the shared cache (Redis), which expires if the run dies.
"""

import hashlib
import uuid
from contextlib import contextmanager

from django.core.cache import cache
from django.db import connection

CACHE_LOCK_SECONDS = 60 * 60


def _advisory_key(name):
    return int.from_bytes(hashlib.sha256(name.encode()).digest()[:8], "big", signed=True)


@contextmanager
def exclusive(name):
    """``with exclusive("name") as held:`` — ``held`` is False when another run has it."""
    if connection.vendor == "postgresql":
        key = _advisory_key(name)
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_try_advisory_lock(%s)", [key])
            held = cursor.fetchone()[0]
        try:
            yield held
        finally:
            if held:
                with connection.cursor() as cursor:
                    cursor.execute("SELECT pg_advisory_unlock(%s)", [key])
        return
    key, token = f"portal:lock:{name}", uuid.uuid4().hex
    held = cache.add(key, token, CACHE_LOCK_SECONDS)
    try:
        yield held
    finally:
        if held and cache.get(key) == token:
            cache.delete(key)
