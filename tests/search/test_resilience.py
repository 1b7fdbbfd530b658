"""When the engine is down or slow the site still answers; publishing never waits on it;
``update_index`` retries, shows progress and swaps indexes atomically."""

import logging
import time
from io import StringIO

from django.core.management import call_command

from wagtail.search.backends import get_search_backend

import pytest

from tests.search.conftest import engine_backends
from tests.search.engine_proxy import EngineProxy

pytestmark = pytest.mark.django_db

UNREACHABLE = "http://127.0.0.1:1"


@pytest.fixture
def engine_down(settings):
    settings.WAGTAILSEARCH_BACKENDS = engine_backends(UNREACHABLE, "down_", timeout=1)


def test_search_falls_back_to_the_database_when_the_engine_is_down(client, engine_down, caplog):
    with caplog.at_level(logging.WARNING, logger="search.fallback"):
        response = client.get("/en/search/", {"q": "district council"})
    assert response.status_code == 200
    assert "District councils" in response.content.decode()
    assert any("Search engine unavailable" in record.message for record in caplog.records)


def test_autocomplete_and_api_fall_back_too(client, engine_down):
    suggest = client.get("/en/search/suggest/", {"q": "distr"})
    assert suggest.status_code == 200
    assert "District councils" in [item["title"] for item in suggest.json()["results"]]
    api = client.get("/api/v2/search/", {"q": "khib nyiab"})
    assert api.status_code == 200
    assert api.json()["items"][0]["locale"] == "hmn"


def test_staff_pages_stay_hidden_in_the_fallback(client, engine_down):
    html = client.get("/en/search/", {"q": "frontline staff"}).content.decode()
    assert "Staff guide" not in html


def test_publishing_works_while_the_engine_is_down(demo_page, engine_down, caplog, client_as):
    services = demo_page("services")
    services.intro = "Bulky item pickup is on the first Monday."
    with caplog.at_level(logging.ERROR):
        revision = services.save_revision()
        revision.publish()
    services.refresh_from_db()
    assert services.live and services.intro.startswith("Bulky item")
    assert any("search backend" in record.getMessage() for record in caplog.records)
    # The database index, which search falls back to, has the change.
    html = client_as("staff").get("/en/search/", {"q": "bulky item"}).content.decode()
    assert "Get help from the city" in html


def search_through(client, proxy, settings, engine_prefix, caplog):
    settings.WAGTAILSEARCH_BACKENDS = engine_backends(
        proxy.url, engine_prefix, timeout=settings.SEARCH_TIMEOUT
    )
    started = time.monotonic()
    with caplog.at_level(logging.WARNING, logger="search.fallback"):
        response = client.get("/en/search/", {"q": "district council"})
    assert response.status_code == 200
    assert "District councils" in response.content.decode()
    fell_back = any("Search engine unavailable" in r.message for r in caplog.records)
    return fell_back, time.monotonic() - started


def test_search_answers_from_the_database_when_the_engine_is_slower_than_the_timeout(
    client, settings, search_node_url, engine_index, engine_prefix, caplog
):
    # The configured SEARCH_TIMEOUT (seconds), and a node three seconds slower than that.
    with EngineProxy(search_node_url, delay=settings.SEARCH_TIMEOUT + 3) as proxy:
        fell_back, took = search_through(client, proxy, settings, engine_prefix, caplog)
    assert fell_back
    # The visitor waited one timeout, then had the database's answer, not the slow node's.
    assert settings.SEARCH_TIMEOUT <= took < settings.SEARCH_TIMEOUT + 2


def test_engine_just_within_the_timeout_still_answers(
    client, settings, search_node_url, engine_index, engine_prefix, caplog
):
    # A node one second faster than the configured SEARCH_TIMEOUT is waited for.
    with EngineProxy(search_node_url, delay=settings.SEARCH_TIMEOUT - 1) as proxy:
        fell_back, _took = search_through(client, proxy, settings, engine_prefix, caplog)
    assert not fell_back
    assert any("/_search" in path and status == 200 for _m, path, status in proxy.requests)


def test_update_index_retries_bulk_requests_the_node_refuses(
    settings, search_node_url, engine_index, engine_prefix, caplog
):
    with EngineProxy(search_node_url, fail_bulk=1) as proxy:
        settings.WAGTAILSEARCH_BACKENDS = engine_backends(proxy.url, engine_prefix)
        output = StringIO()
        with caplog.at_level(logging.WARNING, logger="search.backends"):
            call_command("update_index", backend_name="default", stdout=output)
    bulk = [status for _method, path, status in proxy.requests if "/_bulk" in path]
    assert bulk[0] == 500 and set(bulk[1:]) == {200}
    assert "failed (attempt 1 of 3); retrying" in caplog.text
    assert "default: indexed" in output.getvalue()
    assert "cms.ContentPage" in output.getvalue()  # progress, model by model


def test_update_index_gives_up_after_three_refusals(
    settings, search_node_url, engine_index, engine_prefix
):
    with EngineProxy(search_node_url, fail_bulk=3) as proxy:
        settings.WAGTAILSEARCH_BACKENDS = engine_backends(proxy.url, engine_prefix)
        with pytest.raises(Exception):  # noqa: B017 (whatever the client raises for a 500)
            call_command("update_index", backend_name="default", stdout=StringIO())
    bulk = [status for _method, path, status in proxy.requests if "/_bulk" in path]
    assert bulk == [500, 500, 500]
    # Put the full index back for the rest of the session.
    settings.WAGTAILSEARCH_BACKENDS = engine_index
    call_command("update_index", backend_name="default", stdout=StringIO())


def test_rebuild_is_atomic_old_index_serves_until_the_new_one_is_ready(settings, engine_index):
    """The rebuild writes a new index and only then moves the alias searches use."""
    settings.WAGTAILSEARCH_BACKENDS = engine_index
    from wagtail.models import Page

    backend = get_search_backend("default")
    alias = backend.get_index_for_model(Page)
    assert alias.is_alias()
    old_indices = {index.name for index in alias.aliased_indices()}
    rebuilder = backend.rebuilder_class(alias)
    new_index = rebuilder.start()
    new_index.add_model(Page)
    new_index.add_items(Page, list(Page.get_indexed_objects()[:1]))
    # Mid-rebuild: the alias still points at the old, complete index.
    assert {index.name for index in alias.aliased_indices()} == old_indices
    results = backend.search("district council", Page.objects.live())
    assert "District councils" in [page.title for page in results]
    rebuilder.finish()
    assert {index.name for index in alias.aliased_indices()} == {new_index.name}
    # Put the full index back for the rest of the session.
    call_command("update_index", backend_name="default", stdout=StringIO())
