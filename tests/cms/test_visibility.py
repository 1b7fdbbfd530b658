"""The one visibility rule: a page restricted after its translations exist is private in
every language, on every channel the base layer serves (page URL, pages API, menus, footer,
redirects), for anonymous visitors and for signed-in editors outside the group."""

from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import translation

from wagtail.contrib.redirects.models import Redirect
from wagtail.models import PageViewRestriction

import pytest

from cms.models import ContentPage, FooterText
from cms.roles import CITY_STAFF

pytestmark = pytest.mark.django_db


@pytest.fixture
def private_about(demo_page):
    """The English About page made staff-only after its Spanish translation exists."""
    english, spanish = demo_page("about", "en"), demo_page("about", "es")
    assert spanish.translation_key == english.translation_key
    assert not spanish.alias_of_id  # a real translation, made before the restriction
    # Written past the signals that copy a restriction to the translations (as restrictions
    # made before the copies existed): only the query-time rule guards the Spanish page.
    (restriction,) = PageViewRestriction.objects.bulk_create(
        [PageViewRestriction(page=english, restriction_type=PageViewRestriction.GROUPS)]
    )
    PageViewRestriction.groups.through.objects.bulk_create(
        [
            PageViewRestriction.groups.through(
                pageviewrestriction=restriction, group=Group.objects.get(name=CITY_STAFF)
            )
        ]
    )
    assert not PageViewRestriction.objects.filter(page=spanish).exists()
    return english, spanish


def menu_hrefs(html):
    start = html.index('class="main-nav"')
    return html[start : html.index("</nav>", start)]


@pytest.mark.parametrize("who", [None, "translator"])
def test_the_translation_page_url_asks_for_a_sign_in(client, client_as, private_about, who):
    _english, spanish = private_about
    visitor = client_as(who) if who else client
    response = visitor.get(spanish.url)
    assert response.status_code == 302
    login = reverse("wagtailcore_login")  # the front-end sign-in page
    assert response["Location"].startswith(f"{login}?next=")
    assert spanish.title not in response.content.decode()


def test_city_staff_read_the_translation(client_as, private_about):
    _english, spanish = private_about
    response = client_as("staff").get(spanish.url)
    assert response.status_code == 200
    assert spanish.title in response.content.decode()


def test_pages_api_hides_every_language_version(client, private_about):
    english, spanish = private_about
    for page in (english, spanish):
        assert client.get(f"/api/v2/pages/{page.pk}/").status_code == 404
    listed = client.get("/api/v2/pages/?locale=es&limit=100").json()["items"]
    assert spanish.pk not in {item["id"] for item in listed}
    found = client.get("/api/v2/pages/find/?html_path=/es/about/")
    assert found.status_code == 404


def test_menus_leave_the_private_page_out_for_the_public(client, client_as, private_about):
    _english, spanish = private_about
    assert spanish.url in menu_hrefs(client_as("staff").get("/es/").content.decode())
    for visitor in (client, client_as("translator")):
        assert spanish.url not in menu_hrefs(visitor.get("/es/").content.decode())
    items = client.get("/api/v2/navigation/?locale=es").json()["items"]
    assert items, "the menu still has its other links"
    assert spanish.pk not in {item["value"]["page"] for item in items}
    assert spanish.url not in {item["value"]["url"] for item in items}


def test_footer_links_follow_the_same_rule(client, private_about):
    english, spanish = private_about
    with translation.override("es"):
        footer = FooterText.for_active_locale()  # the Spanish footer, else the English one
    footer.links = [("link", {"label": "", "page": spanish, "url": ""})]
    footer.save()
    assert client.get("/api/v2/footer/?locale=es").json()["links"] == []
    html = client.get("/es/").content.decode()
    footer_html = html[html.index('class="site-footer"') :]
    assert spanish.url not in footer_html


def test_redirects_into_a_private_section_are_not_listed(client, private_about):
    _english, spanish = private_about
    Redirect.objects.create(old_path="/old-about", redirect_page=spanish)
    Redirect.objects.create(old_path="/old-news", redirect_link="https://www.stpaul.gov/")
    old_paths = {item["old_path"] for item in client.get("/api/v2/redirects/").json()["items"]}
    assert "/old-news" in old_paths
    assert "/old-about" not in old_paths


def test_a_translation_made_after_the_restriction_is_private_too(client, demo_page, locales):
    """A new copy of a restricted page, made while the sections are cached and carrying no
    restriction of its own, is private at once."""
    english = demo_page("about", "en")
    PageViewRestriction.objects.create(page=english, restriction_type=PageViewRestriction.LOGIN)
    demo_page("about", "so").delete()
    somali_home = demo_page("", "so")
    # Another page takes the freed tree path, so only the translation key can tell.
    somali_home.add_child(instance=ContentPage(title="Wararka", slug="wararka"))
    assert client.get("/api/v2/pages/?locale=so").status_code == 200  # sections now cached
    copy = ContentPage(
        title="Ku saabsan",
        slug="ku-saabsan",
        locale=locales["so"],
        translation_key=english.translation_key,
    )
    somali_home.add_child(instance=copy)
    copy.save_revision().publish()
    assert not PageViewRestriction.objects.filter(page=copy).exists()
    assert client.get(f"/api/v2/pages/{copy.pk}/").status_code == 404
    assert client.get(copy.url).status_code == 302
