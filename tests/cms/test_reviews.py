"""Review dates that someone acts on: the report, the dashboard panel and the reminder email
list the same overdue items, and each owner hears only of their own."""

import csv
import datetime
import io

from django.contrib.auth import get_user_model
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from wagtail.models import Locale

import pytest

from cms.models import ContactPoint, Department

pytestmark = pytest.mark.django_db


@pytest.fixture
def owner(db):
    user = get_user_model().objects.create_user("owner-a", "owner-a@example.org", "x")
    other = get_user_model().objects.create_user("owner-b", "owner-b@example.org", "x")
    locale = Locale.get_default()
    department = Department.objects.create(
        name="Water Desk", slug="water-desk", locale=locale, owner=other
    )
    today = timezone.localdate()
    ContactPoint.objects.create(
        name="Hydrant hotline",
        phone="651-555-0170",
        locale=locale,
        owner=user,
        department=department,
        next_review=today - datetime.timedelta(days=3),
    )
    ContactPoint.objects.create(
        name="Meter questions",
        phone="651-555-0171",
        locale=locale,
        owner=user,
        next_review=today + datetime.timedelta(days=30),
    )
    return user


def test_the_reminder_names_each_owners_due_items_and_nothing_else(owner, capture_output):
    call_command("send_review_reminders", "--force", stdout=capture_output)
    to_owner = [message for message in mail.outbox if message.to == ["owner-a@example.org"]]
    assert len(to_owner) == 1
    body = to_owner[0].body
    assert "Hydrant hotline" in body
    assert "Meter questions" not in body  # not due for a month
    assert "/admin/snippets/cms/contactpoint/edit/" in body
    # The demo owner of City Council pages hears about the overdue About page, not ours.
    others = [message for message in mail.outbox if message.to != ["owner-a@example.org"]]
    assert all("Hydrant hotline" not in message.body for message in others)
    assert "reminder" in capture_output.getvalue()


def test_reminders_go_once_a_day_even_from_two_servers(owner, capture_output):
    call_command("send_review_reminders", "--force", stdout=capture_output)
    sent = len(mail.outbox)
    call_command("send_review_reminders", stdout=capture_output)  # the second server
    assert len(mail.outbox) == sent
    assert "already sent today" in capture_output.getvalue()


def test_the_report_lists_overdue_items_and_filters_by_owner(owner, client_as):
    admin = client_as("admin")
    html = admin.get("/admin/reports/due-for-review/").content.decode()
    assert "Hydrant hotline" in html
    assert "About this portal" in html  # an overdue demo page (reviewed 120 days ago)
    mine = admin.get("/admin/reports/due-for-review/", {"owner": owner.pk}).content.decode()
    assert "Hydrant hotline" in mine and "About this portal" not in mine
    spanish = admin.get("/admin/reports/due-for-review/", {"language": "es"}).content.decode()
    assert "Hydrant hotline" not in spanish


def test_the_report_exports_csv(owner, client_as):
    response = client_as("admin").get(
        "/admin/reports/due-for-review/", {"owner": owner.pk, "export": "csv"}
    )
    text = b"".join(response.streaming_content).decode()
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0] == ["Title", "Type", "Language", "Owner", "Due"]
    assert rows[1][:4] == ["Hydrant hotline", "contact point", "en", "owner-a"]


def test_the_dashboard_lists_what_the_editor_owns(owner, client):
    owner.is_superuser = True
    owner.save()
    client.force_login(owner)
    html = client.get("/admin/").content.decode()
    assert "1 item you own is due for review" in html
    assert "Hydrant hotline" in html and "Meter questions" not in html
