from .pages import BasePage, ContentPage, HomePage, SectionIndexPage
from .site_settings import SiteSettings
from .snippets import Contact, FooterText, NavigationMenu

__all__ = [
    "BasePage",
    "Contact",
    "ContentPage",
    "FooterText",
    "HomePage",
    "NavigationMenu",
    "SectionIndexPage",
    "SiteSettings",
]
