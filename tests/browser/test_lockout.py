"""Sign-in lockout through the production-like server (gunicorn, two worker processes):
the admin sign-in and a page's password form refuse even the right password after
``AXES_FAILURE_LIMIT`` wrong ones from this client, with a page in the visitor's language.
(The front-end sign-in's lockout page is in ``test_accessibility.py``, in every language.)
"""

import subprocess
import sys

from django.conf import settings

import pytest

from tests.browser.conftest import BROWSER_DEMO_PASSWORD, ROOT, SERVER_ENVIRONMENTS

pytestmark = pytest.mark.browser

SPANISH_LOCKOUT = "Demasiados intentos fallidos"


@pytest.fixture
def spanish_page(browser):
    context = browser.new_context(locale="es-ES", viewport={"width": 1280, "height": 900})
    yield context.new_page()
    context.close()


def submit(page, field):
    with page.expect_navigation() as navigation:
        page.press(field, "Enter")
    return navigation.value.status


def test_the_admin_sign_in_locks_out_after_the_configured_failures(site_server, spanish_page):
    page = spanish_page
    statuses = []
    for _ in range(settings.AXES_FAILURE_LIMIT):
        page.goto(f"{site_server}/admin/login/")
        page.fill("#id_username", "translator")  # an account no other browser test uses
        page.fill("#id_password", "wrong password")
        statuses.append(submit(page, "#id_password"))
    assert statuses == [200] * (settings.AXES_FAILURE_LIMIT - 1) + [429]
    assert SPANISH_LOCKOUT in page.locator("h1").inner_text()
    assert page.locator("html").get_attribute("lang") == "es"

    page.goto(f"{site_server}/admin/login/")
    page.fill("#id_username", "translator")
    page.fill("#id_password", BROWSER_DEMO_PASSWORD)
    assert submit(page, "#id_password") == 429
    assert page.goto(f"{site_server}/admin/").url.startswith(f"{site_server}/admin/login/")


def run_on_server(base_url, code):
    return subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", code],
        cwd=ROOT,
        env=SERVER_ENVIRONMENTS[base_url],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()


@pytest.fixture
def password_page(site_server):
    """A page of its own under a page password, removed afterwards."""
    run_on_server(
        site_server,
        "from wagtail.models import Page, PageViewRestriction\n"
        "about = Page.objects.get(slug='about', locale__language_code='en').specific\n"
        "page = type(about)(title='Lockout check', slug='lockout-check')\n"
        "about.add_child(instance=page)\n"
        "page.save_revision().publish()\n"
        "PageViewRestriction.objects.create(page=page, restriction_type='password',"
        " password='right-one')\n",
    )
    yield f"{site_server}/es/about/lockout-check/"
    run_on_server(
        site_server,
        "from wagtail.models import Page\n"
        "Page.objects.get(slug='lockout-check', locale__language_code='en').delete()\n",
    )


def test_a_page_password_form_locks_out_after_the_configured_failures(password_page, spanish_page):
    page = spanish_page
    statuses = []
    for _ in range(settings.AXES_FAILURE_LIMIT):
        page.goto(password_page)
        page.fill("#id_password", "wrong")
        statuses.append(submit(page, "#id_password"))
    assert statuses == [200] * (settings.AXES_FAILURE_LIMIT - 1) + [429]
    assert SPANISH_LOCKOUT in page.locator("h1").inner_text()

    page.goto(password_page)
    page.fill("#id_password", "right-one")
    assert submit(page, "#id_password") == 429
    assert "Lockout check" not in page.content()
