"""Editorial roles and staff-only content."""

from io import StringIO

from django.contrib.auth.models import Group

from wagtail.models import GroupPagePermission

import pytest

from cms.roles import setup_roles
from tests.conftest import assert_admin_refused

pytestmark = pytest.mark.django_db


def permission_counts():
    return {
        group.name: (
            group.permissions.count(),
            GroupPagePermission.objects.filter(group=group).count(),
        )
        for group in Group.objects.all()
    }


def test_setup_roles_is_idempotent():
    before = permission_counts()
    setup_roles(stdout=StringIO())
    setup_roles(stdout=StringIO())
    assert permission_counts() == before
    assert {"City communications", "Translators", "City staff"} <= set(before)


def test_communications_can_publish_everything(django_user_model, demo_page):
    user = django_user_model.objects.get(username="communications")
    for path in ("", "about", "district-councils"):
        permissions = demo_page(path).permissions_for_user(user)
        assert permissions.can_edit() and permissions.can_publish()


def test_translators_edit_but_cannot_publish(django_user_model, demo_page):
    user = django_user_model.objects.get(username="translator")
    for language in ("es", "hmn", "so", "ksw"):
        permissions = demo_page("about", language).permissions_for_user(user)
        assert permissions.can_edit(), language
        assert not permissions.can_publish(), language
    assert not demo_page("about", "en").permissions_for_user(user).can_edit()
    assert user.has_perm("wagtail_localize.submit_translation")


def test_staff_only_guidance_needs_city_staff_login(client, client_as):
    anonymous = client.get("/en/staff/staff-guide/")
    assert anonymous.status_code == 302
    assert "/_util/login/" in anonymous["Location"]
    staff = client_as("staff").get("/en/staff/staff-guide/")
    assert staff.status_code == 200
    assert "Route every request to one place" in staff.content.decode()


def test_staff_only_guidance_not_in_sitemap_or_search(client):
    sitemap = client.get("/sitemap.xml").content.decode()
    assert "/en/about/" in sitemap
    assert "staff-guide" not in sitemap


def test_sitemap_lists_every_language_but_not_untranslated_copies(client):
    sitemap = client.get("/sitemap.xml").content.decode()
    assert "/es/about/</loc>" in sitemap
    assert "/en/about/</loc>" in sitemap
    assert "/hmn/about/</loc>" not in sitemap
    results = client.get("/en/search/?q=routing").content.decode()
    assert "Staff guide" not in results


def test_translator_admin_access_follows_language(client_as, demo_page):
    translator = client_as("translator")
    spanish = translator.get(f"/admin/pages/{demo_page('about', 'es').pk}/edit/")
    assert spanish.status_code == 200
    english = translator.get(f"/admin/pages/{demo_page('about', 'en').pk}/edit/")
    assert_admin_refused(english)


def test_communications_edits_search_synonyms(django_user_model):
    user = django_user_model.objects.get(username="communications")
    assert user.has_perms(["search.add_synonym", "search.change_synonym", "search.delete_synonym"])
