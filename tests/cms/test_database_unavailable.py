"""An unreachable database (a restart, a failover) is a 503 with ``Retry-After`` in the
visitor's language, never a 500; any other failure stays a 500."""

import json

from django.db import InterfaceError, OperationalError
from django.utils import translation

import pytest

from cms.views import server_error


def answer_while_raising(rf, path, error):
    try:
        raise error
    except Exception:
        return server_error(rf.get(path))


@pytest.mark.parametrize(
    "error",
    [OperationalError("server closed the connection"), InterfaceError("connection already closed")],
)
def test_a_lost_database_is_a_503_page_to_retry(rf, error):
    with translation.override("es"):
        response = answer_while_raising(rf, "/es/", error)
        expected = translation.gettext("Something went wrong")
    assert response.status_code == 503
    assert int(response["Retry-After"]) > 0
    assert expected != "Something went wrong"
    assert expected in response.content.decode()


def test_the_api_gets_the_503_as_json_in_the_callers_language(rf):
    with translation.override("so"):
        response = answer_while_raising(rf, "/api/v2/pages/", OperationalError("gone"))
    assert response.status_code == 503
    message = json.loads(response.content)["message"]
    assert message and "Please try again" not in message


def test_other_failures_stay_a_500(rf):
    response = answer_while_raising(rf, "/en/", ValueError("a bug"))
    assert response.status_code == 500
    assert "Retry-After" not in response
