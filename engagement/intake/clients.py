"""The Open311 client the settings ask for: the city's server, the labelled demo stand-in,
or none. Kept apart from both so neither imports the other."""

from django.conf import settings

from engagement.intake.demo_open311 import demo_client
from engagement.intake.open311 import Open311Client


def client_from_settings():
    """The configured client; ``None`` when Open311 is off."""
    if settings.OPEN311_DEMO:
        return demo_client()
    if not settings.OPEN311_ENDPOINT:
        return None
    return Open311Client(
        settings.OPEN311_ENDPOINT,
        jurisdiction_id=settings.OPEN311_JURISDICTION_ID,
        api_key=settings.OPEN311_API_KEY,
        fmt=settings.OPEN311_FORMAT,
    )
