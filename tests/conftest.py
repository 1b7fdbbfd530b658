"""Shared fixtures. The demo site is loaded once per test session and every
test runs inside a transaction that is rolled back, so tests may change it freely.

Do not use ``transactional_db`` or ``live_server``: they flush the database and
the demo site with it. Browser tests run against their own server (tests/browser).
"""

from io import StringIO

from django.conf import settings
from django.core.management import call_command
from django.test import Client
from django.utils import translation

from wagtail.models import Locale, Page

import pytest

DEMO_PASSWORD = settings.DEMO_PASSWORD  # the test settings fix it


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        call_command("load_demo", stdout=StringIO())


@pytest.fixture(autouse=True)
def _fresh_visibility():
    """Each test's rolled-back pages and restrictions leave no cached sections or collection
    restrictions behind."""
    from cms import visibility

    visibility.invalidate()
    visibility.invalidate_collections()
    yield
    visibility.invalidate()
    visibility.invalidate_collections()


@pytest.fixture(autouse=True)
def _reset_language():
    yield
    translation.activate("en")


@pytest.fixture
def locales(db):
    return {locale.language_code: locale for locale in Locale.objects.all()}


@pytest.fixture
def demo_page(db):
    """``demo_page("about", "es")``: the demo page at that path in that language."""

    def get(path, language="en"):
        locale = Locale.objects.get(language_code=language)
        home = Page.objects.get(depth=2, locale=locale)
        if not path.strip("/"):
            return home.specific
        return home.get_descendants().get(url_path=f"{home.url_path}{path.strip('/')}/").specific

    return get


@pytest.fixture
def client_as(db):
    """``client_as("communications")``: a client logged in as a demo user."""

    def login(username):
        client = Client()
        assert client.login(username=username, password=DEMO_PASSWORD)
        return client

    return login


@pytest.fixture
def capture_output():
    return StringIO()


def assert_admin_refused(response):
    """A signed-in editor refused by a permission check inside an admin view.

    Wagtail answers the view's ``PermissionDenied`` by sending them back to the dashboard
    with "Sorry, you do not have permission to access this area." People without admin
    access never reach the view: they are sent to the login page instead, so they are no
    test of the view's own check.
    """
    assert response.status_code == 302, response.status_code
    assert response["Location"] == "/admin/", response["Location"]
