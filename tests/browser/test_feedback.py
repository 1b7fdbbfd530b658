"""Page feedback in a real browser: answered with the keyboard alone, without JavaScript,
and the translation report reached from a translated page."""

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def test_feedback_is_sent_with_the_keyboard_and_confirmed_in_spanish(site_server, browser):
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(f"{site_server}/es/about/")
        assert (
            page.locator("#page-feedback-heading").inner_text() == "¿Le resultó útil esta página?"
        )
        page.locator(".page-feedback button[value=no]").focus()
        with page.expect_navigation():
            page.keyboard.press("Enter")
        assert page.locator("#feedback-no").is_checked()
        page.locator("#feedback-comment").focus()
        page.keyboard.type("Falta el horario de atención.")
        page.keyboard.press("Tab")  # the hidden honeypot is never reached
        expect(page.locator(".feedback-form button[type=submit]")).to_be_focused()
        with page.expect_navigation() as navigation:
            page.keyboard.press("Enter")
        assert navigation.value.status == 200
        assert page.locator("h1").inner_text() == "Gracias por sus comentarios"
        assert page.locator("p[role=status]").is_visible()
    finally:
        context.close()


def test_a_translated_page_links_to_the_translation_report(site_server, page):
    page.goto(f"{site_server}/es/about/")
    with page.expect_navigation():
        page.get_by_role("link", name="Informar de un problema con esta traducción").click()
    assert page.locator("h1").inner_text() == "Informar de un problema con esta traducción"
    page.fill("#feedback-comment", "«Consejo» debería ser «Concejo».")
    with page.expect_navigation() as navigation:
        page.click(".feedback-form button[type=submit]")
    assert navigation.value.status == 200
    assert "traducción" in page.locator("p[role=status]").inner_text()
