"""``/<lang>/feedback/<page id>/``: the feedback form for one page, and what happens on send.

Never cached (it carries the visitor's CSRF token). A page the visitor may not see
(``cms.visibility``), or that is not live, answers 404 exactly like an unknown id, so the
form reveals nothing about private pages.
"""

from django.http import Http404
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from wagtail.models import Page

from cms.api.params import ParameterError, whole_number
from cms.feedback.forms import HONEYPOT, read_choices, read_submission, record
from cms.models.feedback import MAX_COMMENT_LENGTH
from cms.ratelimit import rate_limited
from cms.visibility import is_visible

TEMPLATE = "cms/feedback/feedback_page.html"


def _problem(request, message, status=400, **headers):
    return TemplateResponse(
        request, "cms/feedback/problem.html", {"message": message}, status=status, headers=headers
    )


def _page(request, page_id):
    pk = whole_number({"page_id": page_id}, "page_id", minimum=1)
    page = Page.objects.live().filter(pk=pk).select_related("locale").first()
    if page is None or not is_visible(request.user, page):
        raise Http404
    return page.specific


def _form(request, page, params, error=None, status=200):
    try:
        helpful, tag = read_choices(params)
    except ParameterError:  # reported as ``error`` already: the form starts afresh
        helpful, tag = None, "page"
    context = {
        "target": page,
        "helpful": helpful,
        "tag": tag,
        "comment": params.get("comment", ""),
        "error": error,
        "honeypot": HONEYPOT,
        "max_comment_length": MAX_COMMENT_LENGTH,
    }
    return TemplateResponse(request, TEMPLATE, context, status=status)


@rate_limited("feedback")
def _send(request, page):
    try:
        answer = read_submission(request.POST)
    except ParameterError as error:
        return _form(request, page, request.POST, error.message, status=400)
    record(request, page, answer)
    return TemplateResponse(request, TEMPLATE, {"target": page, "sent": answer})


@never_cache
def feedback_page(request, page_id):
    if request.method not in ("GET", "HEAD", "POST"):
        message = _("This address only shows the feedback form and receives it.")
        return _problem(request, message, status=405, Allow="GET, HEAD, POST")
    try:
        page = _page(request, page_id)
    except ParameterError as error:
        return _problem(request, error.message)
    if request.method == "POST":
        return _send(request, page)
    try:
        read_choices(request.GET)
    except ParameterError as error:
        return _form(request, page, {}, error.message, status=400)
    return _form(request, page, request.GET)
