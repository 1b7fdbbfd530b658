"""The page editor's read-only panel: how the page was translated and its reading grade
against the target, with the action to mark a translation as reviewed by a person.

Imported by ``cms.models.pages``, so it reads the records only when the editor opens a page.
"""

from wagtail.admin.panels import Panel

from cms.readability import has_formula, target_grade


def grade_summary(page, measures):
    """What the editor sees: the stored measure and the target, or why there is no grade."""
    record = measures.objects.filter(page_id=page.pk).first() if page.pk else None
    return {
        "record": record,
        "target": target_grade(),
        "has_formula": has_formula(page.locale.language_code) if page.locale_id else False,
        "over": bool(record and record.grade is not None and record.grade > target_grade()),
    }


class PageQualityPanel(Panel):
    @property
    def clean_name(self):
        return super().clean_name or "page_quality"

    class BoundPanel(Panel.BoundPanel):
        template_name = "cms/admin/page_quality_panel.html"

        def get_context_data(self, parent_context=None):
            # The record models' own module: ``cms.models`` imports this panel.
            from cms.models.page_records import ReadingMeasure, TranslationRecord

            context = super().get_context_data(parent_context)
            page = self.instance
            context["grade"] = grade_summary(page, ReadingMeasure)
            context["translation"] = (
                TranslationRecord.objects.filter(page_id=page.pk).first() if page.pk else None
            )
            context["page"] = page
            return context
