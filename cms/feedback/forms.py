"""Reading and storing one reader's answer: the input toolkit's rules, a honeypot, and a
hashed client instead of an address."""

from django.conf import settings
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from cms.api.params import ParameterError, choice, text_value
from cms.models import PageFeedback
from cms.models.feedback import MAX_COMMENT_LENGTH
from cms.ratelimit import client_address

ANSWERS = {"yes": True, "no": False}
TAGS = [tag for tag, _label in PageFeedback.TAGS]
# A field people never see (hidden by the style sheet); programs that fill in every field do.
HONEYPOT = "website"


def read_choices(params):
    """``helpful`` and ``about`` from a query string or form: ``(helpful, tag)``."""
    answer = choice(params, "helpful", list(ANSWERS))
    tag = choice(params, "about", TAGS, default=PageFeedback.ABOUT_PAGE)
    return (ANSWERS[answer] if answer else None), tag


def read_submission(params):
    """The cleaned answer: ``{"helpful", "tag", "comment"}``; ``ParameterError`` otherwise."""
    if (params.get(HONEYPOT) or "").strip():
        raise ParameterError(_("Your feedback could not be sent."))
    helpful, tag = read_choices(params)
    comment = text_value(
        params, "comment", max_length=MAX_COMMENT_LENGTH, multiline=True, label=_("Comment")
    )
    if tag == PageFeedback.ABOUT_PAGE and helpful is None:
        raise ParameterError(_("Choose “Yes” or “No”."))
    if tag == PageFeedback.ABOUT_TRANSLATION and not comment:
        raise ParameterError(_("Tell us what is wrong with the translation."))
    return {"helpful": helpful, "tag": tag, "comment": comment}


def client_hash(request, today=None):
    """The reader's address as a keyed hash that changes every day: repeated answers on one
    day can be told apart from many readers, but no address can be read back or followed
    from one day to the next."""
    day = (today or timezone.localdate()).isoformat()
    digest = salted_hmac(f"cms.feedback.client:{day}", client_address(request), algorithm="sha256")
    return digest.hexdigest()


def record(request, page, answer):
    """Store the answer with the page's owner at the time (see ``cms.models.feedback``)."""
    owner_page = None
    if not page.owner_department_id:
        owner_page = page if page.owns_descendants else page.owning_page()
    return PageFeedback.objects.create(
        page=page,
        language=get_language() or settings.LANGUAGE_CODE,
        tag=answer["tag"],
        helpful=answer["helpful"],
        comment=answer["comment"],
        owner_department_id=page.owner_department_id,
        owner_page=owner_page,
        client=client_hash(request),
    )
