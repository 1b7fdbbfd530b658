"""Council editors edit their own council only; profile changes go through City communications.

Checked through the real admin views and through Wagtail's permission API.
"""

import datetime
import json

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command

from wagtail.documents.models import Document
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Collection, GroupPagePermission, Page, WorkflowState
from wagtail.permissions import policy_registry
from wagtail.test.utils.form_data import rich_text

import pytest

from district_councils.models import CouncilUpdatePage, DistrictCouncilPage
from district_councils.permissions import WORKFLOW_NAME
from tests.conftest import assert_admin_refused

pytestmark = pytest.mark.django_db
EDITOR_A = "council1-editor"  # Southeast Community Organization (District 1)


def user(username):
    return get_user_model().objects.get(username=username)


def draft_update(parent, title="Draft update"):
    update = CouncilUpdatePage(
        title=title,
        slug="draft-update",
        date=datetime.date(2026, 11, 1),
        summary="Not yet published.",
        live=False,
    )
    parent.add_child(instance=update)
    update.save_revision()
    return update


def edit_form(page, **changes):
    """POST data for the page edit form, as the admin would send it."""
    data = {
        "title": page.title,
        "slug": page.slug,
        "date": str(page.date),
        "summary": page.summary,
        "body-count": "0",
        "topics-count": "0",
        "comments-TOTAL_FORMS": "0",
        "comments-INITIAL_FORMS": "0",
        "comments-MIN_NUM_FORMS": "0",
        "comments-MAX_NUM_FORMS": "1000",
    }
    data.update(changes)
    return data


def test_command_is_idempotent_and_reports_progress(capture_output):
    groups = Group.objects.count()
    permissions = GroupPagePermission.objects.count()
    collections = Collection.objects.count()
    call_command("setup_council_permissions", stdout=capture_output)
    assert Group.objects.count() == groups
    assert GroupPagePermission.objects.count() == permissions
    assert Collection.objects.count() == collections
    output = capture_output.getvalue()
    assert "Checked “Southeast Community Organization editors”" in output
    assert "Council permissions ready for 17 councils." in output


def test_one_group_per_council_with_rights_on_the_council_in_every_language(council):
    for page in DistrictCouncilPage.objects.filter(locale__language_code="en"):
        group = Group.objects.get(name=f"{page.title} editors")
        pages = set(GroupPagePermission.objects.filter(group=group).values_list("page", flat=True))
        assert pages == set(
            Page.objects.filter(translation_key=page.translation_key).values_list("pk", flat=True)
        )
        codenames = set(
            GroupPagePermission.objects.filter(group=group).values_list(
                "permission__codename", flat=True
            )
        )
        assert codenames == {"add_page", "change_page", "publish_page", "lock_page", "unlock_page"}
        assert group.permissions.filter(codename="access_admin").exists()
        assert group.collection_permissions.filter(collection__name=page.title).count() == 8


def test_permission_api_allows_own_council_and_refuses_another(council):
    editor = user(EDITOR_A)
    own_update = CouncilUpdatePage.objects.child_of(council(1)).first()
    other = council(17)
    other_update = CouncilUpdatePage.objects.child_of(other).first()
    assert own_update.permissions_for_user(editor).can_edit()
    assert own_update.permissions_for_user(editor).can_publish()
    assert council(1).permissions_for_user(editor).can_edit()
    assert council(1).permissions_for_user(editor).can_add_subpage()
    for page in (other, other_update, council(17, "hmn")):
        tester = page.permissions_for_user(editor)
        assert not tester.can_edit()
        assert not tester.can_publish()
        assert not tester.can_delete()
        assert not tester.can_move()
        assert not tester.can_add_subpage()
        assert not tester.can_lock()
    communications = user("communications")
    for page in (other, other_update):
        tester = page.permissions_for_user(communications)
        assert tester.can_edit() and tester.can_publish() and tester.can_delete()


def test_editor_cannot_publish_move_or_delete_their_own_council_profile_directly(council):
    tester = council(1).permissions_for_user(user(EDITOR_A))
    assert tester.can_edit()
    assert not tester.can_publish()
    assert not tester.can_delete()
    assert not tester.can_move()
    assert tester.can_submit_for_moderation()


def test_admin_views_refuse_another_councils_pages(client_as, council):
    client = client_as(EDITOR_A)
    other = council(17)
    draft = draft_update(other)
    urls = [
        f"/admin/pages/{other.pk}/edit/",
        f"/admin/pages/{draft.pk}/edit/",
        f"/admin/pages/{draft.pk}/edit/preview/",
        f"/admin/pages/{draft.pk}/history/",
        f"/admin/pages/{draft.pk}/delete/",
        f"/admin/pages/{draft.pk}/move/",
        f"/admin/pages/{other.pk}/unpublish/",
        f"/admin/pages/add/district_councils/councilupdatepage/{other.pk}/",
    ]
    for url in urls:
        response = client.get(url)
        assert_admin_refused(response)
    # Nor can they change it by posting.
    response = client.post(
        f"/admin/pages/{draft.pk}/edit/",
        edit_form(draft, title="Hijacked", **{"action-publish": "1"}),
    )
    assert_admin_refused(response)
    draft.refresh_from_db()
    assert draft.title == "Draft update" and not draft.live
    response = client.post(f"/admin/pages/{draft.pk}/delete/")
    assert_admin_refused(response)
    assert CouncilUpdatePage.objects.filter(pk=draft.pk).exists()


def test_city_communications_can_use_the_same_views(client_as, council):
    client = client_as("communications")
    draft = draft_update(council(17))
    assert client.get(f"/admin/pages/{council(17).pk}/edit/").status_code == 200
    assert client.get(f"/admin/pages/{draft.pk}/edit/").status_code == 200
    assert client.get(f"/admin/pages/{draft.pk}/edit/preview/").status_code == 200
    assert client.get(f"/admin/pages/{draft.pk}/move/").status_code == 200
    assert client.get(f"/admin/pages/{draft.pk}/delete/").status_code == 200
    response = client.post(
        f"/admin/pages/{draft.pk}/edit/",
        edit_form(draft, title="Approved", **{"action-publish": "1"}),
    )
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.live and draft.title == "Approved"


def test_editor_publishes_an_update_directly(client_as, council):
    client = client_as(EDITOR_A)
    parent = council(1)
    response = client.post(
        f"/admin/pages/add/district_councils/councilupdatepage/{parent.pk}/",
        edit_form(
            CouncilUpdatePage(
                title="Snow plow schedule",
                slug="snow-plows",
                date=datetime.date(2026, 12, 2),
                summary="When plows come.",
            ),
            **{"action-publish": "1"},
        ),
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    update = CouncilUpdatePage.objects.child_of(parent).get(slug="snow-plows")
    assert update.live
    assert not WorkflowState.objects.filter(object_id=str(update.pk)).exists()
    assert update.get_workflow() is None
    assert client.get(update.url).status_code == 200


def test_editing_the_council_profile_starts_the_approval_workflow(client_as, council):
    client = client_as(EDITOR_A)
    page = council(1)
    edit = client.get(f"/admin/pages/{page.pk}/edit/").content.decode()
    assert 'name="action-submit"' in edit
    assert 'name="action-publish"' not in edit
    assert page.get_workflow().name == WORKFLOW_NAME
    response = client.post(
        f"/admin/pages/{page.pk}/edit/",
        {
            **profile_form(page),
            "intro": "Changed intro",
            "action-publish": "1",
        },
    )
    page.refresh_from_db()
    assert page.intro != "Changed intro"  # refused to publish directly
    response = client.post(
        f"/admin/pages/{page.pk}/edit/",
        {
            **profile_form(page),
            "intro": "Changed intro",
            "action-submit": "1",
        },
    )
    assert response.status_code == 302
    page.refresh_from_db()
    state = page.current_workflow_state
    assert state is not None and state.workflow.name == WORKFLOW_NAME
    assert state.current_task_state.task.specific.groups.filter(name="City communications").exists()
    assert page.intro != "Changed intro"  # live content unchanged until approved
    # City communications approves it, and it goes live.
    approver = client_as("communications")
    task_state = state.current_task_state
    response = approver.post(
        f"/admin/pages/{page.pk}/edit/",
        {
            **profile_form(page),
            "intro": "Changed intro",
            "action-workflow-action": "true",
            "workflow-action-name": "approve",
        },
    )
    assert response.status_code == 302
    task_state.refresh_from_db()
    page.refresh_from_db()
    assert task_state.status == "approved"
    assert page.intro == "Changed intro"


def profile_form(page):
    data = {
        "title": page.title,
        "slug": page.slug,
        "district_number": page.district_number,
        "area_name": page.area_name,
        "intro": page.intro,
        "office_address": "",
        "phone": "",
        "email": "",
        "website": page.website,
        "meetings": rich_text(page.meetings),
        "boundary": json.dumps(page.boundary),
        "comments-TOTAL_FORMS": "0",
        "comments-INITIAL_FORMS": "0",
        "comments-MIN_NUM_FORMS": "0",
        "comments-MAX_NUM_FORMS": "1000",
    }
    for name in (
        "neighborhoods",
        "body",
        "social_links",
        "people",
        "get_involved",
        "staff_languages",
    ):
        data[f"{name}-count"] = "0"
    for i, block in enumerate(page.neighborhoods):
        data.update(
            {
                "neighborhoods-count": str(i + 1),
                f"neighborhoods-{i}-type": "neighborhood",
                f"neighborhoods-{i}-value": block.value,
                f"neighborhoods-{i}-deleted": "",
                f"neighborhoods-{i}-order": str(i),
                f"neighborhoods-{i}-id": block.id,
            }
        )
    return data


def test_collections_are_per_council(client_as):
    editor = user(EDITOR_A)
    own = Collection.objects.get(name="Southeast Community Organization")
    other = Collection.objects.get(name="CapitolRiver Council")
    images = policy_registry.get_by_type(get_image_model())
    documents = policy_registry.get_by_type(Document)

    image = get_image_model().objects.create(
        title="Other council's photo", collection=other, file=get_test_image_file()
    )
    document = Document.objects.create(
        title="Other council's minutes",
        collection=other,
        file=SimpleUploadedFile("minutes.txt", b"minutes"),
    )
    assert set(images.collections_user_has_permission_for(editor, "add")) == {own}
    assert set(documents.collections_user_has_permission_for(editor, "add")) == {own}
    assert not images.user_has_permission_for_instance(editor, "change", image)
    assert not documents.user_has_permission_for_instance(editor, "change", document)
    assert images.user_has_permission_for_instance(user("communications"), "change", image)

    client = client_as(EDITOR_A)
    assert_admin_refused(client.get(f"/admin/images/{image.pk}/"))
    assert_admin_refused(client.get(f"/admin/documents/edit/{document.pk}/"))
    response = client.post(
        "/admin/images/add/",
        {
            "title": "Sneaky",
            "collection": other.pk,
            "file": SimpleUploadedFile("sneaky.png", get_test_image_file().file.getvalue()),
        },
    )
    assert not get_image_model().objects.filter(title="Sneaky", collection=other).exists()
    listing = client.get("/admin/images/").content.decode()
    assert "Other council&#x27;s photo" not in listing and "Other council's photo" not in listing
    assert client_as("communications").get(f"/admin/images/{image.pk}/").status_code == 200
    # Their form has no collection to choose: the upload is saved, in their own collection.
    assert response.status_code == 302
    assert get_image_model().objects.get(title="Sneaky").collection == own
