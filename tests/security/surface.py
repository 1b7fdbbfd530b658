"""The public surface to throw bad input at, derived from the code rather than listed by hand.

- API operations and their parameters come from the OpenAPI document (``/api/schema/``),
  plus the parameters Wagtail's endpoints read without the schema naming them.
- HTML URLs are one live page of every page type (in Spanish, so that refusals can be
  checked for the visitor's language), each routable
  page's own sub-routes (from its URL patterns) and every URL the ``public_urls`` hook adds;
  their parameters are the names their GET forms submit and their links carry, plus
  ``page``, which every paginated list reads.
"""

import re
from html.parser import HTMLParser
from urllib.parse import parse_qsl, urlsplit

from django.contrib.contenttypes.models import ContentType
from django.test import Client

from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page

from cms.api.schema import build_schema
from cms.hooks import PUBLIC_URLS, collect


# Parameters Wagtail's own endpoints read that the schema does not describe: each is read
# beside a parameter (or on a route) the schema does describe.
def _framework_parameters(template, query):
    extra = []
    if "search" in query:
        extra.append("search_operator")
    if template.endswith("/find/"):
        extra.append("id")
    return extra


# Values that have broken, or could break, a parser, a query or the database.
MALFORMED_VALUES = [
    '"',  # full-text syntax: an unbalanced quote
    'pothole "',
    "NEAR(a b",
    "a AND OR ^ *",
    "' OR 1=1 --",
    "\x00",  # NUL: PostgreSQL refuses it in any text value
    "99999999999999999999",  # past every integer column
    "-1",
    "1e9",
    "١٢",  # digits, but not ASCII ones
    "9999-12-31",  # the edges of the calendar
    "0001-01-01",
    "9999-12",
    "xor",
    " ".join(["council"] * 800),  # deep query trees
    "",
]
# Percent-encoded bytes that are not UTF-8; sent raw in the query string.
RAW_MALFORMED = ["%FF%FE", "%C3%28", "%ED%A0%80"]


def api_operations():
    """``[(path template, [query parameter names], [path parameter names])]`` from the schema."""
    operations = []
    for template, item in build_schema()["paths"].items():
        shared = item.get("parameters", [])
        get = item.get("get")
        if not get:
            continue
        parameters = shared + get.get("parameters", [])
        query = [p["name"] for p in parameters if p["in"] == "query"]
        in_path = [p["name"] for p in parameters if p["in"] == "path"]
        names = set(query + _framework_parameters(template, query))
        operations.append((template, sorted(names), in_path))
    return operations


def fill_path(template, value):
    return re.sub(r"\{[^}]+\}", value, template)


class _FormNames(HTMLParser):
    """Names submitted by GET forms, and query names of links, on one HTML page."""

    def __init__(self, path):
        super().__init__()
        self.path, self.names, self._in_get_form = path, set(), False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self._in_get_form = (attrs.get("method") or "get").lower() == "get"
        elif tag in ("input", "select", "textarea") and self._in_get_form and attrs.get("name"):
            self.names.add(attrs["name"])
        elif tag == "a" and attrs.get("href"):
            url = urlsplit(attrs["href"])
            if url.path in ("", self.path) and url.query:
                self.names.update(name for name, _ in parse_qsl(url.query))

    def handle_endtag(self, tag):
        if tag == "form":
            self._in_get_form = False


def parameters_of(client, path):
    response = client.get(path)
    found = _FormNames(path)
    if response.get("Content-Type", "").startswith("text/html"):
        found.feed(response.content.decode())
    return sorted(found.names | {"page"})


def _routes(page):
    """Each sub-route of a routable page: ``(path with groups as {name}, [group names])``."""
    url = page.url
    routes = []
    for pattern in page.get_subpage_urls():
        regex = pattern.pattern.regex.pattern
        groups = list(pattern.pattern.regex.groupindex)
        template = regex.lstrip("^").rstrip("$").replace("\\.", ".")
        template = re.sub(r"\(\?P<(\w+)>[^)]*\)", r"{\1}", template)
        routes.append((url + template, groups))
    return routes


def html_pages(languages=("es",)):
    """``[(path template, [path group names])]``: a page of each type, routes included."""
    pages = []
    for content_type in ContentType.objects.filter(
        pk__in=Page.objects.live().values("content_type")
    ):
        for language in languages:
            page = (
                Page.objects.live()
                .filter(content_type=content_type, locale__language_code=language)
                .exclude(depth=1)
                .public()
                .first()
            )
            if page is None:
                continue
            page = page.specific
            if isinstance(page, RoutablePageMixin):
                pages.extend(_routes(page))
            else:
                pages.append((page.url, []))
    for patterns in collect(PUBLIC_URLS):
        for pattern in patterns:
            for language in languages:
                pages.append((f"/{language}/{pattern.pattern}", []))
    return sorted({(path, tuple(groups)) for path, groups in pages})


def html_surface(languages=("es",)):
    """``[(path, [parameter names])]`` for every HTML URL without path groups."""
    client = Client()
    return [
        (path, parameters_of(client, path)) for path, groups in html_pages(languages) if not groups
    ]
