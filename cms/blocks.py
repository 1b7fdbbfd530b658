"""Content blocks shared by every page type.

Apps import ``BodyStreamBlock`` (or pick single blocks) rather than defining
their own, so the API, templates and translation treat content one way.
"""

import copy

from django.core.exceptions import ValidationError
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.contrib.typed_table_block.blocks import TypedTableBlock
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock
from wagtail.models import Locale, Page
from wagtail.rich_text import expand_db_html
from wagtail.snippets.blocks import SnippetChooserBlock

from cms.visibility import contact_point_visible, is_visible


class LinkStructValue(blocks.StructValue):
    """Resolves a link to the visitor's language: a chosen page is shown in the
    active locale when translated, so one menu serves every language."""

    def page_in_active_locale(self):
        """The chosen page in the visitor's language, looked up once per language: a menu
        asks for each link's URL, text and visibility."""
        page = self.get("page")
        if page is None:
            return None
        found = self.__dict__.setdefault("_localized", {})
        language = get_language()
        if language not in found:
            found[language] = page.specific_deferred.localized
        return found[language]

    def href(self):
        """Named ``href`` because templates look up the ``url`` field before methods."""
        if page := self.page_in_active_locale():
            return page.url
        return self.get("url") or ""

    def is_visible_to(self, user):
        """External links always; a page only if ``user`` may see it (``cms.visibility``)."""
        page = self.page_in_active_locale()
        return page is None or is_visible(user, page)

    def text(self):
        if label := self.get("label"):
            return label
        if page := self.page_in_active_locale():
            return page.title
        return self.get("url") or ""


def localize_links(values):
    """Find the chosen pages of many links in the visitor's language with one query (a
    menu would otherwise look up each link's translation on its own)."""
    language = get_language()
    pending = [
        value
        for value in values
        if value.get("page") is not None and language not in value.__dict__.get("_localized", {})
    ]
    if not pending:
        return
    locale = Locale.get_active()
    keys = {value["page"].translation_key for value in pending}
    translations = {
        page.translation_key: page
        for page in Page.objects.filter(translation_key__in=keys, locale=locale, live=True)
    }
    for value in pending:
        page = value["page"]
        if page.locale_id != locale.pk:
            page = translations.get(page.translation_key, page)
        value.__dict__.setdefault("_localized", {})[language] = page


class RichTextBlock(blocks.RichTextBlock):
    """Rich text whose API form is HTML with internal links already resolved to URLs."""

    def get_api_representation(self, value, context=None):
        return expand_db_html(value.source) if value else ""


class LinkBlock(blocks.StructBlock):
    label = blocks.CharBlock(required=False, max_length=120, label=_("Label"))
    page = blocks.PageChooserBlock(required=False, label=_("Page"))
    url = blocks.URLBlock(required=False, label=_("External URL"))

    class Meta:
        icon = "link"
        value_class = LinkStructValue
        label = _("Link")
        description = _("A link to a page on this site or to another website.")

    def get_api_representation(self, value, context=None):
        page = value.page_in_active_locale()
        return {"text": value.text(), "url": value.href(), "page": page.pk if page else None}

    def clean(self, value):
        value = super().clean(value)
        if bool(value.get("page")) == bool(value.get("url")):
            raise blocks.StructBlockValidationError(
                block_errors={"url": ValidationError(_("Choose a page or enter a URL, not both."))}
            )
        if value.get("url") and not value.get("label"):
            raise blocks.StructBlockValidationError(
                block_errors={"label": ValidationError(_("A link to another site needs a label."))}
            )
        return value


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(max_length=200, label=_("Heading"))
    level = blocks.ChoiceBlock(
        choices=[("h2", _("Level 2")), ("h3", _("Level 3")), ("h4", _("Level 4"))],
        default="h2",
        label=_("Level"),
    )

    class Meta:
        icon = "title"
        template = "cms/blocks/heading.html"
        label = _("Heading")
        preview_value = {"text": "How to reach your district council", "level": "h2"}


RICH_TEXT_FEATURES = ["h2", "h3", "h4", "bold", "italic", "ol", "ul", "link", "document-link"]


class CalloutBlock(blocks.StructBlock):
    tone = blocks.ChoiceBlock(
        choices=[
            ("info", _("Information")),
            ("important", _("Important")),
            ("warning", _("Warning")),
        ],
        default="info",
        label=_("Tone"),
    )
    title = blocks.CharBlock(max_length=200, required=False, label=_("Title"))
    text = RichTextBlock(features=RICH_TEXT_FEATURES, label=_("Text"))

    class Meta:
        icon = "warning"
        template = "cms/blocks/callout.html"
        label = _("Callout")
        description = _("Draws attention to a deadline, change or warning.")


class AccordionItemBlock(blocks.StructBlock):
    question = blocks.CharBlock(max_length=300, label=_("Question or title"))
    answer = RichTextBlock(features=RICH_TEXT_FEATURES, label=_("Answer"))


class AccordionBlock(blocks.StructBlock):
    title = blocks.CharBlock(max_length=200, required=False, label=_("Title"))
    items = blocks.ListBlock(AccordionItemBlock(), min_num=1, label=_("Items"))

    class Meta:
        icon = "list-ul"
        template = "cms/blocks/accordion.html"
        label = _("Accordion or FAQ")


class ImageBlock(blocks.StructBlock):
    """An image with alt text required per use, so the text fits the context
    and is translated with the page."""

    image = ImageChooserBlock(label=_("Image"))
    alt_text = blocks.CharBlock(
        max_length=250,
        label=_("Alternative text"),
        help_text=_("Describe what the image shows for people who cannot see it."),
    )
    caption = blocks.CharBlock(max_length=300, required=False, label=_("Caption"))

    class Meta:
        icon = "image"
        template = "cms/blocks/image.html"
        label = _("Image")

    def get_api_representation(self, value, context=None):
        image = value["image"]
        if image is None:
            return None
        rendition = image.get_rendition("max-1200x1200|format-webp")
        return {
            "id": image.pk,
            "url": rendition.url,
            "width": rendition.width,
            "height": rendition.height,
            "alt_text": value["alt_text"],
            "caption": value["caption"],
        }


class DocumentLinkBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Document"))
    title = blocks.CharBlock(max_length=200, required=False, label=_("Link text"))

    class Meta:
        icon = "doc-full"
        template = "cms/blocks/document_link.html"
        label = _("Document link")

    def get_api_representation(self, value, context=None):
        document = value["document"]
        if document is None:
            return None
        return {
            "id": document.pk,
            "title": value["title"] or document.title,
            "url": document.url,
            "file_extension": document.file_extension,
        }


class ContactChooserBlock(SnippetChooserBlock):
    """Chosen contact points with their departments, each beside its translation in the
    visitor's language (``in_visitor_language``): one query for a stream's contacts, and one
    more when some are in another language, however many cards the stream holds.

    The stored value stays the chosen contact, so an editor working in another language
    never saves a page with its contacts swapped for their translations.
    """

    def bulk_to_python(self, values):
        model = self.model_class
        found = model.objects.select_related("locale", "department").in_bulk(values)
        try:
            active = Locale.get_active()
        except (LookupError, Locale.DoesNotExist):
            active = None
        keys = {
            item.translation_key
            for item in found.values()
            if active is not None and item.locale_id != active.pk
        }
        translations = {}
        if keys:
            translations = {
                item.translation_key: item
                for item in model.objects.filter(
                    translation_key__in=keys, locale=active
                ).select_related("locale", "department")
            }
        result = []
        for pk in values:
            item = found.get(pk)
            if item is not None:
                item = copy.copy(item)  # the same contact twice: two cards, two objects
                item.in_visitor_language = translations.get(item.translation_key, item)
            result.append(item)
        return result

    def deconstruct(self):
        """Stored and migrated as the plain snippet chooser: only the reading differs."""
        _path, args, kwargs = super().deconstruct()
        return "wagtail.snippets.blocks.SnippetChooserBlock", args, kwargs


class ContactCardBlock(blocks.StructBlock):
    contact = ContactChooserBlock("cms.ContactPoint", label=_("Contact"))

    class Meta:
        icon = "user"
        template = "cms/blocks/contact_card.html"
        label = _("Contact card")

    def visible_contact(self, value, user):
        """The chosen contact point in the visitor's language, if ``user`` may see it."""
        contact = value["contact"]
        if contact is None:
            return None
        contact = getattr(contact, "in_visitor_language", None) or contact.localized
        return contact if contact_point_visible(user, contact) else None

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        request = (parent_context or {}).get("request")
        context["contact"] = self.visible_contact(value, getattr(request, "user", None))
        return context

    def get_api_representation(self, value, context=None):
        request = (context or {}).get("request")
        contact = self.visible_contact(value, getattr(request, "user", None))
        return contact.as_api_dict() if contact else None


class CallToActionBlock(blocks.StructBlock):
    text = blocks.CharBlock(max_length=200, label=_("Text"))
    link = LinkBlock(label=_("Link"))

    class Meta:
        icon = "pick"
        template = "cms/blocks/call_to_action.html"
        label = _("Call to action")


class TableBlock(blocks.StructBlock):
    caption = blocks.CharBlock(
        max_length=200,
        label=_("Caption"),
        help_text=_("Says what the table shows; read out first by screen readers."),
    )
    table = TypedTableBlock(
        [
            ("text", blocks.CharBlock()),
            ("number", blocks.DecimalBlock()),
            ("rich_text", RichTextBlock(features=["bold", "italic", "link"])),
        ],
        label=_("Table"),
    )

    class Meta:
        icon = "table"
        template = "cms/blocks/table.html"
        label = _("Table")


class BodyStreamBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = RichTextBlock(
        features=RICH_TEXT_FEATURES,
        icon="pilcrow",
        label=_("Paragraph"),
        template="cms/blocks/paragraph.html",
    )
    callout = CalloutBlock()
    accordion = AccordionBlock()
    image = ImageBlock()
    document = DocumentLinkBlock()
    contact = ContactCardBlock()
    call_to_action = CallToActionBlock()
    table = TableBlock()


class TopTaskBlock(blocks.StructBlock):
    title = blocks.CharBlock(max_length=80, label=_("Title"))
    description = blocks.CharBlock(max_length=200, required=False, label=_("Description"))
    link = LinkBlock(label=_("Link"))

    class Meta:
        icon = "pick"
        label = _("Top task")
