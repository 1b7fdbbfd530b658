"""What every page of a front end shows around its content: the main navigation, the footer
and the site settings (city name, logo, service-request intake, languages).

Navigation and footer come in the language asked for, else the default language, with each
link resolved to the page's URL in that language, as the HTML menus are.
"""

from django.conf import settings
from django.urls import path
from django.utils import translation

from rest_framework.response import Response

from cms.api.listing import PortalAPIViewSet
from cms.api.snippets import requested_language
from cms.languages import enabled_languages
from cms.models import FooterText, NavigationMenu, SiteSettings
from cms.navigation import site_links, visible_links
from cms.site import site_settings as current_site_settings

LOGO_RENDITION = "max-400x200"


class SingleObjectViewSet(PortalAPIViewSet):
    """An endpoint answering one object (no listing envelope); knows only ``?locale=``."""

    known_query_parameters = frozenset(["locale"])

    def get_data(self, request, language):
        raise NotImplementedError

    def listing_view(self, request):
        self.check_parameters(request)
        language = requested_language(request)
        with translation.override(language):
            return Response(self.get_data(request, language))

    @classmethod
    def get_urlpatterns(cls):
        return [path("", cls.as_view({"get": "listing_view"}), name="listing")]


def links_data(links):
    """Resolved links in the StreamField JSON shape of the pages API."""
    return [
        {
            "type": link["type"],
            "value": {"text": link["text"], "url": link["url"], "page": link["page"]},
            "id": link["id"],
        }
        for link in links
    ]


class TranslatedSnippetViewSet(SingleObjectViewSet):
    """The navigation or footer (``kind``) of the language, from the same cached, resolved
    links as the HTML (``cms.navigation``).

    ``links_field`` names the field holding the links a visitor may follow: the API is
    public, so links to private pages are left out as in the HTML. ``fields`` may add the
    footer's ``body`` (rich text with its links resolved).
    """

    kind = ""
    links_field = ""
    fields = ()

    def get_data(self, request, language):
        data = site_links(self.kind)
        answer = {"id": data["id"] if data else None, "locale": data["locale"] if data else None}
        answer[self.links_field] = links_data(visible_links(data, None))
        for name in self.fields:
            answer[name] = data[name] if data else []
        return answer


class NavigationAPIViewSet(TranslatedSnippetViewSet):
    model = NavigationMenu
    kind = "navigation"
    links_field = "items"


class FooterAPIViewSet(TranslatedSnippetViewSet):
    model = FooterText
    kind = "footer"
    links_field = "links"
    fields = ("body",)


def logo_data(image):
    if image is None:
        return None
    rendition = image.get_rendition(LOGO_RENDITION)
    return {
        "id": image.pk,
        "url": rendition.full_url,
        "width": rendition.width,
        "height": rendition.height,
        "title": image.title,
    }


class SiteSettingsAPIViewSet(SingleObjectViewSet):
    model = SiteSettings

    def get_data(self, request, language):
        site_settings = current_site_settings(request)
        return {
            "city_name": site_settings.city_name,
            "logo": logo_data(site_settings.logo),
            "service_request_url": site_settings.service_request_url,
            "service_request_phone": site_settings.service_request_phone,
            "service_request_hours": site_settings.service_request_hours,
            "default_language": settings.LANGUAGE_CODE,
            "languages": [
                {
                    "code": language.code,
                    "name": translation.gettext(language.name),
                    "name_local": language.name_local,
                    "bidi": language.bidi,
                }
                for language in enabled_languages()
            ],
        }
