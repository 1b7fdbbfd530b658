"""StreamField blocks of event pages and how-it-works explainers.

Event documents use the shared ``cms.blocks.DocumentLinkBlock``; its stored
shape (``document``, ``title``) is the one event pages always had.
"""

from django.utils.translation import gettext_lazy as _

from wagtail import blocks

from cms.blocks import RICH_TEXT_FEATURES, RichTextBlock
from engagement.choices import EventStatus


class OccurrenceChangeBlock(blocks.StructBlock):
    original_date = blocks.DateBlock(
        label=_("Date of the occurrence"),
        help_text=_("The date this occurrence would normally fall on."),
    )
    status = blocks.ChoiceBlock(
        choices=[choice for choice in EventStatus.choices if choice[0] != "scheduled"],
        label=_("What changed"),
    )
    reason = blocks.CharBlock(max_length=300, required=False, label=_("Reason shown to visitors"))
    new_start = blocks.DateTimeBlock(required=False, label=_("New start (if rescheduled)"))
    new_end = blocks.DateTimeBlock(required=False, label=_("New end (if rescheduled)"))

    class Meta:
        icon = "date"
        label = _("Change to one occurrence")


class ProcessStepBlock(blocks.StructBlock):
    title = blocks.CharBlock(max_length=200, label=_("Step"))
    what_happens = RichTextBlock(features=RICH_TEXT_FEATURES, label=_("What happens"))
    who_decides = blocks.CharBlock(max_length=200, required=False, label=_("Who decides"))
    duration = blocks.CharBlock(max_length=100, required=False, label=_("Typical duration"))
    your_say = RichTextBlock(
        features=RICH_TEXT_FEATURES,
        required=False,
        label=_("Your say"),
        help_text=_("What a resident can do at this step."),
    )
    actions = blocks.MultipleChoiceBlock(
        choices=[
            ("comment", _("Comment")),
            ("testify", _("Testify")),
            ("attend", _("Attend")),
            ("contact", _("Contact")),
        ],
        required=False,
        label=_("Ways to take part"),
    )
    pages = blocks.ListBlock(
        blocks.PageChooserBlock(), required=False, default=[], label=_("Pages about this step")
    )
    joined_to_next = blocks.ChoiceBlock(
        choices=[("", _("Next step follows")), ("and", _("And")), ("or", _("Or"))],
        required=False,
        default="",
        label=_("Link to the next step"),
        help_text=_("“And” or “or” keeps the next step under the same number."),
    )

    class Meta:
        icon = "list-ol"
        label = _("Step")
