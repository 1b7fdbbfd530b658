"""Per-council editing rights and the council profile approval workflow.

``setup_council_permissions`` (management command of the same name; also run
by ``load_demo``) is idempotent. For every council it creates:

- a group "<council name> editors" with access to the admin and add, change,
  publish, lock and unlock permission on the council's page in every language
  (Wagtail page permissions cover the whole subtree: updates, and events and
  meetings once they are added below the council page);
- a collection named after the council, in which only that group (and City
  communications, through the root collection) can add, change and choose
  images and documents;
- the "District council profile approval" workflow (one task, approved by City
  communications) assigned to each council page.

Updates below a council page opt out of the workflow
(``workflows.PublishedByCouncilEditors``), so council editors publish them directly,
while the council page itself can only be published by someone who holds
publish permission above it: a council editor submits profile changes for
approval instead (``workflows.CouncilProfilePermissionTester``).
"""

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.utils.translation import gettext_noop

from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from cms.roles import CITY_COMMUNICATIONS, setup_roles
from district_councils.models import DistrictCouncilPage
from district_councils.workflows import COUNCIL_PROFILE_WORKFLOW_NAME

COUNCIL_PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"]
COUNCIL_COLLECTION_PERMISSIONS = {
    "wagtailimages": ["add_image", "change_image", "choose_image", "delete_image"],
    "wagtaildocs": ["add_document", "change_document", "choose_document", "delete_document"],
}
WORKFLOW_NAME = COUNCIL_PROFILE_WORKFLOW_NAME
TASK_NAME = gettext_noop("City communications approval")


def editors_group_name(council):
    return f"{council.title} editors"


def _permission(app_label, codename):
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def profile_workflow():
    communications = Group.objects.get(name=CITY_COMMUNICATIONS)
    task = GroupApprovalTask.objects.filter(name=TASK_NAME).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=TASK_NAME)
    task.groups.add(communications)
    workflow, _created = Workflow.objects.get_or_create(name=WORKFLOW_NAME)
    if not workflow.active:
        workflow.active = True
        workflow.save(update_fields=["active"])
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    return workflow


@transaction.atomic
def setup_council_permissions(stdout=None):
    """Create or complete every council's group, collection and workflow assignment."""
    setup_roles()
    access_admin = _permission("wagtailadmin", "access_admin")
    page_permissions = [
        _permission("wagtailcore", codename) for codename in COUNCIL_PAGE_PERMISSIONS
    ]
    collection_permissions = [
        _permission(app_label, codename)
        for app_label, codenames in COUNCIL_COLLECTION_PERMISSIONS.items()
        for codename in codenames
    ]
    workflow = profile_workflow()
    root_collection = Collection.get_first_root_node()

    # One group per council, named after the original (source-language) page.
    sources = DistrictCouncilPage.objects.filter(alias_of__isnull=True).order_by(
        "district_number", "pk"
    )
    done = set()
    results = []
    for council in sources:
        if council.translation_key in done:
            continue
        done.add(council.translation_key)
        council = (
            council.get_translations(inclusive=True)
            .filter(alias_of__isnull=True)
            .order_by("pk")
            .first()
            .specific
        )
        group, created = Group.objects.get_or_create(name=editors_group_name(council))
        group.permissions.add(access_admin)
        versions = list(Page.objects.filter(translation_key=council.translation_key))
        for page in versions:
            for permission in page_permissions:
                GroupPagePermission.objects.get_or_create(
                    group=group, page=page, permission=permission
                )
            WorkflowPage.objects.update_or_create(page=page, defaults={"workflow": workflow})
        collection = root_collection.get_children().filter(name=council.title).first()
        if collection is None:
            collection = root_collection.add_child(name=council.title)
        for permission in collection_permissions:
            GroupCollectionPermission.objects.get_or_create(
                group=group, collection=collection, permission=permission
            )
        results.append((council, group, collection))
        if stdout is not None:
            verb = "Created" if created else "Checked"
            stdout.write(
                f"{verb} “{group.name}”: rights on the council page in {len(versions)} "
                f"language(s) and everything below it, collection “{collection.name}”, "
                f"workflow “{workflow.name}”"
            )
    if stdout is not None:
        stdout.write(f"Council permissions ready for {len(results)} councils.")
    return results
