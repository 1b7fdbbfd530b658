"""Every page type, in every configured language, has no serious or critical axe violations.

Other apps add their page paths to ``PAGES`` in their own browser tests using
the same ``site_server``/``page`` fixtures and ``assert_no_serious_violations``.
"""

from django.conf import settings

import pytest

from tests.browser.axe import assert_no_serious_violations
from tests.browser.conftest import BROWSER_DEMO_PASSWORD

pytestmark = pytest.mark.browser

LANGUAGES = [code for code, _name in settings.LANGUAGES]
PAGES = {
    "home": "",
    "content page": "about/",
    "content page with contacts": "services/",
    "section index": "district-councils/",
    "search results": "search/?q=council",
    "not found": "no-such-page/",
    "staff sign-in": "_util/login/?next=/staff/staff-guide/",
    "department directory": "departments/",
    "department": "departments/safety-inspections/",
    "services index with filter": "services/?q=trash",
    "service topic": "services/pothole/",
    "service topic handled elsewhere": "services/emergency/",
    "track a request": "services/track/?id=DEMO-1001",
}
EXPECTED_STATUS = {"not found": 404}
# The staff hub, read signed in as a City staff member.
STAFF_PAGES = {
    "staff hub": "staff/",
    "staff guidance": "staff/rental-repairs/",
    "staff top 10": "staff/top-10-public-works/",
    "staff list": "staff/customer-service-staff/",
    "staff training library": "staff/training-library/",
    "staff search": "staff/search/?q=landlord",
}


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("page_type", PAGES)
def test_page_has_no_serious_accessibility_violations(site_server, page, language, page_type):
    response = page.goto(f"{site_server}/{language}/{PAGES[page_type]}")
    # Every page type answers 200, except the one that shows an error page on purpose.
    assert response.status == EXPECTED_STATUS.get(page_type, 200), response.url
    assert page.locator("html").get_attribute("lang") == language
    assert_no_serious_violations(page)


@pytest.fixture
def staff_page(site_server, page):
    """The browser page, signed in as the demo City staff member."""
    page.goto(f"{site_server}/en/_util/login/")
    page.fill("#id_username", "staff")
    page.fill("#id_password", BROWSER_DEMO_PASSWORD)
    with page.expect_navigation():
        page.click("form:has(#id_password) [type=submit]")  # not the header's search button
    return page


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("page_type", STAFF_PAGES)
def test_staff_hub_page_has_no_serious_accessibility_violations(
    site_server, staff_page, language, page_type
):
    response = staff_page.goto(f"{site_server}/{language}/{STAFF_PAGES[page_type]}")
    assert response.status == 200, response.url  # not the sign-in page
    assert "/_util/login/" not in staff_page.url
    assert staff_page.locator("html").get_attribute("lang") == language
    assert_no_serious_violations(staff_page)


@pytest.mark.parametrize("language", LANGUAGES)
def test_sign_in_lockout_page_has_no_serious_accessibility_violations(site_server, page, language):
    """The page after too many wrong passwords: 429, in the visitor's language."""
    statuses = []
    for _ in range(settings.AXES_FAILURE_LIMIT):
        page.goto(f"{site_server}/{language}/_util/login/")
        page.fill("#id_username", f"nobody-{language}")  # locks out no real account
        page.fill("#id_password", "wrong password")
        # Enter in the password field sends the sign-in form (the header's search form
        # has a submit button of its own, earlier on the page).
        with page.expect_navigation() as navigation:
            page.press("#id_password", "Enter")
        statuses.append(navigation.value.status)
    assert statuses == [200] * (settings.AXES_FAILURE_LIMIT - 1) + [429]
    assert page.locator("html").get_attribute("lang") == language
    assert_no_serious_violations(page)


@pytest.mark.parametrize("language", LANGUAGES)
def test_feedback_pages_have_no_serious_accessibility_violations(site_server, page, language):
    """The feedback form (reached from a page's "Yes" button), its confirmation, and the
    translation report form, in the visitor's language."""
    page.goto(f"{site_server}/{language}/about/")
    with page.expect_navigation():
        page.click(".page-feedback button[value=yes]")
    assert "/feedback/" in page.url
    assert page.locator("html").get_attribute("lang") == language
    assert_no_serious_violations(page)
    with page.expect_navigation() as navigation:
        page.click(".feedback-form button[type=submit]")
    assert navigation.value.status == 200
    assert page.locator("html").get_attribute("lang") == language
    assert_no_serious_violations(page)
    page.goto(f"{page.url}?about=translation")
    assert_no_serious_violations(page)
