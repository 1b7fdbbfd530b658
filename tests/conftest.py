"""Shared fixtures. The demo site is loaded once per test session and every
test runs inside a transaction that is rolled back, so tests may change it freely.
A run made only of tests that build their own rows (``tests/rules``) skips the demo and,
on SQLite, starts from a copy of an already migrated database (``tests/template_db.py``).

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

from tests import template_db

DEMO_PASSWORD = settings.DEMO_PASSWORD  # the test settings fix it


def _uses_the_database(item):
    return "django_db_setup" in getattr(item, "fixturenames", ()) or bool(
        item.get_closest_marker("django_db")
    )


def _demo_needed(session):
    """Whether a test of this run uses the demo site: every test that uses the database
    does, but those marked ``without_demo`` (``tests/rules``) that build their own rows.
    A run with no such test loads the demo as it always has."""
    own_rows = [item.get_closest_marker("without_demo") is not None for item in session.items]
    return not any(own_rows) or any(
        _uses_the_database(item) and not marked
        for item, marked in zip(session.items, own_rows, strict=True)
    )


def _template_db(request):
    return not _demo_needed(request.session) and template_db.applies()


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings_parallel_suffix, request):
    if _template_db(request):
        template_db.use_a_copy()


@pytest.fixture(scope="session")
def django_db_keepdb(request):
    # The copy of the template is kept through setup (not rebuilt) and deleted at the end.
    return bool(request.config.getvalue("reuse_db")) or _template_db(request)


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker, request):
    if template_db.in_use():
        template_db.save_template()
        yield
        template_db.discard_the_copy()
        return
    if _demo_needed(request.session):
        with django_db_blocker.unblock():
            call_command("load_demo", stdout=StringIO())
    yield


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
