"""District council pages in a real browser: axe in every language, keyboard-only finder,
the map, and the JavaScript-off fallback."""

import re

from django.conf import settings

import pytest

from tests.browser.axe import assert_no_serious_violations

pytestmark = pytest.mark.browser

LANGUAGES = [code for code, _name in settings.LANGUAGES]
PAGES = {
    "council index": "district-councils/",
    "council index with a result": "district-councils/?lat=44.9443&lon=-93.0934",
    "council index with bad input": "district-councils/?lat=abc&lon=1",
    "council page": "district-councils/capitolriver-council/",
    "council update": "district-councils/southeast-community-organization/demo-board-election/",
}
EXPECTED_STATUS = {"council index with bad input": 400}


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("page_type", PAGES)
def test_council_pages_have_no_serious_accessibility_violations(
    site_server, page, language, page_type
):
    response = page.goto(f"{site_server}/{language}/{PAGES[page_type]}")
    # Every page type answers 200, except the one that shows an error page on purpose.
    assert response.status == EXPECTED_STATUS.get(page_type, 200), response.url
    assert page.locator("html").get_attribute("lang") == language
    assert_no_serious_violations(page)


def test_map_draws_every_boundary_without_tiles_or_external_requests(site_server, page):
    external = []
    page.on(
        "request",
        lambda request: (
            None
            if request.url.startswith(site_server) or request.url.startswith("data:")
            else external.append(request.url)
        ),
    )
    page.goto(f"{site_server}/en/district-councils/")
    page.wait_for_selector(".dc-map path.leaflet-interactive")
    assert page.locator(".dc-map path.leaflet-interactive").count() == 17
    assert page.locator(".dc-map .leaflet-tile").count() == 0
    assert external == []


def test_clicking_the_map_finds_the_council_for_that_place(site_server, page):
    page.goto(f"{site_server}/en/district-councils/")
    page.wait_for_selector(".dc-map path.leaflet-interactive")
    box = page.locator(".dc-map").bounding_box()
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.wait_for_url(re.compile(r".*\?lat=.*&lon=.*#find-result"))
    result = page.locator("#find-result")
    assert "District" in result.inner_text()
    assert page.evaluate("document.activeElement.id") == "find-result"


def test_neighborhood_autocomplete_works_with_the_keyboard_only(site_server, page):
    page.goto(f"{site_server}/en/district-councils/")
    field = page.locator("#neighborhood")
    field.focus()
    assert field.get_attribute("role") == "combobox"
    assert field.get_attribute("aria-expanded") == "false"
    page.keyboard.type("frog")
    listbox = page.locator("#neighborhood-listbox")
    assert listbox.is_visible()
    assert field.get_attribute("aria-expanded") == "true"
    status = page.locator("[data-combobox-status]").first
    assert status.inner_text().startswith("Neighborhoods found: 1.")
    page.keyboard.press("ArrowDown")
    active = field.get_attribute("aria-activedescendant")
    option = page.locator(f"#{active}")
    assert option.get_attribute("aria-selected") == "true"
    assert "Frogtown" in option.inner_text()
    page.keyboard.press("Enter")
    page.wait_for_url(f"{site_server}/en/district-councils/frogtown-neighborhood-association/")
    assert page.locator("h1").inner_text() == "Frogtown Neighborhood Association"


def test_autocomplete_announces_no_match_and_escape_closes(site_server, page):
    page.goto(f"{site_server}/so/district-councils/")
    field = page.locator("#neighborhood")
    field.focus()
    page.keyboard.type("zzz")
    status = page.locator("[data-combobox-status]").first
    assert status.inner_text() == "Xaafad ku habboon ma jirto."
    page.keyboard.press("Backspace")
    page.keyboard.press("Backspace")
    page.keyboard.press("Backspace")
    page.keyboard.type("high")
    assert field.get_attribute("aria-expanded") == "true"
    page.keyboard.press("Escape")
    assert field.get_attribute("aria-expanded") == "false"
    assert not page.locator("#neighborhood-listbox").is_visible()


def test_home_page_teaser_autocomplete(site_server, page):
    page.goto(f"{site_server}/hmn/")
    field = page.locator("#home-neighborhood")
    field.focus()
    page.keyboard.type("como")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r".*/hmn/district-councils/district-10-como-community-council/"))


def test_without_javascript_the_finder_and_list_still_work(site_server, browser):
    context = browser.new_context(java_script_enabled=False, bypass_csp=True)
    page = context.new_page()
    try:
        page.goto(f"{site_server}/es/district-councils/")
        assert page.locator(".dc-council-list__item").count() == 17
        assert page.locator("#neighborhood").get_attribute("role") is None
        assert not page.locator("[data-geolocate]").first.is_visible()
        page.locator("#neighborhood").fill("Centro de Saint Paul")
        page.locator("#neighborhood").press("Enter")
        page.wait_for_url(re.compile(r".*neighborhood=Centro.*"))
        assert "CapitolRiver Council" in page.locator("#find-result").inner_text()
    finally:
        context.close()


def test_map_and_finder_work_under_the_sites_strict_csp(site_server, browser):
    context = browser.new_context(bypass_csp=False)
    page = context.new_page()
    problems = []
    # CSP violations and script errors are reported as console errors; failed loads
    # are checked by URL instead (the browser asks for /favicon.ico on its own).
    page.on(
        "console",
        lambda message: (
            problems.append(message.text)
            if message.type == "error" and "Failed to load resource" not in message.text
            else None
        ),
    )
    page.on("pageerror", lambda error: problems.append(str(error)))
    page.on(
        "response",
        lambda response: (
            problems.append(f"{response.status} {response.url}")
            if response.status >= 400 and not response.url.endswith("/favicon.ico")
            else None
        ),
    )
    try:
        page.goto(f"{site_server}/en/district-councils/capitolriver-council/")
        page.wait_for_selector(".dc-map path.leaflet-interactive")
        page.goto(f"{site_server}/en/district-councils/")
        page.wait_for_selector(".dc-map path.leaflet-interactive")
        page.locator("#neighborhood").focus()
        page.keyboard.type("summit")
        assert page.locator("#neighborhood-listbox [role=option]").count() == 2
        assert problems == []
    finally:
        context.close()
