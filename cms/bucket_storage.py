"""The S3-compatible bucket (``AWS_STORAGE_BUCKET_NAME``) as the default storage, with
nothing served from it directly: documents have no URL (Wagtail's checked view streams
them) and image files have their ``/media/…`` address on this site, where
``cms.image_files`` asks the visibility rule. Keep the bucket private.

Imported only when a bucket is configured (django-storages and boto3 are installed then).
"""

from storages.backends.s3 import S3Storage

from cms.storage import site_url


class BucketStorage(S3Storage):
    def url(self, name, parameters=None, expire=None, http_method=None):
        return site_url(name)
