"""What readers say about a page: "Was this page helpful?" and reports of a poor translation.

The owner (a department, or the page that owns its descendants, such as a district
council) is recorded with each answer: page types keep the owner in their own tables, so
the report could not otherwise filter every type by owner in one query. The reader's
address is never stored, only a keyed hash that changes every day (``cms.feedback.client``).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

# Long enough for a paragraph about what is wrong; longer text is refused, not cut.
MAX_COMMENT_LENGTH = 1000


class PageFeedback(models.Model):
    ABOUT_PAGE = "page"
    ABOUT_TRANSLATION = "translation"
    TAGS = [(ABOUT_PAGE, _("page")), (ABOUT_TRANSLATION, _("translation"))]

    page = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("page"), on_delete=models.CASCADE, related_name="+"
    )
    language = models.CharField(_("language"), max_length=16, help_text=_("The reader's."))
    tag = models.CharField(_("tag"), max_length=16, choices=TAGS, default=ABOUT_PAGE)
    helpful = models.BooleanField(_("helpful"), null=True, blank=True)
    comment = models.TextField(_("comment"), blank=True, max_length=MAX_COMMENT_LENGTH)
    owner_department = models.ForeignKey(
        "cms.Department",
        verbose_name=_("page owner"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    owner_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("owning page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The district council (or other page) that owns the page."),
    )
    client = models.CharField(
        _("client"), max_length=64, help_text=_("A keyed hash of the address, changed daily.")
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("page feedback")
        verbose_name_plural = _("page feedback")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.page_id} {self.tag} {self.created_at:%Y-%m-%d}"

    @property
    def answer(self):
        """The answer to "Was this page helpful?" in words (empty for a translation report)."""
        if self.helpful is None:
            return ""
        return _("yes") if self.helpful else _("no")

    @property
    def owner_name(self):
        if self.owner_department_id:
            return self.owner_department.name
        return self.owner_page.title if self.owner_page_id else ""
