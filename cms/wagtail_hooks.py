"""Admin wiring (snippets, the front-end preview link) and the page-URL visibility check."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.widgets import Button
from wagtail.models import Page
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup
from wagtail.wagtail_hooks import require_wagtail_login

from cms import page_cache
from cms.models import ContactPoint, Department, FooterText, NavigationMenu
from cms.preview import preview_url
from cms.visibility import is_visible


class DepartmentViewSet(SnippetViewSet):
    model = Department
    icon = "group"
    list_display = ["name", "owner", "next_review"]
    list_filter = ["locale", "owner"]
    search_fields = ["name", "description"]


class ContactPointViewSet(SnippetViewSet):
    model = ContactPoint
    icon = "user"
    list_display = ["name", "department", "phone", "audience", "next_review"]
    list_filter = ["locale", "department", "audience", "owner"]
    search_fields = ["name", "description"]


class NavigationMenuViewSet(SnippetViewSet):
    model = NavigationMenu
    icon = "list-ul"


class FooterTextViewSet(SnippetViewSet):
    model = FooterText
    icon = "doc-full"


class SiteContentViewSetGroup(SnippetViewSetGroup):
    items = (DepartmentViewSet, ContactPointViewSet, NavigationMenuViewSet, FooterTextViewSet)
    menu_icon = "folder-open-inverse"
    menu_label = _("Site content")
    menu_name = "site-content"


register_snippet(SiteContentViewSetGroup)


def frontend_preview_link(request, page_id):
    page = get_object_or_404(Page, pk=page_id)
    if not page.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    revision = page.latest_revision or page.save_revision(user=request.user)
    return TemplateResponse(
        request,
        "cms/admin/frontend_preview_link.html",
        {"page": page, "revision": revision, "preview_url": preview_url(revision)},
    )


@hooks.register("register_admin_urls")
def register_preview_url():
    return [
        path(
            "frontend-preview/<int:page_id>/",
            frontend_preview_link,
            name="cms_frontend_preview_link",
        )
    ]


@hooks.register("register_page_header_buttons")
def page_header_preview_button(page, user, view_name=None, next_url=None):
    if page.pk and not page.is_root() and page.permissions_for_user(user).can_edit():
        yield Button(
            _("Front-end preview link"),
            reverse("cms_frontend_preview_link", args=[page.pk]),
            icon_name="link",
            priority=80,
        )


@hooks.register("on_serve_page")
def check_translated_restrictions(serve):
    """The one visibility rule at the page URL: a translation or alias of a restricted page
    asks for a sign-in like the page itself (Wagtail checks only the page's own ancestors)."""

    def inner(page, request, serve_args, serve_kwargs):
        if not is_visible(request.user, page) and not page.get_view_restrictions().exists():
            response = require_wagtail_login(next=request.get_full_path())
            add_never_cache_headers(response)
            return response
        return serve(page, request, serve_args, serve_kwargs)

    return inner


hooks.register("before_serve_page", page_cache.mark_page)

# The reports, their menu items and dashboard panels: reviews, translations, reading grades,
# page feedback.
from cms import page_quality_hooks, review_hooks  # noqa: E402, F401
from cms.feedback import hooks as feedback_hooks  # noqa: E402, F401
