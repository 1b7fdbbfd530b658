"""A staff-only event reaches no one outside the group: not the events list, the month
view, the calendar feeds, the events API or the home-page teaser."""

import datetime as dt

from django.contrib.auth.models import Group
from django.utils import timezone

from wagtail.models import PageViewRestriction

import icalendar
import pytest

from cms.roles import CITY_STAFF

pytestmark = pytest.mark.django_db

TITLE = "Staff budget briefing"


def soon():
    """Sooner than any demo event, so it leads the home page's three-event teaser."""
    return timezone.now().replace(microsecond=0) + dt.timedelta(minutes=30)


@pytest.fixture
def staff_event(make_event):
    event = make_event(TITLE, start=soon())
    restriction = PageViewRestriction.objects.create(
        page=event, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.add(Group.objects.get(name=CITY_STAFF))
    return event


def calendar_summaries(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return {
        str(event["SUMMARY"])
        for event in icalendar.Calendar.from_ical(response.content).walk("VEVENT")
    }


def test_public_event_is_listed_everywhere(client, make_event):
    """The control: without the restriction the same event shows on every channel."""
    event = make_event(TITLE, start=soon())
    month = timezone.localtime(event.start).strftime("%Y-%m")
    assert TITLE in client.get("/en/events/").content.decode()
    assert TITLE in client.get(f"/en/events/month/{month}/").content.decode()
    assert TITLE in calendar_summaries(client, "/en/events/calendar.ics")
    titles = {item["event"]["title"] for item in client.get("/api/v2/events/").json()["items"]}
    assert TITLE in titles
    assert TITLE in client.get("/en/").content.decode()


@pytest.mark.parametrize("who", [None, "translator", "council1-editor"])
def test_staff_only_event_is_on_no_public_channel(client, client_as, staff_event, who):
    visitor = client_as(who) if who else client
    month = timezone.localtime(staff_event.start).strftime("%Y-%m")
    assert TITLE not in visitor.get("/en/events/").content.decode()
    assert TITLE not in visitor.get(f"/en/events/month/{month}/").content.decode()
    assert TITLE not in calendar_summaries(visitor, "/en/events/calendar.ics")
    titles = {item["event"]["title"] for item in visitor.get("/api/v2/events/").json()["items"]}
    assert TITLE not in titles
    assert TITLE not in visitor.get("/en/").content.decode()
    assert visitor.get(staff_event.url).status_code == 302
