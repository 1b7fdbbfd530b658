"""Fixtures for the district council tests: the demo's councils, in any language."""

import json
from pathlib import Path

from wagtail.models import Locale

import pytest

from district_councils.models import DistrictCouncilIndexPage, DistrictCouncilPage

DATA_DIR = Path(__file__).resolve().parents[2] / "district_councils" / "data"
# Well-known places and the district they are in.
CITY_HALL = (44.9443, -93.0934)  # 15 W Kellogg Blvd: District 17, downtown
COMO_ZOO = (44.9817, -93.1527)  # District 10, Como
MACALESTER_COLLEGE = (44.9379, -93.1691)  # District 14, Macalester-Groveland
MINNEAPOLIS_CITY_HALL = (44.9773, -93.2655)  # outside Saint Paul


@pytest.fixture(scope="session")
def council_data():
    return json.loads((DATA_DIR / "district_councils.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def boundary_data():
    features = json.loads(
        (DATA_DIR / "saint_paul_district_councils.geojson").read_text(encoding="utf-8")
    )["features"]
    return {int(feature["properties"]["district"]): feature["geometry"] for feature in features}


@pytest.fixture
def council(db):
    """``council(17, "es")``: the council page with that district number in that language."""

    def get(number, language="en"):
        return DistrictCouncilPage.objects.get(
            district_number=number, locale=Locale.objects.get(language_code=language)
        )

    return get


@pytest.fixture
def council_index(db):
    def get(language="en"):
        return DistrictCouncilIndexPage.objects.get(
            locale=Locale.objects.get(language_code=language)
        )

    return get
