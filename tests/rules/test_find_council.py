"""Find my council (``district_councils/finder.py``): what a resident who clicks the map,
types an address or a neighborhood name is told.

The councils are two squares side by side, like the council index page passes them
(``CouncilList``); only the answers that name the city read the database.
"""

from wagtail.models import Site

import pytest

from cms.models import SiteSettings
from cms.site import site_settings
from district_councils import finder, geo
from district_councils.finder import CouncilList, FindCouncilError, find_council
from district_councils.models import DistrictCouncilPage

WEST = (44.925, -93.15)  # inside the west square
EAST = (44.925, -93.05)  # inside the east square
NORTH_OF_BOTH = (44.99, -93.10)
GEOCODED = {"1 West Street": WEST, "9 East Street": EAST, "1 Lake Road": NORTH_OF_BOTH}


def square(west, east, south=44.90, north=44.95):
    ring = [[west, south], [east, south], [east, north], [west, north], [west, south]]
    return {"type": "Polygon", "coordinates": [ring]}


def council(pk, number, title, names, area="", boundary=None):
    page = DistrictCouncilPage(
        pk=pk,
        district_number=number,
        title=title,
        area_name=area,
        boundary=boundary,
        neighborhoods=[("neighborhood", name) for name in names],
    )
    page.url_path = f"/home/councils/{number}/"
    return page


@pytest.fixture
def councils():
    geo.clear_cache()
    yield CouncilList(
        [
            council(
                901,
                41,
                "District 41 council",
                ["Como", "North End", "Phálen Village"],
                area="Como Park area",
                boundary=square(-93.20, -93.10),
            ),
            council(
                902,
                42,
                "District 42 council",
                ["Lake Como East", "St. Anthony’s Park", "Dayton’s Bluff"],
                boundary=square(-93.10, -93.00),
            ),
            council(903, 43, "District 43 council", ["Frogtown"]),  # no boundary drawn yet
        ]
    )
    geo.clear_cache()


def geocode(address):
    """The test's address geocoder (``COUNCIL_GEOCODER`` names it)."""
    if address == "Broken":
        raise OSError("geocoder down")
    return GEOCODED.get(address)


@pytest.fixture
def with_geocoder(settings):
    settings.COUNCIL_GEOCODER = f"{__name__}.geocode"


def ask(councils, **params):
    return find_council(params, councils)


def error_of(councils, **params):
    with pytest.raises(FindCouncilError) as caught:
        ask(councils, **params)
    return caught.value.message


def number_of(result):
    return result["council"].district_number if result["council"] else None


# --- a point on the map ---------------------------------------------------------------


def test_a_point_finds_the_council_it_is_in(councils):
    west = ask(councils, lat=str(WEST[0]), lon=str(WEST[1]))
    assert number_of(west) == 41
    assert (west["lat"], west["lon"]) == WEST
    assert "message" not in west
    assert number_of(ask(councils, lat=" 44.925", lon="-93.05 ")) == 42


@pytest.mark.django_db
def test_a_point_outside_every_council_names_the_city(councils):
    settings = site_settings()
    settings.city_name = "Maplewood"
    settings.save()
    result = ask(councils, lat=str(NORTH_OF_BOTH[0]), lon=str(NORTH_OF_BOTH[1]))
    assert result["council"] is None
    assert (result["lat"], result["lon"]) == NORTH_OF_BOTH
    assert result["message"] == (
        "That point is outside Maplewood's district councils. Choose a point inside the "
        "city, or pick your neighborhood from the list."
    )


def test_half_a_point_or_a_word_is_bad_input(councils):
    assert error_of(councils, lat="44.9") == "Give both a latitude (lat) and a longitude (lon)."
    assert error_of(councils, lon="-93.1") == "Give both a latitude (lat) and a longitude (lon)."
    assert error_of(councils, lat="north", lon="-93.1") == (
        "Latitude and longitude must be numbers in decimal degrees, e.g. 44.95 and -93.1."
    )


def test_a_point_wins_over_a_neighborhood_name(councils):
    result = ask(councils, lat=str(EAST[0]), lon=str(EAST[1]), neighborhood="Como")
    assert number_of(result) == 42


# --- a street address -------------------------------------------------------------------


def test_address_search_is_off_unless_a_geocoder_is_configured(councils, settings):
    settings.COUNCIL_GEOCODER = ""
    assert error_of(councils, address="1 West Street") == (
        "Address search is not available. Choose your neighborhood instead."
    )
    assert finder.address_geocoder() is None
    del settings.COUNCIL_GEOCODER  # a site whose settings do not mention it at all
    assert finder.address_geocoder() is None
    assert error_of(councils, address="1 West Street").startswith("Address search is not")


def test_an_address_finds_its_council(councils, with_geocoder):
    result = ask(councils, address="  9 East Street ")
    assert number_of(result) == 42
    assert result["address"] == "9 East Street"
    assert (result["lat"], result["lon"]) == EAST


@pytest.mark.django_db
def test_an_address_outside_the_city_keeps_the_address(councils, with_geocoder):
    result = ask(councils, address="1 Lake Road")
    assert result["council"] is None
    assert result["address"] == "1 Lake Road"
    assert result["message"].startswith("That point is outside Saint Paul's district councils.")


def test_an_address_the_geocoder_does_not_know(councils, with_geocoder):
    assert ask(councils, address="5 Nowhere Lane") == {
        "address": "5 Nowhere Lane",
        "council": None,
        "message": "No place was found for that address. Check it, or choose your "
        "neighborhood instead.",
    }


def test_a_geocoder_outage_is_a_message_not_an_error_page(councils, with_geocoder):
    assert ask(councils, address="Broken") == {
        "address": "Broken",
        "council": None,
        "message": "The address search is not working right now. Choose your neighborhood instead.",
    }


def test_an_address_is_one_to_two_hundred_characters(councils, with_geocoder):
    message = "Type a street address of at most 200 characters."
    assert error_of(councils, address="   ") == message
    assert error_of(councils, address="x" * 201) == message
    assert ask(councils, address="x" * 200)["message"].startswith("No place was found")


# --- a neighborhood name -----------------------------------------------------------------


def test_a_name_is_matched_whatever_its_case_accents_and_apostrophes(councils):
    for typed, number in [
        ("  COMO ", 41),  # exact here, only part of "Lake Como East" there
        ("phalen   village", 41),
        ("st. anthony's park", 42),
        ("DAYTON'S BLUFF", 42),
        ("Dayton\u2018s Bluff", 42),
        ("district 42 council", 42),
        ("como park area", 41),
        ("frogtown", 43),
    ]:
        result = ask(councils, neighborhood=typed)
        assert number_of(result) == number, typed
        assert result["query"] == typed.strip()
        assert "candidates" not in result


def test_part_of_one_name_finds_that_council(councils):
    assert number_of(ask(councils, neighborhood="north")) == 41
    assert number_of(ask(councils, neighborhood="bluff")) == 42


def test_part_of_several_names_offers_the_choice(councils):
    result = ask(councils, neighborhood="park")
    assert result["council"] is None
    assert [c.district_number for c in result["candidates"]] == [41, 42]
    assert result["query"] == "park"


def test_an_exact_name_in_two_councils_offers_the_choice(councils):
    councils[2].neighborhoods = [("neighborhood", "North End")]
    councils[2].__dict__.pop("neighborhood_names", None)
    result = ask(councils, neighborhood="North End")
    assert [c.district_number for c in result["candidates"]] == [41, 43]


def test_an_unknown_name_says_so_in_full(councils):
    assert ask(councils, neighborhood=" Atlantis ") == {
        "query": "Atlantis",
        "council": None,
        "message": "No neighborhood called “Atlantis” was found. Check the spelling, or "
        "choose from the list of councils and neighborhoods below.",
    }


def test_a_name_is_one_to_two_hundred_characters(councils):
    assert error_of(councils, neighborhood="  ") == (
        "Type or choose the name of your neighborhood."
    )
    assert error_of(councils, neighborhood="x" * 201) == (
        "The neighborhood name is too long (at most 200 characters)."
    )
    assert ask(councils, neighborhood="x" * 200)["message"].startswith("No neighborhood called")


def test_no_question_no_answer(councils):
    assert ask(councils) is None
    assert ask(councils, page="2") is None


# --- the list behind the neighborhood box ---------------------------------------------------


@pytest.mark.django_db
def test_the_neighborhood_list_is_alphabetical_ignoring_case_and_accents(
    councils, add_page, site_root, rf
):
    # With a second site, links to pages of the visitor's own site stay relative.
    Site.objects.create(hostname="maplewood.example", port=80, root_page=site_root)
    default = Site.objects.get(is_default_site=True)
    request = rf.get("/", HTTP_HOST=default.hostname, SERVER_PORT=default.port)
    index = add_page("Councils")
    saved = CouncilList()
    for unsaved in councils:
        unsaved.pk = unsaved.id = None
        unsaved.slug = f"district-{unsaved.district_number}"
        saved.append(add_page(unsaved.title, parent=index, page=unsaved))
    options = finder.neighborhood_options(saved, request)
    assert [option["name"] for option in options] == [
        "Como",
        "Dayton’s Bluff",
        "Frogtown",
        "Lake Como East",
        "North End",
        "Phálen Village",
        "St. Anthony’s Park",
    ]
    path = saved[0].get_url_parts()[2]
    assert options[0] == {"name": "Como", "council": "District 41 council", "url": path}
    assert options[1]["url"] == saved[1].get_url_parts()[2] != path


def test_normalised_names_compare_as_a_resident_types_them():
    assert finder.normalize("  Phálen\tVillage ") == "phalen village"
    assert finder.normalize("Dayton’s") == finder.normalize("DAYTON'S") == "dayton's"
    assert finder.normalize("‘Quoted’") == "'quoted'"


@pytest.mark.django_db
def test_the_answer_names_the_city_of_the_site_asked(councils, with_geocoder, site_root, rf):
    """A second city served by the same portal: its residents read their own city's name."""
    other = Site.objects.create(hostname="maplewood.example", port=80, root_page=site_root)
    other_settings = SiteSettings.for_site(other)
    other_settings.city_name = "Maplewood"
    other_settings.save()
    request = rf.get("/", HTTP_HOST="maplewood.example")
    for params in (
        {"address": "1 Lake Road"},
        {"lat": str(NORTH_OF_BOTH[0]), "lon": str(NORTH_OF_BOTH[1])},
    ):
        message = find_council(params, councils, request=request)["message"]
        assert message.startswith("That point is outside Maplewood's district councils."), params
