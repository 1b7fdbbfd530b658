from django.conf.urls.i18n import i18n_patterns
from django.contrib.auth import views as auth_views
from django.urls import include, path, re_path

from wagtail import views as wagtail_views
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from cms import directory_views, views
from cms.api.catalog import interface_strings_view
from cms.api.router import api_router
from cms.api.schema import openapi_schema_view
from cms.feedback.views import feedback_page
from cms.hooks import PUBLIC_URLS, collect
from cms.image_files import serve_image_file
from cms.lockout import password_form_guard
from cms.preview import headless_preview_view
from cms.sitemaps import PortalSitemap

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    # Image files, checked against the visibility rule (cms/image_files.py).
    re_path(r"^media/(?P<name>(?:original_images|images)/.+)$", serve_image_file),
    path("api/v2/preview/", headless_preview_view, name="headless_preview"),
    path("api/v2/i18n/<str:language>/", interface_strings_view, name="interface_strings"),
    path("api/v2/", api_router.urls),
    path("api/schema/", openapi_schema_view, name="openapi_schema"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": PortalSitemap}}, name="sitemap"),
    path("i18n/", include("django.conf.urls.i18n")),
]

# Every page the public sees is under a language prefix: /en/, /es/, /hmn/ ...
# Apps add their own language-prefixed URLs (e.g. /en/search/) through the public_urls hook.
urlpatterns += i18n_patterns(
    *[pattern for patterns in collect(PUBLIC_URLS) for pattern in patterns],
    path("departments/", directory_views.department_index, name="department_index"),
    path(
        "departments/<slug:slug>/",
        directory_views.department_detail,
        name="department_detail",
    ),
    path("feedback/<str:page_id>/", feedback_page, name="page_feedback"),
    path(
        "_util/authenticate_with_password/<int:page_view_restriction_id>/<int:page_id>/",
        password_form_guard(wagtail_views.authenticate_with_password),
        name="wagtailcore_authenticate_with_password",
    ),
    path(
        "_util/login/",
        auth_views.LoginView.as_view(template_name="cms/login.html"),
        name="wagtailcore_login",
    ),
    # Calendar files served by page routes, e.g. /en/events/calendar.ics
    re_path(r"^((?:[\w\-]+/)*[\w\-]+\.ics)$", views.serve_with_language_fallback),
    re_path(r"^((?:[\w\-]+/)*)$", views.serve_with_language_fallback, name="wagtail_serve"),
    prefix_default_language=True,
)

handler404 = "cms.views.page_not_found"
handler500 = "cms.views.server_error"
