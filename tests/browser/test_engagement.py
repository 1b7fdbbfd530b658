"""Events and explainers pass axe in every language; the event filters work from the keyboard."""

from django.conf import settings

import pytest

from tests.browser.axe import assert_no_serious_violations

pytestmark = pytest.mark.browser

LANGUAGES = [code for code, _name in settings.LANGUAGES]
PAGES = {
    "events index": "events/",
    "event page": "events/budget-listening-session/",
    "council meeting": "district-councils/southeast-community-organization/board-meeting/",
    "event flyer": "events/budget-listening-session/flyer/",
    "month view": "events/month/",
    "past events": "events/past/",
    "filter error": "events/?council=99",
    "how-it-works index": "how-it-works/",
    "process page": "how-it-works/zoning-variance/",
    "content page in a process": "services/",
}
EXPECTED_STATUS = {"filter error": 400}


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("page_type", PAGES)
def test_engagement_pages_have_no_serious_violations(site_server, page, language, page_type):
    response = page.goto(f"{site_server}/{language}/{PAGES[page_type]}")
    # Every page type answers 200, except the one that shows an error page on purpose.
    assert response.status == EXPECTED_STATUS.get(page_type, 200), response.url
    assert page.locator("html").get_attribute("lang") == language
    assert_no_serious_violations(page)


def test_filters_work_with_the_keyboard(site_server, page):
    page.goto(f"{site_server}/en/events/")
    page.focus("#filter-topic")
    page.keyboard.press("End")  # last topic in the list
    selected = page.eval_on_selector("#filter-topic", "el => el.value")
    assert selected
    page.keyboard.press("Tab")  # format
    page.keyboard.press("Tab")  # language
    page.keyboard.press("Tab")  # submit button
    assert page.evaluate("document.activeElement.type") == "submit"
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert f"topic={selected}" in page.url


def test_glossary_definition_opens_with_the_keyboard(site_server, page):
    page.goto(f"{site_server}/en/how-it-works/zoning-variance/")
    summary = page.locator("details.glossary-term summary").first
    definition = page.locator("details.glossary-term p").first
    assert not definition.is_visible()
    summary.focus()
    page.keyboard.press("Enter")
    assert definition.is_visible()
