"""A district's requests of the last 90 days by type beside the city's: council page and API."""

import datetime as dt

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

import pytest

from engagement.models import ServiceRequestRecord
from tests.query_budgets import assert_within_budget

pytestmark = pytest.mark.django_db


def add(district, description, count, days_ago=5, prefix="t"):
    start = ServiceRequestRecord.objects.count()
    ServiceRequestRecord.objects.bulk_create(
        ServiceRequestRecord(
            source_key=f"{prefix}-{start + number}",
            requested_at=timezone.now() - dt.timedelta(days=days_ago),
            request_type="Complaint",
            request_description=description,
            district=district,
        )
        for number in range(count)
    )


@pytest.fixture
def rows(db):
    ServiceRequestRecord.objects.all().delete()
    add(3, "Graffiti", 3)
    add(3, "Pothole", 1)
    add(5, "Graffiti", 2)
    add(5, "Tall Grass and Weeds", 4)
    add(3, "Pothole", 7, days_ago=120)  # older than 90 days: not counted


def test_api_gives_counts_and_shares_for_district_and_city(client, rows):
    data = client.get("/api/v2/service-requests/", {"district": 3}).json()
    assert data["meta"]["district_total"] == 4 and data["meta"]["city_total"] == 10
    by_type = {item["type"]: item for item in data["items"]}
    assert by_type["Graffiti"] == {
        "type": "Graffiti",
        "district_count": 3,
        "district_share": 75.0,
        "city_count": 5,
        "city_share": 50.0,
    }
    assert by_type["Tall Grass and Weeds"]["district_count"] == 0
    assert [item["type"] for item in data["items"]][0] == "Graffiti"


@pytest.mark.parametrize("value", ["0", "abc", "100", "", "9" * 30])
def test_api_refuses_bad_district_in_the_callers_language(client, value):
    response = client.get(
        "/api/v2/service-requests/", {"district": value}, HTTP_ACCEPT_LANGUAGE="es"
    )
    assert response.status_code == 400
    assert response.json()["message"] != ""
    assert "district" in response.json()["message"]


def test_council_page_shows_chart_and_table(client, rows, demo_page):
    council = next(
        page
        for page in demo_page("district-councils").get_children().specific()
        if page.district_number == 3
    )
    html = client.get(council.url).content.decode()
    section = html.split('aria-labelledby="council-requests-heading"', 1)[1].split("</section>")[0]
    assert "4 requests from" in section
    assert '<figure class="request-chart" aria-hidden="true">' in section
    assert (
        '<tr><th scope="row" lang="en">Graffiti</th><td>3</td><td>75.0 %</td><td>5</td>'
        "<td>50.0 %</td></tr>" in section
    )
    # The bar lengths: 75 % is the longest share, so the district's graffiti bar is full.
    assert 'class="request-chart__bar--district" x="0" y="1" height="8" width="100.0"' in section


def test_council_page_without_rows_says_so(client, demo_page):
    ServiceRequestRecord.objects.all().delete()
    html = client.get(demo_page("district-councils").get_children().first().url).content.decode()
    assert "No service requests from this district in the last 90 days" in html


def _count(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_council_page_and_api_query_counts_are_flat(client, rows, demo_page):
    council = demo_page("district-councils").get_children().first().specific
    urls = {
        "council page": council.url,
        "service requests API": f"/api/v2/service-requests/?district={council.district_number}",
    }
    for url in urls.values():
        _count(client, url)
    before = {name: _count(client, url) for name, url in urls.items()}
    for number in range(30):  # many more rows and types
        add(council.district_number, f"Type {number}", 5, prefix="more")
    after = {name: _count(client, url) for name, url in urls.items()}
    assert after == before
    for name, count in after.items():
        assert_within_budget(name, count)
