"""Events and district councils together: council pages list their meetings, and council
editors run their own council's events without approval and cannot touch another's."""

import pytest

from district_councils.models import DistrictCouncilPage
from district_councils.workflows import COUNCIL_PROFILE_WORKFLOW_NAME
from tests.conftest import assert_admin_refused

pytestmark = pytest.mark.django_db


def council(number, language="en"):
    return DistrictCouncilPage.objects.get(district_number=number, locale__language_code=language)


def test_council_page_lists_its_meetings_and_advertises_its_calendar(client):
    page = council(1)
    content = client.get(page.url).content.decode()
    feed = "/en/events/calendar/council/1.ics"
    assert f'<link rel="alternate" type="text/calendar" href="{feed}"' in content
    assert "Southeast Community Organization board meeting" in content
    assert client.get(feed).status_code == 200


def test_council_meetings_publish_without_the_profile_workflow():
    page = council(1)
    meeting = page.get_children().get(slug="board-meeting").specific
    assert page.get_workflow().name == COUNCIL_PROFILE_WORKFLOW_NAME
    assert meeting.get_workflow() is None
    assert not meeting.has_workflow


def test_council_editor_adds_events_to_own_council_only(client_as):
    editor = client_as("council1-editor")
    own = editor.get(f"/admin/pages/add/engagement/eventpage/{council(1).pk}/")
    assert own.status_code == 200
    other = editor.get(f"/admin/pages/add/engagement/eventpage/{council(17).pk}/")
    assert_admin_refused(other)


def test_council_editor_cannot_edit_other_councils_meetings(client_as):
    editor = client_as("council1-editor")
    own = council(1).get_children().get(slug="board-meeting")
    other = council(17).get_children().get(slug="board-meeting")
    assert editor.get(f"/admin/pages/{own.pk}/edit/").status_code == 200
    assert_admin_refused(editor.get(f"/admin/pages/{other.pk}/edit/"))
