"""Every page type, in every configured language, has no serious or critical axe violations.

Other apps add their page paths to ``PAGES`` in their own browser tests using
the same ``site_server``/``page`` fixtures and ``assert_no_serious_violations``.
"""

from django.conf import settings

import pytest

from tests.browser.axe import assert_no_serious_violations

pytestmark = pytest.mark.browser

LANGUAGES = [code for code, _name in settings.LANGUAGES]
PAGES = {
    "home": "",
    "content page": "about/",
    "content page with contacts": "services/",
    "section index": "district-councils/",
    "search results": "search/?q=council",
    "not found": "no-such-page/",
}


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("page_type", PAGES)
def test_page_has_no_serious_accessibility_violations(site_server, page, language, page_type):
    response = page.goto(f"{site_server}/{language}/{PAGES[page_type]}")
    assert response.status in (200, 404)
    assert page.locator("html").get_attribute("lang") == language
    assert_no_serious_violations(page)
