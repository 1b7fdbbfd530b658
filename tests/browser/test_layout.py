"""What a keyboard user and a right-to-left reader see in a real browser."""

import pytest

from tests.browser.axe import assert_no_serious_violations

pytestmark = pytest.mark.browser


def brand_box(page):
    return page.locator(".site-header__brand").bounding_box()


def test_rtl_language_mirrors_the_layout(rtl_site_server, page):
    page.goto(f"{rtl_site_server}/en/")
    ltr_brand = brand_box(page)
    width = page.viewport_size["width"]
    assert ltr_brand["x"] < width / 2

    page.goto(f"{rtl_site_server}/ar/")
    assert page.locator("html").get_attribute("dir") == "rtl"
    rtl_brand = brand_box(page)
    # The brand sits at the inline start: the right-hand side in Arabic.
    assert rtl_brand["x"] + rtl_brand["width"] > width / 2
    assert page.locator(".content").get_attribute("dir") == "ltr"
    assert_no_serious_violations(page)


def test_skip_link_moves_keyboard_focus_to_main_content(site_server, page):
    page.goto(f"{site_server}/es/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.className")
    assert focused == "skip-link"
    assert page.locator(".skip-link").is_visible()
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"


def test_language_switcher_works_from_the_keyboard(site_server, page):
    page.goto(f"{site_server}/en/about/")
    for _ in range(30):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.getAttribute('hreflang')") == "es":
            break
    else:
        pytest.fail("The Spanish link in the language switcher never took focus")
    page.keyboard.press("Enter")
    page.wait_for_url(f"{site_server}/es/about/")
    assert page.locator("h1").inner_text() == "Acerca de este portal"


def test_untranslated_page_in_browser_marks_english_content(site_server, page):
    page.goto(f"{site_server}/ksw/about/")
    assert page.locator("html").get_attribute("lang") == "ksw"
    assert page.locator(".notice--translation").is_visible()
    assert page.locator(".content").get_attribute("lang") == "en"
