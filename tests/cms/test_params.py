"""cms.api.params: every rule and message, without the database (fast enough to mutate)."""

import datetime as dt

from django.utils import translation

import pytest

from cms.api import params
from cms.api.params import MAX_WHOLE_NUMBER, ParameterError


def message(call, *args, **kwargs):
    with pytest.raises(ParameterError) as error:
        call(*args, **kwargs)
    assert error.value.message == str(error.value.args[0])
    return error.value.message


def test_unknown_parameters_are_named_in_order():
    params.reject_unknown({"limit": "1"}, ["limit", "offset"])
    params.reject_unknown({}, [])
    assert (
        message(params.reject_unknown, {"zz": "1", "aa": "2", "limit": "3"}, ["limit"])
        == "Unknown query parameter: aa, zz"
    )


@pytest.mark.parametrize(
    ("raw", "value"),
    [("0", 0), ("7", 7), (" 12 ", 12), ("000000000009", 9), (str(MAX_WHOLE_NUMBER), 2**31 - 1)],
)
def test_whole_numbers_are_read(raw, value):
    assert params.whole_number({"limit": raw}, "limit") == value


def test_absent_or_empty_number_is_the_default():
    assert params.whole_number({}, "limit") is None
    assert params.whole_number({}, "limit", default=20) == 20
    assert params.whole_number({"limit": ""}, "limit", default=20) == 20


@pytest.mark.parametrize(
    "raw", ["-1", "1.5", "ten", "٣", "1e3", "0000000000001", str(MAX_WHOLE_NUMBER + 1), "--1", "5-"]
)
def test_not_a_whole_number_of_0_or_more(raw):
    assert (
        message(params.whole_number, {"offset": raw}, "offset")
        == "offset must be a whole number of 0 or more."
    )


def test_minimum_one_has_its_own_message():
    assert params.whole_number({"n": "1"}, "n", minimum=1) == 1
    assert message(params.whole_number, {"n": "0"}, "n", minimum=1) == (
        "n must be a whole number of 1 or more."
    )
    assert message(params.whole_number, {"page": "0"}, "page", minimum=1) == (
        "“0” is not a page number. Use a whole number from 1."
    )


def test_a_minimum_above_one_refuses_lower_numbers():
    assert params.whole_number({"n": "5"}, "n", minimum=5) == 5
    assert message(params.whole_number, {"n": "4"}, "n", minimum=5) == (
        "n must be a whole number of 0 or more."
    )


def test_a_negative_minimum_reads_negative_numbers():
    assert params.whole_number({"n": "-3"}, "n", minimum=-5) == -3
    assert message(params.whole_number, {"n": "-6"}, "n", minimum=-5) == (
        "n must be a whole number of 0 or more."
    )


def test_maximum_is_allowed_and_one_past_it_is_refused_with_the_limit_named():
    assert params.whole_number({"limit": "100"}, "limit", maximum=100) == 100
    assert message(params.whole_number, {"limit": "101"}, "limit", maximum=100) == (
        "limit cannot be higher than 100."
    )


def test_page_number():
    assert params.page_number({}) == 1
    assert params.page_number({"page": "3"}) == 3
    assert params.page_number({"p": "2"}, name="p") == 2
    assert "is not a page number" in message(params.page_number, {"page": "0"})


def test_locale_code():
    assert params.locale_code({}) is None
    assert params.locale_code({}, default="en") == "en"
    assert params.locale_code({"locale": "hmn"}) == "hmn"
    assert params.locale_code({"lang": "so"}, name="lang") == "so"
    assert message(params.locale_code, {"locale": "fr"}) == (
        "Unknown language “fr”. Use one of: en, es, hmn, so, ksw."
    )
    assert "“”" in message(params.locale_code, {"locale": ""})


def test_date_value():
    assert params.date_value({}, "from") is None
    assert params.date_value({}, "from", default=dt.date(2026, 1, 1)) == dt.date(2026, 1, 1)
    assert params.date_value({"from": " 2026-03-10 "}, "from") == dt.date(2026, 3, 10)
    assert params.date_value({"from": " "}, "from", allow_empty=True) is None
    assert params.date_value({"from": ""}, "from", default=5, allow_empty=True) == 5
    expected = (
        "“{}” is not a valid date for “from”. Use the form YYYY-MM-DD, for example 2026-03-10."
    )
    for raw in ["", "2026-02-30", "20260310", "2026-3-10", "10/03/2026", "2026-03-10T00"]:
        assert message(params.date_value, {"from": raw}, "from") == expected.format(raw)


def test_choice():
    assert params.choice({}, "format", ["online"]) is None
    assert params.choice({"format": ""}, "format", ["online"], default="x") == "x"
    assert params.choice({"format": "online"}, "format", ["online", "hybrid"]) == "online"
    pairs = [("online", "Online"), ["hybrid", "Hybrid"]]
    assert params.choice({"format": "hybrid"}, "format", pairs) == "hybrid"
    assert message(params.choice, {"format": "Online"}, "format", pairs) == (
        "Unknown value “Online” for format. Use one of: online, hybrid."
    )
    assert message(params.choice, {"n": "3"}, "n", [1, 2]) == (
        "Unknown value “3” for n. Use one of: 1, 2."
    )


def test_values_are_read_as_text():
    assert params.choice({"n": 1}, "n", ["1"]) == "1"
    assert params.locale_code({"locale": None}) is None


def test_messages_are_in_the_callers_language():
    with translation.override("es"):
        text = message(params.whole_number, {"limit": "x"}, "limit")
    assert text == "limit debe ser un número entero igual o mayor que 0."


@pytest.mark.parametrize(
    ("raw", "accepted"),
    [
        ("1900-01-01", True),
        ("1899-12-31", False),
        ("2199-12-31", True),
        ("2200-01-01", False),
        ("9999-12-31", False),
        ("0001-01-01", False),
    ],
)
def test_dates_are_kept_within_the_years_the_site_covers(raw, accepted):
    if accepted:
        assert params.date_value({"to": raw}, "to") == dt.date.fromisoformat(raw)
    else:
        assert message(params.date_value, {"to": raw}, "to") == (
            f"“{raw}” for “to” is outside the years 1900 to 2199."
        )


@pytest.mark.parametrize(
    ("raw", "first"),
    [("2027-03", dt.date(2027, 3, 1)), ("2027-3", dt.date(2027, 3, 1)), (" 1900-01 ", None)],
)
def test_months(raw, first):
    assert params.month_value({"m": raw}, "m") == (first or dt.date(1900, 1, 1))


def test_absent_month_is_the_default():
    assert params.month_value({}, "m", default="d") == "d"
    assert params.month_value({"m": ""}, "m", default="d") == "d"


@pytest.mark.parametrize("raw", ["2027-13", "2027-00", "2027", "-03", "२०२७-03", "2027-03-01"])
def test_impossible_months_are_refused(raw):
    assert message(params.month_value, {"m": raw}, "m") == "There is no such month."


@pytest.mark.parametrize("raw", ["9999-12", "0001-01", "1899-12", "2200-01"])
def test_months_outside_the_years_are_refused(raw):
    assert message(params.month_value, {"m": raw}, "m") == (
        f"“{raw}” for “m” is outside the years 1900 to 2199."
    )


def test_search_text_rules():
    # The API's parameter is "search" unless a caller names another.
    assert params.search_text({"search": " bus  stop ", "q": "other"}) == "bus stop"
    assert params.search_text({"q": "  trash   pickup "}, "q") == "trash pickup"
    assert params.search_text({"q": 'pothole "fix'}, "q") == "pothole fix"
    assert params.search_text({}, "q") == ""
    assert params.search_text({"q": "x" * 200}, "q") == "x" * 200
    assert message(params.search_text, {"q": "x" * 201}, "q") == (
        "Your search is too long. Use 200 characters or fewer."
    )
    for control in ("\x00", "\x1f", "\x7f", "\x9f"):
        assert message(params.search_text, {"q": f"a{control}b"}, "q") == (
            "Your search contains characters that cannot be searched."
        )
    assert params.search_text({"q": "a\xa0b"}, "q") == "a b"  # no-break space is a space
    assert message(params.search_text, {"q": ' " '}, "q", required=True) == (
        "Type what you are looking for."
    )


def test_free_text_is_stripped_and_absent_text_is_the_default():
    assert params.text_value({"q": "  Payne Avenue \t"}, "q") == "Payne Avenue"
    assert params.text_value({}, "q") == ""
    assert params.text_value({}, "q", default="all") == "all"
    assert params.text_value({"q": "   "}, "q", default="all") == ""


def test_free_text_at_its_length_limit_is_read_and_one_more_is_refused():
    assert params.text_value({"q": "x" * 200}, "q") == "x" * 200
    assert params.text_value({"q": f"  {'x' * 200}  "}, "q") == "x" * 200  # spaces not counted
    assert (
        message(params.text_value, {"q": "x" * 201}, "q")
        == "“q” is too long: at most 200 characters."
    )
    assert params.text_value({"q": "abcd"}, "q", max_length=4) == "abcd"
    assert message(params.text_value, {"q": "abcde"}, "q", max_length=4) == (
        "“q” is too long: at most 4 characters."
    )


@pytest.mark.parametrize("raw", ["a\x00b", "tab\tinside", "\x7f", "x\x9fy"])
def test_free_text_with_characters_no_keyboard_types_is_refused(raw):
    assert message(params.text_value, {"q": raw}, "q") == (
        "“q” contains characters that cannot be typed. Remove them and try again."
    )


def test_free_text_keeps_characters_a_keyboard_types():
    text = "Café – ¿dónde? Nyob zoo 25%"
    assert params.text_value({"q": text}, "q") == text
    assert params.text_value({"q": "\xa0x"}, "q") == "x"  # a no-break space is stripped


def test_reference_numbers():
    assert params.identifier({"id": " 638344 "}, "id") == "638344"
    assert params.identifier({"id": "SR-2026_04.1"}, "id") == "SR-2026_04.1"
    assert params.identifier({}, "id") is None
    assert params.identifier({"id": "  "}, "id", default="none") == "none"
    assert params.identifier({"id": "x" * 64}, "id") == "x" * 64
    assert message(params.identifier, {"id": "x" * 65}, "id") == (
        "“id” is too long: at most 64 characters."
    )
    assert params.identifier({"id": "abc"}, "id", max_length=3) == "abc"
    assert params.identifier({"id": "X.X"}, "id") == "X.X"  # only dots alone are refused
    every = "".join(sorted(params.IDENTIFIER_CHARACTERS))  # all 65 allowed characters
    assert params.identifier({"id": every}, "id", max_length=65) == every
    assert message(params.identifier, {"id": "abcd"}, "id", max_length=3) == (
        "“id” is too long: at most 3 characters."
    )


@pytest.mark.parametrize("raw", ["638 344", "../etc", "63834/4", "..", ".", "id=1", "ñ1"])
def test_reference_numbers_with_other_characters_or_only_dots_are_refused(raw):
    assert message(params.identifier, {"id": raw}, "id") == (
        f"“{raw}” is not a valid id. Use only letters, digits, dashes, dots and underscores."
    )


def test_a_comment_box_keeps_its_line_breaks_and_tabs_and_counts_a_break_once():
    comment = "The form\r\nsays\tclosed.\r\nIt is open."
    assert params.text_value({"c": comment}, "c", multiline=True) == (
        "The form\nsays\tclosed.\nIt is open."
    )
    # Two CRLF breaks count as two characters: 33 typed, 35 sent, a limit of 33 holds.
    assert params.text_value({"c": comment}, "c", multiline=True, max_length=33) == (
        "The form\nsays\tclosed.\nIt is open."
    )
    assert message(params.text_value, {"c": comment}, "c", multiline=True, max_length=32) == (
        "“c” is too long: at most 32 characters."
    )
    # A one-line box takes no line break, and a comment box no other control character.
    assert message(params.text_value, {"q": "a\nb"}, "q") == (
        "“q” contains characters that cannot be typed. Remove them and try again."
    )
    assert message(params.text_value, {"c": "a\x00b"}, "c", multiline=True) == (
        "“c” contains characters that cannot be typed. Remove them and try again."
    )
