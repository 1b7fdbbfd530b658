"""Image files (originals and renditions) served at their ``/media/…`` URLs through the
one visibility rule, as documents are through Wagtail's checked view.

The files live under ``PRIVATE_MEDIA_ROOT`` (``cms/storage.py``), so nothing but this view
hands them out. The rule is asked on every request against the image's collection *now*:
an image moved into a staff-only collection (even by the admin's bulk action, which saves
nothing) stops being served to anyone outside its groups at once, with no file to move.
"""

import mimetypes

from django.core.files.storage import default_storage
from django.http import FileResponse, Http404
from django.views.decorators.http import require_safe

from wagtail.images import get_image_model

from cms.api.params import has_control_characters
from cms.visibility import visible_documents

# Public image files may be kept by browsers and proxies for an hour; the rule is asked
# again after that, so an image made staff-only leaves shared caches within the hour.
PUBLIC_MAX_AGE = 60 * 60


def image_for_file(name):
    """The id of the image whose original or rendition is stored as ``name``, or None
    (also for a name no file can have, such as one with NUL, which PostgreSQL refuses)."""
    Image = get_image_model()
    if has_control_characters(name):
        return None
    if name.startswith("original_images/"):
        files = Image.objects.filter(file=name).values_list("pk", flat=True)
    elif name.startswith("images/"):
        files = Image.get_rendition_model().objects.filter(file=name)
        files = files.values_list("image_id", flat=True)
    else:
        return None
    return files.first()


def _visible(user, image_id):
    return visible_documents(user, get_image_model().objects.filter(pk=image_id)).exists()


@require_safe
def serve_image_file(request, name):
    """The file, to visitors the image's collection lets in; a 404 to everyone else,
    so a staff-only image's existence is not confirmed either."""
    image_id = image_for_file(name)
    if image_id is None or not _visible(request.user, image_id):
        raise Http404
    try:
        file = default_storage.open(name)
    except FileNotFoundError:
        raise Http404 from None
    content_type = mimetypes.guess_type(name)[0] or "application/octet-stream"
    response = FileResponse(file, content_type=content_type)
    public = request.user.is_anonymous or _visible(None, image_id)
    response["Cache-Control"] = (
        f"public, max-age={PUBLIC_MAX_AGE}" if public else "private, no-store"
    )
    response["Content-Security-Policy"] = "default-src 'none'"
    return response
