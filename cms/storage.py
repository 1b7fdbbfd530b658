"""Where uploads live: every document and image file in a private folder nothing serves.

Wagtail stores documents and images in the same default storage. A web server or proxy
that serves ``MEDIA_URL`` from a folder would hand out a staff-only document or image to
anyone who knows its file name, bypassing the collection's view restriction. So documents
(``documents/…``), original images (``original_images/…``) and renditions (``images/…``)
are kept under ``PRIVATE_MEDIA_ROOT``: a document goes out only through Wagtail's
permission-checked view at ``/documents/<id>/<name>``, an image file only through
``cms.image_files.serve_image_file`` at its usual ``/media/…`` URL, which asks the one
visibility rule (``cms.visibility``) on every request.
"""

import os

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.utils._os import safe_join
from django.utils.encoding import filepath_to_uri

PRIVATE_PREFIXES = ("documents/", "original_images/", "images/")
DOCUMENT_PREFIX = "documents/"


def is_private(name):
    return name.replace("\\", "/").startswith(PRIVATE_PREFIXES)


class MediaStorage(FileSystemStorage):
    """The default storage: documents and images under ``PRIVATE_MEDIA_ROOT``; documents
    with no URL of their own, images with a ``MEDIA_URL`` address the checked view answers."""

    def path(self, name):
        if is_private(name):
            return safe_join(settings.PRIVATE_MEDIA_ROOT, name)
        return super().path(name)

    def _save(self, name, content):
        if is_private(name):
            # Django compares the saved file's group with MEDIA_ROOT's: it must exist.
            os.makedirs(self.location, exist_ok=True)
        saved = super()._save(name, content)  # relative to MEDIA_ROOT: "../…" when private
        if is_private(name):
            full_path = os.path.join(self.location, saved)
            saved = os.path.relpath(full_path, settings.PRIVATE_MEDIA_ROOT).replace(os.sep, "/")
        return saved

    def url(self, name):
        return site_url(name)


def site_url(name):
    """An image file's address on this site; none for a document (Wagtail's serve view
    reads ``NotImplementedError`` as "no direct URL" and streams the file itself)."""
    name = name.replace("\\", "/")
    if name.startswith(DOCUMENT_PREFIX):
        raise NotImplementedError("Documents are served only by /documents/<id>/<name>.")
    return settings.MEDIA_URL + filepath_to_uri(name)
