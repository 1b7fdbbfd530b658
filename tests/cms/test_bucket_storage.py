"""Uploads in an S3-compatible bucket (``AWS_STORAGE_BUCKET_NAME``): the bucket stays private;
images reach visitors through the site's ``/media/`` view and documents through Wagtail's
checked view, each asking the visibility rule.

The bucket is a real S3 server on loopback (moto's server mode), started for this module:
it checks signatures and object ACLs as the outside object store does, so an anonymous
request for a private object is refused by the store itself.
"""

import io
from types import SimpleNamespace

from django.core.files.uploadedfile import SimpleUploadedFile

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection

import boto3
import pytest
import requests
from moto.server import ThreadedMotoServer
from PIL import Image as PillowImage

from search.pdf import simple_pdf

pytestmark = pytest.mark.django_db
BUCKET = "portal-media"
KEYS = {"aws_access_key_id": "portal-test", "aws_secret_access_key": "portal-test-secret"}


@pytest.fixture(scope="module")
def s3_endpoint():
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    endpoint = f"http://127.0.0.1:{server._server.server_port}"
    boto3.client("s3", endpoint_url=endpoint, region_name="us-east-1", **KEYS).create_bucket(
        Bucket=BUCKET
    )
    yield endpoint
    server.stop()


@pytest.fixture
def bucket(settings, s3_endpoint):
    """The settings production reads from AWS_* variables, pointed at the loopback store."""
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "cms.bucket_storage.BucketStorage",
            "OPTIONS": {
                "bucket_name": BUCKET,
                "endpoint_url": s3_endpoint,
                "region_name": "us-east-1",
                "access_key": KEYS["aws_access_key_id"],
                "secret_key": KEYS["aws_secret_access_key"],
                "default_acl": None,
                "querystring_auth": False,
                "file_overwrite": False,
            },
        },
    }
    client = boto3.client("s3", endpoint_url=s3_endpoint, region_name="us-east-1", **KEYS)
    return SimpleNamespace(
        url=f"{s3_endpoint}/{BUCKET}/",
        read=lambda key: client.get_object(Bucket=BUCKET, Key=key)["Body"].read(),
    )


def png(width, height):
    buffer = io.BytesIO()
    PillowImage.new("RGB", (width, height), "teal").save(buffer, "PNG")
    return buffer.getvalue()


def served(response):
    return b"".join(response.streaming_content) if response.streaming else response.content


def upload_document(editor, title, collection_name, pdf):
    response = editor.post(
        "/admin/documents/add/",
        {
            "title": title,
            "file": SimpleUploadedFile("rota.pdf", pdf, content_type="application/pdf"),
            "collection": Collection.objects.get(name=collection_name).pk,
        },
    )
    assert response.status_code == 302  # saved, back to the documents list
    return get_document_model().objects.get(title=title)


def test_an_uploaded_image_is_kept_in_the_private_bucket_and_served_by_the_site(
    bucket, client, client_as
):
    response = client_as("communications").post(
        "/admin/images/add/",
        {
            "title": "Bridge at dusk",
            "collection": Collection.get_first_root_node().pk,
            "file": SimpleUploadedFile("bridge.png", png(640, 480), content_type="image/png"),
        },
    )
    assert response.status_code == 302
    image = get_image_model().objects.get(title="Bridge at dusk")
    assert bucket.read(image.file.name) == png(640, 480)  # stored in the bucket, not on disk

    # The store refuses the object to anyone without the keys: only the site hands it out.
    direct = requests.get(bucket.url + image.file.name, timeout=10)
    assert direct.status_code == 403

    assert image.file.url == "/media/" + image.file.name  # this site's address
    original = client.get(image.file.url)  # anonymous, through the visibility rule
    assert original.status_code == 200
    assert served(original) == png(640, 480)
    assert original["Cache-Control"].startswith("public")  # a proxy may keep it

    rendition = image.get_rendition("width-200")
    assert rendition.file.name.startswith("images/")
    assert bucket.read(rendition.file.name)  # the rendition was written to the bucket
    fetched = client.get(rendition.url)
    assert fetched.status_code == 200
    assert PillowImage.open(io.BytesIO(served(fetched))).size == (200, 150)

    api = client_as("communications").get(f"/api/v2/images/{image.pk}/").json()
    assert api["meta"]["download_url"].endswith(image.file.url)


def test_a_staff_document_stays_private_in_the_bucket(bucket, client, client_as):
    pdf = simple_pdf(["Internal: snow route overtime rota"])
    document = upload_document(client_as("communications"), "Overtime rota", "Staff documents", pdf)
    assert document.file.name.startswith("documents/")
    assert bucket.read(document.file.name) == pdf  # in the bucket, readable with the keys

    # The store itself refuses the object to anyone without the keys.
    direct = requests.get(bucket.url + document.file.name, timeout=10)
    assert direct.status_code == 403
    assert pdf not in direct.content

    view = document.url
    assert view == f"/documents/{document.pk}/rota.pdf"  # never a bucket address
    refused = client.get(view)
    assert refused.status_code == 302 and "login" in refused["Location"]
    assert pdf not in served(refused)

    response = client_as("staff").get(view)
    assert response.status_code == 200
    assert served(response) == pdf  # streamed from the bucket through the checked view


def test_a_public_document_is_still_served_only_through_the_view(bucket, client, client_as):
    pdf = simple_pdf(["Minutes of the District 5 board"])
    document = upload_document(
        client_as("communications"), "Board minutes", "Meeting documents", pdf
    )
    assert bucket.read(document.file.name) == pdf
    direct = requests.get(bucket.url + document.file.name, timeout=10)
    assert direct.status_code == 403
    response = client.get(document.url)
    assert response.status_code == 200
    assert served(response) == pdf
