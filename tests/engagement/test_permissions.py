"""Council editors manage their own council's meetings only; the council page hook plugs in."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission

from wagtail.models import GroupPagePermission

import pytest

from engagement.models import EventIndexPage, EventPage
from engagement.wagtail_hooks import council_upcoming_events
from tests.conftest import assert_admin_refused
from tests.engagement.conftest import CHICAGO  # noqa: F401


@pytest.fixture
def councils(demo_page):
    return list(demo_page("district-councils").get_children().live().specific()[:2])


@pytest.fixture
def council_editor(councils):
    group = Group.objects.create(name="Council A editors")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    for codename in ("add_page", "change_page", "publish_page"):
        GroupPagePermission.objects.create(
            group=group,
            page=councils[0],
            permission=Permission.objects.get(
                content_type__app_label="wagtailcore", codename=codename
            ),
        )
    user = get_user_model().objects.create_user("council-a", password="pw")
    user.groups.add(group)
    return user


def test_events_live_under_councils_or_the_index():
    assert EventPage.can_exist_under(EventIndexPage())
    from district_councils.models import DistrictCouncilPage

    assert EventPage.can_exist_under(DistrictCouncilPage())


def test_host_council_comes_from_the_parent(councils, make_event):
    event = make_event("Land use committee", parent=councils[0])
    assert event.host_council_id == councils[0].pk
    assert event.host_name == councils[0].title
    city_event = make_event("City open house")
    assert city_event.host_council_id is None


def test_council_editor_can_cancel_own_meeting_but_not_others(client, councils, council_editor):
    own = councils[0].get_children().get(slug="board-meeting").specific
    other = councils[1].get_children().get(slug="board-meeting").specific
    assert own.permissions_for_user(council_editor).can_edit()
    assert own.permissions_for_user(council_editor).can_publish()
    assert not other.permissions_for_user(council_editor).can_edit()
    assert councils[0].permissions_for_user(council_editor).can_add_subpage()
    assert not councils[1].permissions_for_user(council_editor).can_add_subpage()
    client.force_login(council_editor)
    assert client.get(f"/admin/pages/{own.pk}/edit/").status_code == 200
    assert_admin_refused(client.get(f"/admin/pages/{other.pk}/edit/"))


def test_council_page_section_hook(rf, councils):
    section = council_upcoming_events(rf.get("/"), councils[0])
    assert section["template"] == "engagement/includes/council_upcoming_events.html"
    (link,) = section["alternate_links"]
    assert link["type"] == "text/calendar"
    assert link["href"] == f"/en/events/calendar/council/{councils[0].district_number}.ics"
    assert section["occurrences"]
    assert {occ.host_council_id for occ in section["occurrences"]} == {councils[0].pk}
    from django.template.loader import render_to_string

    html = render_to_string(section["template"], {"section": section})
    assert "board meeting" in html and link["href"] in html
