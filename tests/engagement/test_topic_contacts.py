"""Service topics read their phone, email and counter from the directory: one number, one place."""

from django.core.exceptions import ValidationError

import pytest

from cms.models import ContactPoint
from engagement.models import ServiceTopicPage

pytestmark = pytest.mark.django_db

OLD = "651-266-8989"
NEW = "651-555-0199"


def _city_line():
    return ContactPoint.objects.get(locale__language_code="en", phone=OLD, audience="public")


def test_changing_the_line_in_the_directory_changes_every_topic_and_channel(client):
    line = _city_line()
    line.phone = NEW
    line.save()  # the translations keep the same phone (shared details)

    for language in ("en", "es", "hmn"):
        html = client.get(f"/{language}/services/pothole/").content.decode()
        assert 'href="tel:6515550199"' in html, language
        assert OLD not in html, language
    topic = ServiceTopicPage.objects.get(slug="pothole", locale__language_code="en")
    detail = client.get(f"/api/v2/pages/{topic.pk}/").json()
    assert detail["intake_phone"] == NEW
    assert detail["contact_point"] == line.pk
    items = client.get("/api/v2/service-topics/", {"locale": "es"}).json()["items"]
    pothole = next(item for item in items if item["title"] == "Baches o reparación de calles")
    assert pothole["intake"]["phone"] == NEW
    contacts = client.get("/api/v2/contacts/", {"limit": 100}).json()["items"]
    assert {contact["phone"] for contact in contacts if contact["id"] == line.pk} == {NEW}


def test_the_topic_shows_the_counter_and_email_of_its_contact_point(client):
    line = _city_line()
    html = client.get("/en/services/pothole/").content.decode()
    assert line.email in html
    assert "25 West 4th Street" in html
    assert "an interpreter is available by phone" in html


def test_a_topic_never_shows_a_staff_only_line():
    line = _city_line()
    topic = ServiceTopicPage.objects.get(slug="pothole", locale__language_code="en")
    line.audience = ContactPoint.STAFF
    line.save()
    topic.refresh_from_db()
    assert topic.intake.phone == ""  # not the staff line, nor a stale copy
    with pytest.raises(ValidationError) as refused:
        topic.full_clean()
    assert "staff-only" in str(refused.value)


def test_a_staff_only_line_disappears_from_the_public_topic_page(client):
    line = _city_line()
    line.audience = ContactPoint.STAFF
    line.save()
    html = client.get("/en/services/pothole/").content.decode()
    assert OLD not in html
