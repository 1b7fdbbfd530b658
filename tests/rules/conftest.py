"""Tests of the rule modules that build the few rows they need instead of using the demo.

A run made only of these tests skips the demo site and starts from a copy of a migrated
SQLite database (``tests/conftest.py``, ``tests/template_db.py``): about a second per
session, which is what lets mutation testing (``make mutation``) run them once per
mutant. In a full run the demo is there too, so these tests only look at their own rows.
"""

from pathlib import Path

from django.contrib.auth.models import Group, User
from django.test import Client

from wagtail.models import Locale, Page, Site

import pytest

from cms.roles import setup_roles

HERE = Path(__file__).parent


def pytest_collection_modifyitems(items):
    for item in items:
        if item.path.is_relative_to(HERE):
            item.add_marker(pytest.mark.without_demo)


@pytest.fixture
def roles(db):
    """The editorial groups, as ``setup_roles`` gives them."""
    return setup_roles()


@pytest.fixture
def site_root(db):
    """The page the default site serves: where these tests add their pages."""
    return Site.objects.get(is_default_site=True).root_page.specific


@pytest.fixture
def spanish(db):
    return Locale.objects.get_or_create(language_code="es")[0]


@pytest.fixture
def top(site_root):
    """This test's own section below the site root, so a full run's demo pages never mix in."""
    return site_root.add_child(instance=Page(title="Rules", slug="rules-section"))


@pytest.fixture
def add_page(top):
    """``add_page(title, parent=None, page=None)``: a live page (``Page`` unless one is
    given) below ``parent`` or the test's section."""

    def add(title, parent=None, page=None):
        page = page or Page()
        page.title = title
        page.slug = page.slug or title.lower().replace(" ", "-")
        parent = parent or top
        page.locale_id = page.locale_id or parent.locale_id  # as the admin's create view does
        return parent.add_child(instance=page)

    return add


@pytest.fixture
def translate(top, spanish):
    """``translate(page)``: a live Spanish translation (same translation key) of a page of
    the test's section, placed in the Spanish copy of the section."""
    copies = {}

    def copy(page):
        parent = page.get_parent()
        spanish_parent = copies.get(parent.pk) or (
            copy(parent) if parent.pk != top.pk else top.get_parent()
        )
        translation = spanish_parent.add_child(
            instance=Page(
                title=f"{page.title} (es)",
                slug=page.slug,
                locale=spanish,
                translation_key=page.translation_key,
            )
        )
        copies[page.pk] = translation
        return translation

    return copy


@pytest.fixture
def make_user(db):
    """``make_user(name, *groups, **fields)``: an active user in those groups."""

    def make(name, *groups, **fields):
        user = User.objects.create_user(f"rules-{name}", password="x", **fields)
        for group in groups:
            user.groups.add(group if isinstance(group, Group) else Group.objects.get(name=group))
        return user

    return make


@pytest.fixture
def client_for():
    """``client_for(user)``: a client signed in as ``user``."""

    def make(user):
        client = Client()
        client.force_login(user)
        return client

    return make
