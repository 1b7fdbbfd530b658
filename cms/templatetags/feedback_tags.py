"""``{% page_feedback page %}``: "Was this page helpful?" below a page's accountability footer.

Plain links and a GET form only, nothing per visitor, so the page stays in the whole-page
cache; the form with its token is on the feedback page (``cms.feedback.views``).
"""

from django import template
from django.conf import settings
from django.urls import reverse

from cms.templatetags.language_tags import AROUND

register = template.Library()


def reads_as_translation(page):
    """Whether the reader sees a translation: the page is shown in another language than
    theirs (a fallback or an untranslated copy), or it was translated from the site's
    default language (a real version in that language exists; the language versions are
    already read for the language switcher, so this costs no query)."""
    if page.is_translation_missing:
        return True
    if page.locale.language_code == settings.LANGUAGE_CODE:
        return False
    return any(
        version.locale.language_code == settings.LANGUAGE_CODE and not version.alias_of_id
        for version in page.get_translation_pages()
    )


@register.inclusion_tag("cms/feedback/widget.html", takes_context=True)
def page_feedback(context, page):
    if not getattr(page, "pk", None):  # a preview of a page never saved
        return {}
    url = reverse("page_feedback", args=[page.pk])
    return {
        AROUND: context.get(AROUND),  # the language of the text around, for ``ui``
        "feedback_url": url,
        "translation_url": f"{url}?about=translation" if reads_as_translation(page) else None,
    }
