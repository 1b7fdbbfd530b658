"""Images and documents in an S3-compatible bucket (``AWS_STORAGE_BUCKET_NAME``).

Kept apart from ``cms.storage`` so a site on local disk never imports boto3.
"""

from django.conf import settings

from storages.backends.s3 import S3Storage

from cms.storage import is_private


class BucketStorage(S3Storage):
    """Images public at unsigned bucket URLs; documents private (``ACL: private``) and
    without a URL, so Wagtail streams them from the bucket through its permission-checked
    view and never hands out a bucket address.

    ``AWS_S3_PUBLIC_ACL`` (``public-read``) is sent with every image; set it empty for a
    bucket whose policy makes ``images/`` and ``original_images/`` public and that refuses
    object ACLs.
    """

    def get_object_parameters(self, name):
        params = super().get_object_parameters(name)
        public_acl = getattr(settings, "AWS_S3_PUBLIC_ACL", "public-read")
        params.pop("ACL", None)
        if is_private(name):
            if public_acl:  # the bucket takes ACLs: say so, whatever its default
                params["ACL"] = "private"
        elif public_acl:
            params["ACL"] = public_acl
        return params

    def url(self, name, parameters=None, expire=None, http_method=None):
        if is_private(name):
            raise NotImplementedError("Documents are served only by /documents/<id>/<name>.")
        return super().url(name, parameters, expire, http_method)
