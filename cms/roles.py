"""The portal's editorial roles, as Wagtail groups with their permissions.

Run ``manage.py setup_roles`` (``load_demo`` runs it too). It is idempotent:
it adds what is missing and never removes permissions an administrator added.
"""

from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.utils.translation import gettext_noop

from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Page

CITY_COMMUNICATIONS = gettext_noop("City communications")
TRANSLATORS = gettext_noop("Translators")
CITY_STAFF = gettext_noop("City staff")

ALL_PAGE_PERMISSIONS = [
    "add_page",
    "change_page",
    "publish_page",
    "bulk_delete_page",
    "lock_page",
    "unlock_page",
]
COLLECTION_PERMISSIONS = {
    "wagtailimages": ["add_image", "change_image", "choose_image", "delete_image"],
    "wagtaildocs": ["add_document", "change_document", "choose_document", "delete_document"],
    "wagtailcore": ["add_collection", "change_collection"],
}
CHOOSE_ONLY = {"wagtailimages": ["choose_image"], "wagtaildocs": ["choose_document"]}
SNIPPET_MODELS = ["department", "contactpoint", "navigationmenu", "footertext"]


def _permission(app_label, codename):
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def _grant_pages(group, page, codenames):
    for codename in codenames:
        GroupPagePermission.objects.get_or_create(
            group=group, page=page, permission=_permission("wagtailcore", codename)
        )


def _grant_collection(group, collection, permissions):
    for app_label, codenames in permissions.items():
        for codename in codenames:
            GroupCollectionPermission.objects.get_or_create(
                group=group,
                collection=collection,
                permission=_permission(app_label, codename),
            )


def setup_roles(stdout=None):
    root_page = Page.get_first_root_node()
    root_collection = Collection.get_first_root_node()
    access_admin = _permission("wagtailadmin", "access_admin")
    submit_translation = _permission("wagtail_localize", "submit_translation")

    communications, _created = Group.objects.get_or_create(name=CITY_COMMUNICATIONS)
    communications.permissions.add(access_admin, submit_translation)
    for model in SNIPPET_MODELS:
        for action in ("add", "change", "delete"):
            communications.permissions.add(_permission("cms", f"{action}_{model}"))
    for action in ("add", "change", "delete"):
        communications.permissions.add(_permission("search", f"{action}_synonym"))
    communications.permissions.add(
        _permission("cms", "change_sitesettings"),
        _permission("wagtailredirects", "add_redirect"),
        _permission("wagtailredirects", "change_redirect"),
        _permission("wagtailsearchpromotions", "add_query"),
        _permission("wagtailsearchpromotions", "change_query"),
    )
    _grant_pages(communications, root_page, ALL_PAGE_PERMISSIONS)
    _grant_collection(communications, root_collection, COLLECTION_PERMISSIONS)

    # Translators edit the other languages' pages to translate them; they neither
    # change the source language's pages nor publish. Run again after adding a language.
    translators, _created = Group.objects.get_or_create(name=TRANSLATORS)
    translators.permissions.add(access_admin, submit_translation)
    for model in SNIPPET_MODELS:
        translators.permissions.add(_permission("cms", f"change_{model}"))
    translators.permissions.add(_permission("search", "change_synonym"))
    for language_home in root_page.get_children().exclude(
        locale__language_code=settings.LANGUAGE_CODE
    ):
        _grant_pages(translators, language_home, ["add_page", "change_page"])
    _grant_collection(translators, root_collection, CHOOSE_ONLY)

    # City staff read staff-only guidance (pages restricted to this group).
    staff, _created = Group.objects.get_or_create(name=CITY_STAFF)

    if stdout is not None:
        stdout.write(f"Roles ready: {communications.name}, {translators.name}, {staff.name}")
    return {"communications": communications, "translators": translators, "staff": staff}
