"""Property tests (hypothesis): the query-string parsers, the event filters and the
recurrence rules take any string without a server error.

Bounded: a fixed number of examples, no deadline, and derandomized when ``CI`` is set, so
a CI run is repeatable.
"""

import datetime as dt
import os

from django.core.exceptions import ValidationError
from django.test import Client
from django.utils.http import urlencode

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cms.api import params
from engagement import recurrence
from engagement.filters import FilterError, parse_filters
from tests.security.surface import html_surface

BOUNDED = settings(
    max_examples=60,
    deadline=None,
    derandomize=bool(os.environ.get("CI")),
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
# Any text, and text made of the characters parsers care about.
ANY_TEXT = st.text() | st.text(alphabet="0123456789-+ .:eE\"'()*^\x00/TZ;=,")


@BOUNDED
@given(value=ANY_TEXT)
def test_every_parameter_parser_returns_or_refuses(value):
    query = {"x": value}
    parsers = [
        lambda: params.whole_number(query, "x"),
        lambda: params.whole_number(query, "x", minimum=1, maximum=50),
        lambda: params.page_number(query, "x"),
        lambda: params.locale_code(query, "x"),
        lambda: params.date_value(query, "x", allow_empty=True),
        lambda: params.month_value(query, "x"),
        lambda: params.choice(query, "x", ["a", "b"]),
        lambda: params.search_text(query, "x"),
    ]
    for parse in parsers:
        try:
            parsed = parse()
        except params.ParameterError as error:
            assert error.message
            continue
        if isinstance(parsed, int):
            assert 0 <= parsed <= params.MAX_WHOLE_NUMBER
        if isinstance(parsed, dt.date):
            assert params.FIRST_YEAR <= parsed.year <= params.LAST_YEAR


@pytest.mark.django_db
@BOUNDED
@given(
    values=st.fixed_dictionaries(
        {},
        optional=dict.fromkeys(("from", "to", "council", "topic", "format", "language"), ANY_TEXT),
    )
)
def test_event_filters_take_any_query(locales, values):
    try:
        filters = parse_filters(values, locales["en"])
    except FilterError as error:
        assert error.message
        return
    start, end = filters.window()  # date arithmetic never leaves the calendar
    if start and end:
        assert start < end


RULE_PART = st.sampled_from(
    ["FREQ=DAILY", "FREQ=WEEKLY", "FREQ=MONTHLY", "FREQ=YEARLY", "FREQ=HOURLY"]
) | st.builds(
    "{}={}".format,
    st.sampled_from(["INTERVAL", "COUNT", "BYDAY", "BYMONTHDAY", "UNTIL", "BYSETPOS", "WKST"]),
    st.sampled_from(["1", "2", "+2TU", "-1FR", "MO,WE", "31", "-1", "20271231", "0", "x", ""]),
)


@BOUNDED
@given(rule=st.lists(RULE_PART, min_size=1, max_size=4).map(";".join) | ANY_TEXT)
def test_any_repeat_rule_is_refused_or_expands_at_the_same_wall_clock_time(rule):
    try:
        recurrence.validate_rule(rule)
    except ValidationError:
        return
    zone = recurrence.city_zone()
    start = dt.datetime(2027, 1, 12, 18, 30, tzinfo=zone)
    occurrences = recurrence.expand(
        start=start,
        end=start + dt.timedelta(hours=2),
        rule=rule,
        horizon=start + dt.timedelta(days=800),
    )
    starts = [occurrence.start for occurrence in occurrences]
    assert starts == sorted(starts)
    assert {(moment.hour, moment.minute) for moment in starts} <= {(18, 30)}  # across DST


@BOUNDED
@given(text=ANY_TEXT)
def test_dates_with_no_meeting_are_parsed_or_refused(text):
    try:
        dates = recurrence.parse_dates(text)
    except ValidationError:
        return
    assert all(isinstance(day, dt.date) for day in dates)


@pytest.mark.django_db
def test_html_pages_answer_any_query_string_without_a_server_error():
    """Every HTML URL and the parameters its forms and links use (``surface.py``)."""
    client = Client(raise_request_exception=False)
    surface = html_surface()
    assert len(surface) > 10

    for path, names in surface:
        query_strings_of(client, path, names)()


def query_strings_of(client, path, names):
    @settings(BOUNDED, max_examples=8)
    @given(values=st.dictionaries(st.sampled_from(names), ANY_TEXT, max_size=3))
    def run(values):
        response = client.get(f"{path}?{urlencode(values)}")
        assert response.status_code < 500, (path, values)
        if response.status_code == 400 and "html" in response["Content-Type"]:
            assert '<html lang="es"' in response.content.decode()

    return run
