"""The one directory: a number changed in one place changes everywhere, staff-only lines reach
only City staff, every contact point can be reached and is reviewed on time."""

import datetime
import os
import re
import subprocess
import sys
from pathlib import Path

from django.core.exceptions import ValidationError
from django.utils import timezone

from wagtail.models import Locale

import pytest

from cms.models import ContactPoint

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parents[2]
INFO_LINE = "City information and complaint line"
STAFF_LINE = "Inspector escalation line (staff only)"


def contact_cards(html):
    """The text of the page's contact cards."""
    return " ".join(re.findall(r'<section class="contact-card".*?</section>', html, re.S))


def english(name):
    return ContactPoint.objects.get(name=name, locale=Locale.get_default())


def test_a_new_number_shows_on_every_page_and_in_every_language(client, demo_page):
    line = english(INFO_LINE)
    line.phone = "651-266-1234"
    line.save()
    for language in ("en", "es"):
        html = client.get(demo_page("services", language).url).content.decode()
        cards = contact_cards(html)
        assert "651-266-1234" in cards, language
        assert "651-266-8989" not in cards, language
        api = client.get(f"/api/v2/contacts/?locale={language}&limit=50").json()["items"]
        assert "651-266-1234" in {item["phone"] for item in api}, language
    spanish = ContactPoint.objects.get(
        translation_key=line.translation_key, locale__language_code="es"
    )
    assert spanish.phone == "651-266-1234"
    assert spanish.name == "Línea de información y quejas de la Ciudad"  # words stay translated


def test_a_new_number_is_what_search_shows(client):
    line = english(INFO_LINE)
    line.phone = "651-266-4321"
    line.save()
    html = client.get("/en/search/", {"q": "complaint line"}).content.decode()
    assert "651-266-4321" in html


@pytest.mark.parametrize("username", [None, "council1-editor", "translator"])
def test_staff_only_lines_reach_nobody_outside_city_staff(client, client_as, username):
    visitor = client_as(username) if username else client
    listing = visitor.get("/api/v2/contacts/?limit=50").json()
    assert STAFF_LINE not in {item["name"] for item in listing["items"]}
    detail = visitor.get(f"/api/v2/contacts/{english(STAFF_LINE).pk}/")
    assert detail.status_code == 404
    html = visitor.get("/en/search/", {"q": "inspector escalation"}).content.decode()
    assert "651-555-0199" not in html


@pytest.mark.parametrize("username", ["staff", "communications", "admin"])
def test_city_staff_see_staff_only_lines(client_as, username):
    visitor = client_as(username)
    listing = visitor.get("/api/v2/contacts/?limit=50").json()
    assert STAFF_LINE in {item["name"] for item in listing["items"]}
    html = visitor.get("/en/search/", {"q": "inspector escalation"}).content.decode()
    assert "651-555-0199" in html


def test_a_contact_card_of_a_staff_line_shows_only_to_staff(client, client_as, demo_page):
    page = demo_page("services")
    line = english(INFO_LINE)
    assert "651-266-8989" in contact_cards(client.get(page.url).content.decode())
    line.audience = ContactPoint.STAFF
    line.save()
    assert "651-266-8989" not in contact_cards(client.get(page.url).content.decode())
    api = client.get(f"/api/v2/pages/{page.pk}/").json()
    assert "651-266-8989" not in str(api["body"])
    staff_html = client_as("staff").get(page.url).content.decode()
    assert "651-266-8989" in contact_cards(staff_html)


def test_every_contact_point_can_be_reached_somehow():
    line = ContactPoint(name="Nobody home", locale=Locale.get_default())
    with pytest.raises(ValidationError):
        line.full_clean()
    line.email = "desk@example.org"
    line.full_clean()


def test_languages_are_codes(settings):
    line = ContactPoint(name="Desk", phone="651-555-0100", locale=Locale.get_default())
    line.languages = "en, Spanish please!"
    with pytest.raises(ValidationError) as error:
        line.full_clean()
    assert "languages" in error.value.message_dict
    line.languages = " EN,es , hmn"
    line.full_clean()
    assert line.language_codes == ["en", "es", "hmn"]


def test_a_new_contact_point_is_due_for_review_in_three_months(settings):
    settings.CONTENT_REVIEW_INTERVAL_DAYS = 91
    line = ContactPoint.objects.create(
        name="Desk", phone="651-555-0100", locale=Locale.get_default()
    )
    assert line.next_review == timezone.localdate() + datetime.timedelta(days=91)
    assert not line.review_due
    line.next_review = timezone.localdate()
    assert line.review_due


def test_upcoming_closures_are_listed_in_date_order(client):
    line = english(INFO_LINE)
    today = timezone.localdate()
    line.closures = [
        ("closure", {"date": today + datetime.timedelta(days=20), "note": "Closed: holiday"}),
        ("closure", {"date": today - datetime.timedelta(days=2), "note": "Past"}),
        ("closure", {"date": today + datetime.timedelta(days=5), "note": "Opens at noon"}),
        ("closure", {"date": today + datetime.timedelta(days=200), "note": "Far off"}),
    ]
    line.save()
    item = client.get(f"/api/v2/contacts/{line.pk}/").json()
    assert [closure["note"] for closure in item["closures"]] == ["Opens at noon", "Closed: holiday"]


def test_upgrading_keeps_every_contact_and_its_department(tmp_path):
    """Contacts written before the directory existed come through the migration whole."""
    database = tmp_path / "upgrade.sqlite3"
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{database}",
        "DJANGO_SETTINGS_MODULE": "cms.settings.test",
    }
    manage = [sys.executable, str(ROOT / "manage.py")]

    def run(*args):
        result = subprocess.run(
            [*manage, *args], env=env, cwd=ROOT, capture_output=True, text=True, timeout=600
        )
        assert result.returncode == 0, result.stderr[-3000:]
        return result.stdout

    run("migrate", "cms", "0001", "-v0")
    run(
        "shell",
        "-c",
        "from django.db import connection\n"
        "from wagtail.models import Locale\n"
        "import uuid\n"
        "locale, _ = Locale.objects.get_or_create(language_code='en')\n"
        "with connection.cursor() as cursor:\n"
        "    for name, dept, phone in [('Desk A', 'Public Works', '651-555-0001'),"
        " ('Desk B', 'Public Works', '651-555-0002'), ('Desk C', '', '651-555-0003')]:\n"
        "        cursor.execute('INSERT INTO cms_contact (translation_key, locale_id, name,"
        " department, description, phone, email, url, address, hours) VALUES"
        " (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s)',"
        " [uuid.uuid4().hex, locale.pk, name, dept, '', phone, '', '', '', ''])\n",
    )
    run("migrate", "-v0")
    out = run(
        "shell",
        "-c",
        "from cms.models import ContactPoint\n"
        "for c in ContactPoint.objects.order_by('name'):\n"
        "    print(c.name, c.phone, c.department_id, c.department_name or '-', sep='|')\n",
    )
    rows = [line.split("|") for line in out.splitlines() if "|" in line]
    assert [(name, phone, department) for name, phone, _pk, department in rows] == [
        ("Desk A", "651-555-0001", "Public Works"),
        ("Desk B", "651-555-0002", "Public Works"),
        ("Desk C", "651-555-0003", "-"),
    ]
    assert rows[0][2] == rows[1][2]  # one department, not two


def main_of(response):
    return response.content.decode().split("<main", 1)[1].split("</main>", 1)[0]


def test_the_directory_lists_departments_and_their_public_lines(client):
    response = client.get("/en/departments/")
    assert response.status_code == 200
    html = main_of(response)
    assert html.count('class="department-list__count"') == 8
    assert "Safety and Inspections" in html and "651-266-8989" in html
    assert "651-555-0199" not in html  # the staff-only escalation line


def test_the_directory_in_spanish_and_in_a_language_not_yet_translated(client):
    spanish = main_of(client.get("/es/departments/safety-inspections/"))
    assert "Seguridad e Inspecciones" in spanish
    assert "Línea de información y quejas de la Ciudad" in spanish
    somali = main_of(client.get("/so/departments/safety-inspections/"))
    assert '<div lang="en">' in somali and "Safety and Inspections" in somali


@pytest.mark.parametrize("username", [None, "council1-editor"])
def test_a_department_page_hides_staff_lines_from_the_public_and_editors(
    client, client_as, username
):
    visitor = client_as(username) if username else client
    html = main_of(visitor.get("/en/departments/safety-inspections/"))
    assert "651-266-8989" in html
    assert "Inspector escalation line" not in html and "651-555-0199" not in html


def test_city_staff_see_the_staff_lines_marked_as_such(client_as):
    html = main_of(client_as("staff").get("/en/departments/safety-inspections/"))
    assert "651-555-0199" in html
    assert "City staff only" in html


def test_an_unknown_department_is_a_404_in_the_visitors_language(client):
    response = client.get("/es/departments/no-such-department/")
    assert response.status_code == 404
    assert '<html lang="es"' in response.content.decode()
