"""The hooks the base layer offers, and the one way to collect what apps register.

The base app (``cms``) never imports a feature app: apps plug in by registering functions
for these names in their ``wagtail_hooks.py``. ARCHITECTURE.md lists what each hook takes
and returns.
"""

from wagtail import hooks

HOME_PAGE_TEASERS = "home_page_teasers"
CONTENT_PAGE_SIDEBARS = "content_page_sidebars"
REGISTER_API_ENDPOINTS = "register_api_endpoints"
PAGE_API_FILTERS = "page_api_filters"
OPENAPI_PATHS = "openapi_paths"
LOAD_DEMO_CONTENT = "load_demo_content"
PUBLIC_URLS = "public_urls"


def collect(hook_name, *args, **kwargs):
    """Call every function registered for ``hook_name``; their non-empty answers, in order."""
    return [result for fn in hooks.get_hooks(hook_name) if (result := fn(*args, **kwargs))]
