"""StreamField blocks of the staff hub: a top-10 topic and a staff-list entry."""

from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.snippets.blocks import SnippetChooserBlock

TOP_TOPICS_LIMIT = 10


class TopTopicBlock(blocks.StructBlock):
    """One of the questions a department's frontline staff answer most, and where the
    answer is."""

    title = blocks.CharBlock(max_length=200, label=_("Topic"))
    summary = blocks.TextBlock(max_length=400, required=False, label=_("In one sentence"))
    answer = blocks.PageChooserBlock(
        page_type=["engagement.GuidancePage", "engagement.ServiceTopicPage"],
        required=False,
        label=_("Guidance or service topic"),
    )

    class Meta:
        icon = "list-ol"
        label = _("Topic")


class StaffListEntryBlock(blocks.StructBlock):
    """Who answers residents for one department this season."""

    department = SnippetChooserBlock("cms.Department", label=_("Department"))
    people = blocks.CharBlock(
        max_length=300,
        label=_("Who answers"),
        help_text=_("Names and roles, e.g. “Ana Lee (front desk), Sam Vang (back-up)”."),
    )
    phone = blocks.CharBlock(max_length=40, required=False, label=_("Phone"))
    email = blocks.EmailBlock(required=False, label=_("Email"))
    languages = blocks.CharBlock(
        max_length=200, required=False, label=_("Languages they can help in")
    )
    hours = blocks.CharBlock(max_length=200, required=False, label=_("When they answer"))

    class Meta:
        icon = "group"
        label = _("Department's customer-service staff")
