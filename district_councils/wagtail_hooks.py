"""Wiring into the portal: home page teasers, API endpoint, OpenAPI, demo content, admin."""

from wagtail import hooks

from district_councils import openapi
from district_councils.filters import CouncilFilter
from district_councils.models import (
    CouncilUpdatePage,
    DistrictCouncilIndexPage,
    DistrictCouncilPage,
    council_pages,
    neighborhood_options,
)

HOME_UPDATES = 5


@hooks.register("home_page_teasers")
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


@hooks.register("home_page_teasers")
def latest_updates_teaser(request, page):
    updates = list(
        CouncilUpdatePage.objects.live().public().filter(locale=page.locale_id)
        .select_related("locale", "alias_of__locale")
        .order_by("-date", "-pk")[:HOME_UPDATES]
    )
    if not updates:
        return None
    councils = {
        council.path: council
        for council in DistrictCouncilPage.objects.filter(
            locale=page.locale_id, path__in={update.path[:-DistrictCouncilPage.steplen]
                                             for update in updates}
        )
    }
    for update in updates:
        update.council_page = councils.get(update.path[:-DistrictCouncilPage.steplen])
    index = DistrictCouncilIndexPage.objects.live().filter(locale=page.locale_id).first()
    return {
        "template": "district_councils/includes/latest_updates_teaser.html",
        "order": 20,
        "updates": updates,
        "index": index,
    }


@hooks.register("register_api_endpoints")
def register_council_endpoint(router):
    from district_councils.api import DistrictCouncilsAPIViewSet

    router.register_endpoint("district-councils", DistrictCouncilsAPIViewSet)


@hooks.register("openapi_paths")
def council_openapi_paths():
    return {"paths": openapi.paths(), "schemas": openapi.schemas()}


@hooks.register("load_demo_content")
def load_council_demo(home, stdout):
    from district_councils.demo import load_councils

    load_councils(home, stdout)


@hooks.register("construct_page_action_menu")
def updates_are_never_submitted_for_moderation(menu_items, request, context):
    """Updates publish directly; a new update inherits no workflow from its council page."""
    page = context.get("page")
    if isinstance(page, CouncilUpdatePage):
        menu_items[:] = [item for item in menu_items if item.name != "action-submit"]




@hooks.register("page_api_filters")
def council_page_filter():
    return CouncilFilter()
