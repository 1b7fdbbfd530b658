"""Sign-in lockout: after repeated wrong passwords the right one is refused, in the
visitor's language, on the admin, the front-end sign-in and the page-password form."""

from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.test import Client

from wagtail.models import PageViewRestriction

import pytest
from axes.models import AccessAttempt

from tests.conftest import DEMO_PASSWORD

pytestmark = pytest.mark.django_db

SPANISH_LOCKOUT = "Por su seguridad"


def test_25_wrong_admin_passwords_then_the_right_one_is_refused():
    client = Client(REMOTE_ADDR="192.0.2.10", HTTP_ACCEPT_LANGUAGE="es")
    for _ in range(25):
        client.post("/admin/login/", {"username": "admin", "password": "wrong-password"})
    response = client.post("/admin/login/", {"username": "admin", "password": DEMO_PASSWORD})
    assert response.status_code == 429
    assert SPANISH_LOCKOUT in response.content.decode()
    assert int(response["Retry-After"]) > 0
    assert "_auth_user_id" not in client.session
    # The address is stored only as a pseudonym.
    stored = set(AccessAttempt.objects.values_list("ip_address", flat=True))
    assert stored and "192.0.2.10" not in stored
    # The same account from another address, and another account, still sign in.
    elsewhere = Client(REMOTE_ADDR="192.0.2.11")
    elsewhere.post("/admin/login/", {"username": "admin", "password": DEMO_PASSWORD})
    assert "_auth_user_id" in elsewhere.session


def test_the_front_end_sign_in_locks_out_in_spanish():
    client = Client(REMOTE_ADDR="192.0.2.20")
    statuses = [
        client.post("/es/_util/login/", {"username": "staff", "password": "nope"}).status_code
        for _ in range(5)
    ]
    assert statuses == [200, 200, 200, 200, 429]
    response = client.post("/es/_util/login/", {"username": "staff", "password": DEMO_PASSWORD})
    assert response.status_code == 429
    html = response.content.decode()
    assert '<html lang="es"' in html and SPANISH_LOCKOUT in html
    assert "_auth_user_id" not in client.session


def test_the_page_password_form_locks_out(demo_page):
    page = demo_page("about", "es")
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="right-one"
    )
    url = f"/es/_util/authenticate_with_password/{restriction.pk}/{page.pk}/"
    client = Client(REMOTE_ADDR="192.0.2.30")
    statuses = [
        client.post(url, {"password": "wrong", "return_url": page.url}).status_code
        for _ in range(6)
    ]
    assert statuses == [200, 200, 200, 200, 429, 429]
    response = client.post(url, {"password": "right-one", "return_url": page.url})
    assert response.status_code == 429
    assert SPANISH_LOCKOUT in response.content.decode()
    # Another visitor with the right password gets in.
    other = Client(REMOTE_ADDR="192.0.2.31")
    assert other.post(url, {"password": "right-one", "return_url": page.url}).status_code == 302


def test_the_test_clients_login_still_works(client_as):
    assert client_as("communications").get("/admin/").status_code == 200


@pytest.mark.parametrize("password", ["short", "12345678901", "password123"])
def test_weak_passwords_are_refused(password):
    with pytest.raises(ValidationError):
        validate_password(password)
