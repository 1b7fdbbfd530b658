from .directory import ContactPoint, Department
from .feedback import PageFeedback
from .page_records import ReadingMeasure, TranslationRecord
from .pages import BasePage, ContentPage, HomePage, SectionIndexPage
from .site_settings import SiteSettings
from .snippets import FooterText, NavigationMenu

__all__ = [
    "BasePage",
    "ContactPoint",
    "ContentPage",
    "Department",
    "FooterText",
    "HomePage",
    "NavigationMenu",
    "PageFeedback",
    "ReadingMeasure",
    "SectionIndexPage",
    "SiteSettings",
    "TranslationRecord",
]
