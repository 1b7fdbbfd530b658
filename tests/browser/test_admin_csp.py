"""The admin under its own Content Security Policy, enforced by Chromium: the page editor,
its preview and the page, image and document choosers opened from it load with no
violation; and a council name that looks like
markup shows as text on the map."""

import json
import subprocess
import sys

import pytest

from tests.browser.conftest import (
    BROWSER_DEMO_PASSWORD,
    ROOT,
    SERVER_ENVIRONMENTS,
)

pytestmark = pytest.mark.browser

RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(`${event.violatedDirective} ${event.blockedURI}`);
});
"""


@pytest.fixture
def enforcing_page(browser):
    """A page that enforces the site's policy (the shared ``page`` fixture bypasses it to
    inject axe-core) and records every violation, in any frame, and console errors."""
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    context.add_init_script(RECORD_VIOLATIONS)
    page = context.new_page()
    page.console_errors = []
    page.on(
        "console",
        lambda message: message.type == "error" and page.console_errors.append(message.text),
    )
    yield page
    context.close()


def violations(page):
    found = list(page.console_errors)
    for frame in page.frames:
        try:
            found += frame.evaluate("window.__cspViolations || []")
        except Exception as error:  # a frame that navigated away meanwhile
            found.append(f"unreadable frame {frame.url}: {error}")
    return found


def sign_in(page, base_url, username="communications"):
    page.goto(f"{base_url}/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", BROWSER_DEMO_PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{base_url}/admin/")


def about_page_id(page, base_url):
    response = page.request.get(f"{base_url}/api/v2/pages/?slug=about&locale=en")
    return response.json()["items"][0]["id"]


def page_id_of_type(page, base_url, page_type):
    response = page.request.get(f"{base_url}/api/v2/pages/?type={page_type}&locale=en&limit=1")
    return response.json()["items"][0]["id"]


def open_chooser(page, chooser_url, expected_heading):
    """Open the first chooser of that kind in the editor, as its button does, wait for
    the modal's results, then close it."""
    button = page.locator(f"[data-chooser-url^='{chooser_url}'] [data-chooser-action-choose]")
    button.first.wait_for(state="attached")
    button.first.dispatch_event("click")  # in the field's menu when something is chosen
    modal = page.locator(".modal").filter(has=page.locator("h1", has_text=expected_heading))
    modal.wait_for(state="visible")
    page.wait_for_load_state("networkidle")
    modal.locator("[data-dismiss=modal], [data-bs-dismiss=modal]").first.click()
    modal.wait_for(state="hidden")


CHOOSERS = {
    "cms.HomePage": [
        ("/admin/images/chooser/", "Choose an image"),
        ("/admin/choose-page/", "Choose a page"),
    ],
    "engagement.EventPage": [("/admin/documents/chooser/", "Choose a document")],
}


def test_choosers_opened_from_the_editor_run_under_the_admin_policy(site_server, enforcing_page):
    page = enforcing_page
    sign_in(page, site_server)
    for page_type, choosers in CHOOSERS.items():
        page_id = page_id_of_type(page, site_server, page_type)
        page.goto(f"{site_server}/admin/pages/{page_id}/edit/")
        page.wait_for_selector("#page-edit-form")
        for chooser_url, heading in choosers:
            open_chooser(page, chooser_url, heading)
        assert violations(page) == [], "\n".join(violations(page))


def test_page_editor_and_preview_run_under_the_admin_policy(site_server, enforcing_page):
    page = enforcing_page
    sign_in(page, site_server)
    response = page.goto(f"{site_server}/admin/pages/{about_page_id(page, site_server)}/edit/")
    policy = response.headers["content-security-policy"]
    assert "default-src 'self'" in policy and "frame-ancestors 'self'" in policy
    page.wait_for_selector("#page-edit-form")
    page.wait_for_load_state("networkidle")
    assert violations(page) == [], "\n".join(violations(page))

    # The preview panel frames the page as a visitor would see it.
    page.goto(f"{site_server}/admin/pages/{about_page_id(page, site_server)}/edit/")
    page.wait_for_selector("#page-edit-form")
    page.click('[data-side-panel-toggle="preview"]')
    # Wagtail swaps in a fresh frame once the preview is ready: look it up each time.
    heading = page.frame_locator("#w-preview-iframe").locator("h1").first
    # Attached, not visible: the frame is scaled down inside the side panel.
    heading.wait_for(state="attached")
    assert "About" in heading.text_content()
    page.wait_for_load_state("networkidle")
    assert violations(page) == [], "\n".join(violations(page))


def run_on_server(base_url, code):
    subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", code],
        cwd=ROOT,
        env=SERVER_ENVIRONMENTS[base_url],
        check=True,
        capture_output=True,
    )


def rename_council(base_url, title):
    run_on_server(
        base_url,
        "from district_councils.models import DistrictCouncilPage as P\n"
        "page = P.objects.get(district_number=1, locale__language_code='en')\n"
        f"page.title = {json.dumps(title)}\n"
        "page.save_revision().publish()\n",
    )


def test_a_council_name_that_looks_like_markup_shows_as_text(site_server, browser):
    """Checked without the policy, as in a browser that does not enforce it."""
    markup = '<img src=x onerror="window.__injected = 1">'
    original = "Southeast Community Organization"
    rename_council(site_server, markup)
    context = browser.new_context(bypass_csp=True, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    try:
        page.goto(f"{site_server}/en/district-councils/")
        page.wait_for_selector(".dc-map path.leaflet-interactive")
        shapes = page.locator(".dc-map path.leaflet-interactive")
        for index in range(shapes.count()):
            box = shapes.nth(index).bounding_box()
            page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
            tooltip = page.locator(".leaflet-tooltip")
            if tooltip.count() and tooltip.first.inner_text() == markup:
                break
        else:
            pytest.fail("No tooltip showed the council's name")
        assert page.locator(".leaflet-tooltip img").count() == 0
        assert page.evaluate("window.__injected") is None
    finally:
        context.close()
        rename_council(site_server, original)
