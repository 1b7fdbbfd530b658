"""The services list filters as you type, announces the count, and is a plain list without
JavaScript."""

import pytest

pytestmark = pytest.mark.browser


def test_filter_as_you_type_hides_other_topics_and_announces_the_count(site_server, page):
    page.goto(f"{site_server}/es/services/")
    topics = page.locator("li[data-terms]")
    total = topics.count()
    assert total >= 20
    page.fill("#service-filter-q", "baches")  # "bache" alone also names the highway topic
    status = page.locator(".service-filter__count")
    status.filter(has_text="Temas mostrados: 1").wait_for()
    assert status.get_attribute("role") == "status"
    visible = page.locator("li[data-terms]:visible")
    assert visible.count() == 1
    assert visible.locator("a").get_attribute("href") == "/es/services/pothole/"
    # Categories with nothing left are hidden with their heading.
    assert page.locator("#service-category-trash").is_hidden()
    page.fill("#service-filter-q", "")
    status.filter(has_text=f"Temas mostrados: {total}").wait_for()
    assert page.locator("li[data-terms]:visible").count() == total


def test_without_javascript_the_form_filters_on_the_server(site_server, browser):
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(f"{site_server}/en/services/")
        page.fill("#service-filter-q", "graffiti")
        page.click(".service-filter button[type=submit]")
        page.wait_for_url("**/services/?q=graffiti")
        assert page.locator("li[data-terms]").count() == 1
        assert "1 topic matches “graffiti”." in page.locator(".service-filter__count").inner_text()
    finally:
        context.close()
