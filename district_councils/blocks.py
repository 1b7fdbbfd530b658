"""Blocks for district council pages. Text in them is translated with the page."""

from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.images.blocks import ImageChooserBlock

from cms.blocks import RICH_TEXT_FEATURES, RichTextBlock


class NameBlock(blocks.CharBlock):
    """A short translatable name (a neighborhood, a language, a topic)."""

    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", 120)
        super().__init__(**kwargs)


class SocialLinkBlock(blocks.StructBlock):
    label = blocks.CharBlock(max_length=80, label=_("Label"), help_text=_("e.g. Facebook"))
    url = blocks.URLBlock(label=_("URL"))

    class Meta:
        icon = "link"
        label = _("Social link")


class PersonBlock(blocks.StructBlock):
    name = blocks.CharBlock(max_length=120, label=_("Name"))
    role = blocks.CharBlock(max_length=120, label=_("Role"))
    group = blocks.ChoiceBlock(
        choices=[("staff", _("Staff")), ("board", _("Board"))],
        default="board",
        label=_("Staff or board"),
    )
    photo = ImageChooserBlock(required=False, label=_("Photo"))
    email = blocks.EmailBlock(required=False, label=_("Email"))
    phone = blocks.CharBlock(max_length=40, required=False, label=_("Phone"))

    class Meta:
        icon = "user"
        label = _("Person")

    def get_api_representation(self, value, context=None):
        photo = value["photo"]
        rendition = photo.get_rendition("fill-200x200|format-webp") if photo else None
        return {
            "name": value["name"],
            "role": value["role"],
            "group": value["group"],
            "photo": {"id": photo.pk, "url": rendition.url} if photo else None,
            "email": value["email"],
            "phone": value["phone"],
        }


class GetInvolvedBlock(blocks.StructBlock):
    kind = blocks.ChoiceBlock(
        choices=[
            ("committee", _("Join a committee")),
            ("board", _("Run for the board")),
            ("volunteer", _("Volunteer")),
            ("other", _("Other")),
        ],
        default="committee",
        label=_("Kind"),
    )
    heading = blocks.CharBlock(max_length=200, label=_("Heading"))
    text = RichTextBlock(features=RICH_TEXT_FEATURES, label=_("Text"))

    class Meta:
        icon = "group"
        label = _("Way to get involved")
