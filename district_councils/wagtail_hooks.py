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
    DistrictCouncilIndexPage,
    DistrictCouncilPage,
)
from district_councils.queries import council_pages

HOME_UPDATES = 5


@hooks.register(HOME_PAGE_TEASERS)
def find_my_council_teaser(request, page):
    index = DistrictCouncilIndexPage.objects.live().filter(locale=page.locale_id).first()
    if index is None:
        return None
    councils = list(council_pages(page.locale).child_of(index).order_by("district_number"))
    return {
        "template": "district_councils/includes/find_council_teaser.html",
        "order": 10,
        "index": index,
        "neighborhood_options": neighborhood_options(councils, request),
    }


@hooks.register(HOME_PAGE_TEASERS)
def latest_updates_teaser(request, page):
    updates = list(
        visible_pages(None, CouncilUpdatePage.objects.live())
        .filter(locale=page.locale_id)
        .select_related("locale", "alias_of__locale")
        .order_by("-date", "-pk")[:HOME_UPDATES]
    )
    if not updates:
        return None
    councils = {
        council.path: council
        for council in DistrictCouncilPage.objects.filter(
            locale=page.locale_id,
            path__in={update.path[: -DistrictCouncilPage.steplen] for update in updates},
        )
    }
    for update in updates:
        update.council_page = councils.get(update.path[: -DistrictCouncilPage.steplen])
    index = DistrictCouncilIndexPage.objects.live().filter(locale=page.locale_id).first()
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
