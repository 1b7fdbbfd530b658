"""The page editor's read-only panel: how the page was translated and its reading grade
against the target, with the action to mark a translation as reviewed by a person.

Imported by ``cms.models.pages``, so it reads the records only when the editor opens a page.
"""

from wagtail.admin.panels import Panel


class PageQualityPanel(Panel):
    @property
    def clean_name(self):
        return super().clean_name or "page_quality"

    class BoundPanel(Panel.BoundPanel):
        template_name = "cms/admin/page_quality_panel.html"

        def get_context_data(self, parent_context=None):
            from cms.models import TranslationRecord
            from cms.reading_grades import grade_summary

            context = super().get_context_data(parent_context)
            page = self.instance
            context["grade"] = grade_summary(page)
            context["translation"] = (
                TranslationRecord.objects.filter(page_id=page.pk).first() if page.pk else None
            )
            context["page"] = page
            return context
