"""Who may edit and publish what for a district council (``district_councils/permissions.py``,
``district_councils/workflows.py``): what the admin lets a council's editors do.
"""

import datetime as dt
import re
from io import StringIO

from django.contrib.auth.models import Group, Permission
from django.core.management import call_command

from wagtail.models import Collection, GroupPagePermission, Page, Workflow, WorkflowPage

import pytest

from cms.roles import CITY_COMMUNICATIONS
from district_councils.models import CouncilUpdatePage, DistrictCouncilPage
from district_councils.permissions import setup_council_permissions

pytestmark = pytest.mark.django_db

PROFILE_WORKFLOW = "District council profile approval"


@pytest.fixture
def councils(roles, add_page, spanish):
    index = add_page("Councils")
    made = {
        number: add_page(
            f"District {number} council",
            parent=index,
            page=DistrictCouncilPage(district_number=number),
        )
        for number in (41, 42)
    }
    # A Spanish translation, made before the rights are set up.
    spanish_index = index.copy_for_translation(spanish, copy_parents=True)
    made["41 es"] = made[41].copy_for_translation(spanish)
    made["41 es"].title = "Consejo del Distrito 41"
    made["41 es"].save()
    assert spanish_index.pk
    return made


@pytest.fixture
def editors(councils, make_user):
    output = StringIO()
    call_command("setup_council_permissions", stdout=output)
    return {
        "output": output.getvalue(),
        41: make_user("editor41", "District 41 council editors"),
        42: make_user("editor42", "District 42 council editors"),
        "communications": make_user("comms", CITY_COMMUNICATIONS),
    }


def can(user, page):
    return Page.objects.get(pk=page.pk).specific.permissions_for_user(user)


def add_update(council, title="Road closure"):
    update = CouncilUpdatePage(
        title=title, slug=title.lower().replace(" ", "-"), date=dt.date(2027, 1, 5), summary="x"
    )
    update.locale_id = council.locale_id
    return council.add_child(instance=update)


def test_a_council_editor_edits_their_council_in_every_language_and_no_other(editors, councils):
    editor = editors[41]
    assert can(editor, councils[41]).can_edit()
    assert can(editor, councils["41 es"]).can_edit()
    assert can(editor, councils[41]).can_add_subpage()
    assert not can(editor, councils[42]).can_edit()
    assert not can(editors[42], councils[41]).can_edit()
    assert editor.has_perm("wagtailadmin.access_admin")


def test_a_council_editor_submits_the_profile_instead_of_publishing_it(editors, councils):
    editor = editors[41]
    profile = can(editor, councils[41])
    assert not profile.can_publish()
    assert not profile.can_unpublish()
    assert not profile.can_delete()
    assert not profile.can_move()
    assert Page.objects.get(pk=councils[41].pk).get_workflow().name == PROFILE_WORKFLOW
    assert Page.objects.get(pk=councils["41 es"].pk).get_workflow().name == PROFILE_WORKFLOW


def test_city_communications_and_administrators_publish_the_profile(editors, councils, make_user):
    for user in (editors["communications"], make_user("admin", is_superuser=True)):
        profile = can(user, councils[41])
        assert profile.can_publish()
        assert profile.can_unpublish()
        assert profile.can_delete()
        assert profile.can_move()


def test_a_council_editor_publishes_their_updates_directly(editors, councils):
    update = add_update(councils[41])
    rights = can(editors[41], update)
    assert rights.can_publish()
    assert rights.can_unpublish()
    assert rights.can_delete()
    assert Page.objects.get(pk=update.pk).specific.get_workflow() is None
    assert not Page.objects.get(pk=update.pk).specific.has_workflow
    assert not can(editors[42], update).can_publish()


def test_another_workflow_still_applies_to_updates(editors, councils):
    review = Workflow.objects.create(name="Legal review")
    WorkflowPage.objects.filter(page=councils[41]).update(workflow=review)
    update = Page.objects.get(pk=add_update(councils[41]).pk).specific
    assert update.get_workflow() == review
    assert update.has_workflow


def test_each_council_has_a_collection_only_its_editors_and_communications_fill(editors, councils):
    own = Collection.objects.get(name="District 41 council")
    other = Collection.objects.get(name="District 42 council")
    assert own.get_parent() == Collection.get_first_root_node()
    group = Group.objects.get(name="District 41 council editors")
    codes = set(
        group.collection_permissions.filter(collection=own).values_list(
            "permission__codename", flat=True
        )
    )
    assert codes == {
        "add_image",
        "change_image",
        "choose_image",
        "delete_image",
        "add_document",
        "change_document",
        "choose_document",
        "delete_document",
    }
    assert not group.collection_permissions.filter(collection=other).exists()


def test_the_groups_are_named_after_the_original_page(editors, councils):
    groups = Group.objects.filter(name__contains="council editors")
    names = set(groups.values_list("name", flat=True))
    assert {"District 41 council editors", "District 42 council editors"} <= names
    assert not Group.objects.filter(name__startswith="Consejo").exists()


def test_the_report_says_what_was_set_up(editors):
    lines = editors["output"].splitlines()
    assert (
        "Created “District 41 council editors”: rights on the council page in 2 language(s) "
        "and everything below it, collection “District 41 council”, workflow "
        f"“{PROFILE_WORKFLOW}”"
    ) in lines
    assert (
        "Created “District 42 council editors”: rights on the council page in 1 language(s) "
        "and everything below it, collection “District 42 council”, workflow "
        f"“{PROFILE_WORKFLOW}”"
    ) in lines
    total = int(re.fullmatch(r"Council permissions ready for (\d+) councils\.", lines[-1])[1])
    assert (
        total
        == DistrictCouncilPage.objects.filter(alias_of__isnull=True)
        .values("translation_key")
        .distinct()
        .count()
    )


def test_running_it_again_changes_nothing_and_reactivates_the_workflow(editors, councils):
    def snapshot():
        group = Group.objects.get(name="District 41 council editors")
        return (
            group.page_permissions.count(),
            group.collection_permissions.count(),
            group.permissions.count(),
            Collection.objects.filter(name="District 41 council").count(),
            Workflow.objects.filter(name=PROFILE_WORKFLOW).count(),
            Workflow.objects.get(name=PROFILE_WORKFLOW).tasks.count(),
        )

    before = snapshot()
    Workflow.objects.filter(name=PROFILE_WORKFLOW).update(active=False)
    output = StringIO()
    call_command("setup_council_permissions", stdout=output)
    assert snapshot() == before
    assert Workflow.objects.get(name=PROFILE_WORKFLOW).active
    assert "Checked “District 41 council editors”" in output.getvalue()
    setup_council_permissions()  # silent without an output


def test_the_profile_is_approved_by_city_communications(editors):
    workflow = Workflow.objects.get(name=PROFILE_WORKFLOW)
    [task] = workflow.tasks.all()
    assert task.name == "City communications approval"
    assert list(task.specific.groups.values_list("name", flat=True)) == [CITY_COMMUNICATIONS]


def test_a_deactivated_administrator_changes_nothing(editors, councils, make_user):
    former = make_user("former-admin", is_superuser=True, is_active=False)
    profile = can(former, councils[41])
    assert not profile.can_publish()
    assert not profile.can_delete()
    assert not profile.can_move()


def test_without_bulk_delete_a_council_with_updates_can_be_moved_not_deleted(
    editors, councils, make_user
):
    """Publishers of the councils section who lack Wagtail's bulk-delete right delete
    only pages with nothing below them; moving a page is not deleting what is below it."""
    publishers = Group.objects.create(name="Councils section publishers")
    index = Page.objects.get(pk=councils[41].get_parent().pk)
    for codename in ("add_page", "change_page", "publish_page"):
        GroupPagePermission.objects.create(
            group=publishers,
            page=index,
            permission=Permission.objects.get(
                content_type__app_label="wagtailcore", codename=codename
            ),
        )
    publisher = make_user("publisher", publishers)
    assert can(publisher, councils[42]).can_delete()  # nothing below it
    add_update(councils[41])
    profile = can(publisher, councils[41])
    assert not profile.can_delete()
    assert profile.can_move()
    assert profile.can_publish()
