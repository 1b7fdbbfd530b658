"""Admin edit forms of event pages and explainers."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms import WagtailAdminPageForm

from engagement import recurrence
from engagement.choices import LANGUAGES, TOPICS, split_codes


class CodeListFormMixin:
    """Edit comma-separated code fields (topics, languages) as checkboxes."""

    CODE_LISTS = ()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in self.CODE_LISTS:
            if isinstance(self.initial.get(name), str):
                self.initial[name] = split_codes(self.initial[name])

    def clean(self):
        cleaned = super().clean()
        for name in self.CODE_LISTS:
            cleaned[name] = ",".join(cleaned.get(name) or [])
        return cleaned


def _checkboxes(choices, label):
    return forms.MultipleChoiceField(
        choices=choices, required=False, label=label, widget=forms.CheckboxSelectMultiple
    )


class EventPageForm(CodeListFormMixin, WagtailAdminPageForm):
    CODE_LISTS = ("topics", "languages_spoken", "interpretation")
    topics = _checkboxes(TOPICS, _("Topics"))
    languages_spoken = _checkboxes(LANGUAGES, _("Languages spoken"))
    interpretation = _checkboxes(LANGUAGES, _("Interpretation offered"))

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start"), cleaned.get("end")
        if start and end and end < start:
            self.add_error("end", _("The end must be after the start."))
        rule = cleaned.get("recurrence")
        if start and rule and "recurrence" not in self.errors:
            try:
                recurrence.validate_start(start, rule)
            except ValidationError as error:
                self.add_error("start", error)
        return cleaned


class ProcessPageForm(CodeListFormMixin, WagtailAdminPageForm):
    CODE_LISTS = ("topics",)
    topics = _checkboxes(TOPICS, _("Topics"))
