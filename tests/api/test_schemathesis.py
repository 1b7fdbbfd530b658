"""schemathesis against ``/api/schema/`` with all its checks, through the WSGI app.

Bounded: a fixed number of examples per operation and no shrinking; loopback only (the
Django app in this process is called through WSGI, no network).
"""

import json

from django.test import Client

import pytest
import schemathesis
from hypothesis import HealthCheck, Phase, given, settings

from cms.wsgi import application

MAX_EXAMPLES = 15


def examples_of(operation, failures, counter):
    @settings(
        max_examples=MAX_EXAMPLES,
        deadline=None,
        phases=[Phase.explicit, Phase.generate],
        suppress_health_check=list(HealthCheck),
        database=None,
    )
    @given(case=operation.as_strategy())
    def run(case):
        counter.append(1)
        response = case.call(app=application, headers={"Accept-Language": "es"})
        try:
            case.validate_response(response)
        except BaseException as error:  # schemathesis raises exception groups
            failures.append(f"{operation.label}: {str(error)[:400]}")

    return run


@pytest.mark.xfail(
    reason="open: the schema does not yet state every limit the server enforces "
    "(fields and order values, lat needs lon, the date order); see README, Standards",
    strict=False,
)
def test_every_operation_keeps_its_schema(db):
    raw = json.loads(Client().get("/api/schema/").content)
    raw["servers"] = [{"url": "http://testserver/"}]
    schema = schemathesis.openapi.from_dict(raw)
    failures, counter = [], []
    for result in schema.get_all_operations():
        examples_of(result.ok(), failures, counter)()
    print(f"schemathesis: {len(counter)} examples")
    assert failures == [], "\n".join(sorted(set(failures))[:30])
