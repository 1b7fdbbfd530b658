"""Wiring into the portal: home page teasers, API endpoint, OpenAPI, demo content, admin."""

from django.utils.translation import gettext as _

from wagtail import hooks

from cms.hooks import (
    HOME_PAGE_TEASERS,
    LOAD_DEMO_CONTENT,
    OPENAPI_PATHS,
    PAGE_API_FILTERS,
    REGISTER_API_ENDPOINTS,
)
from cms.visibility import visible_pages
from district_councils import openapi
from district_councils.api import DistrictCouncilsAPIViewSet
from district_councils.demo import load_councils
from district_councils.filters import CouncilFilter
from district_councils.finder import neighborhood_options
from district_councils.models import (
    CouncilUpdatePage,
)
from district_councils.queries import council_index, council_pages

HOME_UPDATES = 5
# What the home teasers show of a council: its name, link and neighborhoods.
TEASER_COUNCIL_FIELDS = (
    "id",
    "title",
    "slug",
    "url_path",
    "path",
    "depth",
    "locale_id",
    "live",
    "translation_key",
    "content_type_id",
    "district_number",
    "neighborhoods",
)


@hooks.register(HOME_PAGE_TEASERS)
def find_my_council_teaser(request, page):
    index = council_index(request, page.locale_id)
    if index is None:
        return None
    # Only what the neighborhood list shows: not the boundaries, bodies or people.
    councils = list(
        council_pages(page.locale_id)
        .child_of(index)
        .order_by("district_number")
        .only(*TEASER_COUNCIL_FIELDS)
    )
    return {
        "template": "district_councils/includes/find_council_teaser.html",
        "order": 10,
        "index": index,
        "neighborhood_options": neighborhood_options(councils, request),
    }


@hooks.register(HOME_PAGE_TEASERS)
def latest_updates_teaser(request, page):
    updates = list(
        visible_pages(None, CouncilUpdatePage.objects.live().filter(locale=page.locale_id))
        .select_related("locale", "alias_of__locale")
        .defer("body")
        .order_by("-date", "-pk")[:HOME_UPDATES]
    )
    if not updates:
        return None
    CouncilUpdatePage.prefetch_for_listing(updates)
    index = council_index(request, page.locale_id)
    feeds = []
    if index is not None:
        feeds.append(
            {
                "type": "application/atom+xml",
                "href": f"{index.url}feed/",
                "title": _("District council updates"),
            }
        )
    return {
        "template": "district_councils/includes/latest_updates_teaser.html",
        "order": 20,
        "updates": updates,
        "index": index,
        "alternate_links": feeds,
    }


@hooks.register(REGISTER_API_ENDPOINTS)
def register_council_endpoint(router):
    router.register_endpoint("district-councils", DistrictCouncilsAPIViewSet)


@hooks.register(OPENAPI_PATHS)
def council_openapi_paths():
    return {"paths": openapi.paths(), "schemas": openapi.schemas()}


@hooks.register(LOAD_DEMO_CONTENT)
def load_council_demo(home, stdout):
    load_councils(home, stdout)


@hooks.register("construct_page_action_menu")
def updates_are_never_submitted_for_moderation(menu_items, request, context):
    """Updates publish directly; a new update inherits no workflow from its council page."""
    page = context.get("page")
    if isinstance(page, CouncilUpdatePage):
        menu_items[:] = [item for item in menu_items if item.name != "action-submit"]


@hooks.register(PAGE_API_FILTERS)
def council_page_filter():
    return CouncilFilter()
