"""Where uploads live: images in the public media folder, documents in a private one.

Wagtail stores documents and images in the same default storage. A web server or proxy
that serves ``MEDIA_URL`` from ``MEDIA_ROOT`` would then hand out a staff-only document to
anyone who knows its file name, bypassing the collection's view restriction. Documents
(``documents/…``) are therefore kept under ``PRIVATE_MEDIA_ROOT``, which nothing serves:
the only way to a document is Wagtail's permission-checked view at ``/documents/<id>/<name>``.

With ``AWS_STORAGE_BUCKET_NAME`` both live in an S3-compatible bucket (``BucketStorage``)
(``cms.bucket_storage``) under the same rule: images are readable by anyone at the bucket's
URL, documents are stored private, have no URL, and reach visitors only through that view.
"""

import os

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.utils._os import safe_join

PRIVATE_PREFIX = "documents/"


def is_private(name):
    return name.replace("\\", "/").startswith(PRIVATE_PREFIX)


class MediaStorage(FileSystemStorage):
    """The default storage: public names under ``MEDIA_ROOT``, documents under
    ``PRIVATE_MEDIA_ROOT`` with no URL of their own."""

    def path(self, name):
        if is_private(name):
            return safe_join(settings.PRIVATE_MEDIA_ROOT, name)
        return super().path(name)

    def _save(self, name, content):
        if is_private(name):
            # Django compares the saved file's group with MEDIA_ROOT's: it must exist.
            os.makedirs(self.location, exist_ok=True)
        saved = super()._save(name, content)  # relative to MEDIA_ROOT: "../…" for documents
        if is_private(name):
            full_path = os.path.join(self.location, saved)
            saved = os.path.relpath(full_path, settings.PRIVATE_MEDIA_ROOT).replace(os.sep, "/")
        return saved

    def url(self, name):
        if is_private(name):
            # Wagtail's serve view reads this as "no direct URL" and streams the file itself.
            raise NotImplementedError("Documents are served only by /documents/<id>/<name>.")
        return super().url(name)
