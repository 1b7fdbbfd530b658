"""Search in a real browser: results with facets and labelled other-language results in
every language pass axe; the search box's suggestions work with the keyboard alone and
are announced to screen readers."""

import re

from django.conf import settings

import pytest
from playwright.sync_api import expect

from tests.browser.axe import assert_no_serious_violations

pytestmark = pytest.mark.browser

LANGUAGES = [code for code, _name in settings.LANGUAGES]
# A page written in another language than the visitor's: Hmong, or Somali for Hmong visitors.
OTHER_LANGUAGE_PAGE = {
    "hmn": ("qashinka", "so", "Ururinta qashinka iyo dib-u-warshadaynta"),
}
DEFAULT_OTHER = ("khib nyiab", "hmn", "Kev khaws khib nyiab thiab khoom rov siv dua")


@pytest.mark.parametrize("language", LANGUAGES)
def test_other_language_results_are_labelled_and_accessible(site_server, page, language):
    query, result_language, title = OTHER_LANGUAGE_PAGE.get(language, DEFAULT_OTHER)
    response = page.goto(f"{site_server}/{language}/search/?q={query}")
    assert response.status == 200
    result = page.locator(".search-result").first
    expect(result.locator(f'[lang="{result_language}"] h2')).to_have_text(title)
    expect(result.locator(".search-result__language")).to_be_visible()
    expect(page.locator(".search-facets a[aria-current='true']")).to_have_count(1)
    assert_no_serious_violations(page)


@pytest.mark.parametrize("language", LANGUAGES)
def test_results_with_facets_and_snippets_are_accessible(site_server, page, language):
    page.goto(f"{site_server}/{language}/search/?q=651-266-8989")
    assert_no_serious_violations(page)


def test_facet_filters_results(site_server, page):
    page.goto(f"{site_server}/en/search/?q=district")
    page.locator(".search-facets a", has_text="Document").click()
    expect(page).to_have_url(re.compile(r"type=wagtaildocs\.document"))
    expect(page.locator(".search-result h2")).to_have_text(
        ["District 7 Council board meeting agenda"]
    )
    expect(page.locator(".search-result mark").first).to_be_visible()


def test_autocomplete_works_with_the_keyboard_and_is_announced(site_server, page):
    page.goto(f"{site_server}/en/")
    box = page.locator("#site-search-q")
    expect(box).to_have_attribute("role", "combobox")
    box.click()
    box.press_sequentially("meetings", delay=50)
    options = page.locator("#site-search-q-suggestions [role=option]")
    expect(options.first).to_have_text("Meetings and events")
    expect(box).to_have_attribute("aria-expanded", "true")
    expect(page.locator(".site-search [role=status]")).to_contain_text("suggestion")
    box.press("ArrowDown")
    expect(options.first).to_have_attribute("aria-selected", "true")
    expect(box).to_have_attribute("aria-activedescendant", "site-search-q-suggestions-0")
    assert_no_serious_violations(page)
    box.press("Enter")
    expect(page).to_have_url(f"{site_server}/en/events/")


def test_autocomplete_is_debounced_and_escape_closes(site_server, page):
    requests = []
    page.on(
        "request",
        lambda request: "/search/suggest/" in request.url and requests.append(request.url),
    )
    page.goto(f"{site_server}/es/")
    box = page.locator("#site-search-q")
    box.press_sequentially("consejos", delay=20)
    expect(page.locator("#site-search-q-suggestions [role=option]").first).to_have_text(
        "Consejos de distrito"
    )
    assert len(requests) <= 2  # one request per pause in typing, not one per key
    expect(page.locator(".site-search [role=status]")).to_contain_text("sugerencia")
    box.press("Escape")
    expect(box).to_have_attribute("aria-expanded", "false")
