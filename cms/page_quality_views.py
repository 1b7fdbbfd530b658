"""The page editor's action: mark a page's translation as reviewed by a person."""

from django import forms
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from wagtail.admin import messages
from wagtail.models import Page

from cms import page_cache
from cms.translation_records import mark_reviewed


class ReviewedForm(forms.Form):
    reviewer = forms.CharField(
        label=_("Reviewed by"),
        max_length=200,
        help_text=_("Your name, kept for editors; readers see only that a person checked it."),
    )


def mark_translation_reviewed(request, page_id):
    page = get_object_or_404(Page, pk=page_id)
    if not page.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    user = request.user
    form = ReviewedForm(
        request.POST or None,
        initial={"reviewer": user.get_full_name() or user.get_username()},
    )
    if request.method == "POST" and form.is_valid():
        mark_reviewed(page, form.cleaned_data["reviewer"])
        page_cache.invalidate()
        messages.success(request, _("The translation is marked as reviewed by a person."))
        return redirect(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    return TemplateResponse(
        request, "cms/admin/mark_translation_reviewed.html", {"page": page, "form": form}
    )
