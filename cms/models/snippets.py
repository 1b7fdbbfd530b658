"""Translatable snippets: main navigation and footer (contacts are in ``directory``)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Locale, TranslatableMixin

from cms.blocks import LinkBlock, localize_links


def visible_links(stream, user):
    """The link blocks of ``stream`` that ``user`` (None: anonymous) may follow."""
    localize_links([block.value for block in stream])
    return [block for block in stream if block.value.is_visible_to(user)]


def for_active_locale(queryset):
    """The first object in the visitor's language, else in the default language.

    Snippets are looked up per locale so a Spanish page never shows the
    English menu when a Spanish one exists.
    """
    objects = {obj.locale_id: obj for obj in queryset.select_related("locale")}
    for locale in (Locale.get_active(), Locale.get_default()):
        if locale.pk in objects:
            return objects[locale.pk]
    return next(iter(objects.values()), None)


class NavigationMenu(TranslatableMixin, models.Model):
    """The site's main navigation, one per language."""

    name = models.CharField(_("name"), max_length=100, default="Main navigation")
    items = StreamField([("link", LinkBlock())], blank=True, verbose_name=_("items"))

    panels = [FieldPanel("name"), FieldPanel("items")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("navigation menu")
        verbose_name_plural = _("navigation menus")

    def __str__(self):
        return self.name

    def visible_items(self, user):
        return visible_links(self.items, user)

    @classmethod
    def for_active_locale(cls):
        return for_active_locale(cls.objects.all())


class FooterText(TranslatableMixin, models.Model):
    """Footer text and links, one per language."""

    body = RichTextField(_("body"), features=["bold", "italic", "link"], blank=True)
    links = StreamField([("link", LinkBlock())], blank=True, verbose_name=_("links"))

    panels = [FieldPanel("body"), FieldPanel("links")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("footer")
        verbose_name_plural = _("footers")

    def __str__(self):
        return str(_("Footer"))

    def visible_links(self, user):
        return visible_links(self.links, user)

    @classmethod
    def for_active_locale(cls):
        return for_active_locale(cls.objects.all())
