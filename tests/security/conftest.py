"""The search fixtures (database and OpenSearch backends) for the security tests."""

from tests.search.conftest import (  # noqa: F401 (fixtures)
    engine_index,
    engine_prefix,
    refresh_search,
    search_backend,
    search_node_url,
)
