"""The ``/api/v2/`` router: the core endpoints, then each app's (``register_api_endpoints``)."""

from wagtail import hooks
from wagtail.api.v2.router import WagtailAPIRouter

from cms.api.contacts import CONTACTS, DEPARTMENTS
from cms.api.pages import PortalDocumentsAPIViewSet, PortalImagesAPIViewSet, PortalPagesAPIViewSet
from cms.api.redirects import RedirectsAPIViewSet
from cms.api.site import FooterAPIViewSet, NavigationAPIViewSet, SiteSettingsAPIViewSet
from cms.hooks import REGISTER_API_ENDPOINTS


def build_router():
    router = WagtailAPIRouter("wagtailapi")
    router.register_endpoint("pages", PortalPagesAPIViewSet)
    router.register_endpoint("images", PortalImagesAPIViewSet)
    router.register_endpoint("documents", PortalDocumentsAPIViewSet)
    router.register_endpoint("site-settings", SiteSettingsAPIViewSet)
    router.register_endpoint("navigation", NavigationAPIViewSet)
    router.register_endpoint("footer", FooterAPIViewSet)
    CONTACTS.register(router)
    DEPARTMENTS.register(router)
    router.register_endpoint("redirects", RedirectsAPIViewSet)
    for register in hooks.get_hooks(REGISTER_API_ENDPOINTS):
        register(router)
    return router


api_router = build_router()
