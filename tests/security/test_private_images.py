"""Staff-only images follow the documents' rule: not listed by the API, and neither their
original nor any rendition is served to anyone outside the collection's groups, whatever
the URL; files are kept out of the public media folder, so no proxy can hand them out."""

import io
from pathlib import Path

from django.conf import settings
from django.core.cache import cache
from django.core.files.images import ImageFile

from wagtail.images import get_image_model
from wagtail.models import Collection

import pytest
from PIL import Image as PillowImage

pytestmark = pytest.mark.django_db
Image = get_image_model()


@pytest.fixture(autouse=True)
def no_remembered_renditions():
    """Wagtail keeps renditions in the cache by image id, which the tests' rolled-back
    database hands out again."""
    cache.clear()


def png(colour):
    buffer = io.BytesIO()
    PillowImage.new("RGB", (8, 8), colour).save(buffer, "PNG")
    return buffer.getvalue()


def upload(title, collection_name, colour):
    return Image.objects.create(
        title=title,
        collection=Collection.objects.get(name=collection_name),
        file=ImageFile(io.BytesIO(png(colour)), name=f"{colour}.png"),
    )


@pytest.fixture
def staff_image():
    return upload("Snow route overtime board", "Staff documents", "red")


@pytest.fixture
def public_image():
    return upload("Lake Phalen at dawn", "Meeting documents", "blue")


def served(response):
    return b"".join(response.streaming_content)


def file_urls(image):
    return {"original": image.file.url, "rendition": image.get_rendition("width-4").url}


def api_image_ids(visitor):
    items = visitor.get("/api/v2/images/", {"limit": 100}).json()["items"]
    return {item["id"] for item in items}


def test_a_staff_image_is_refused_to_visitors_and_council_editors(client, client_as, staff_image):
    urls = file_urls(staff_image)
    assert urls["original"].startswith("/media/original_images/")
    assert urls["rendition"].startswith("/media/images/")
    for visitor in (client, client_as("council1-editor")):
        for kind, url in urls.items():
            response = visitor.get(url)
            assert response.status_code == 404, (kind, url)
        assert staff_image.pk not in api_image_ids(visitor)
        assert visitor.get(f"/api/v2/images/{staff_image.pk}/").status_code == 404
        found = visitor.get("/api/v2/images/", {"search": "overtime"}).json()["items"]
        assert found == []

    staff = client_as("staff")
    for url in urls.values():
        response = staff.get(url)
        assert response.status_code == 200
        assert response["Content-Type"] == "image/png"
        assert response["Cache-Control"] == "private, no-store"
        assert PillowImage.open(io.BytesIO(served(response))).size[0] in (4, 8)


def test_a_public_image_is_served_and_listed(client, public_image):
    for url in file_urls(public_image).values():
        response = client.get(url)
        assert response.status_code == 200
        assert response["Cache-Control"].startswith("public, max-age=")
    assert served(client.get(public_image.file.url)) == png("blue")
    assert public_image.pk in api_image_ids(client)
    detail = client.get(f"/api/v2/images/{public_image.pk}/").json()
    assert detail["title"] == "Lake Phalen at dawn"


def test_moving_an_image_into_the_staff_collection_stops_serving_it_at_once(
    client, client_as, public_image
):
    urls = file_urls(public_image)
    staff_collection = Collection.objects.get(name="Staff documents")
    response = client_as("communications").post(
        f"/admin/bulk/wagtailimages/image/add_to_collection/?id={public_image.pk}",
        {"collection": staff_collection.pk},
    )
    assert response.status_code == 302
    public_image.refresh_from_db()
    assert public_image.collection == staff_collection
    for url in urls.values():
        assert client.get(url).status_code == 404
    assert public_image.pk not in api_image_ids(client)


def test_image_files_are_stored_outside_the_public_media_folder(staff_image, public_image):
    for image in (staff_image, public_image):
        for name in (image.file.name, image.get_rendition("width-4").file.name):
            path = Path(Image._meta.get_field("file").storage.path(name))
            assert path.is_file()
            assert path.is_relative_to(settings.PRIVATE_MEDIA_ROOT)
            assert not path.is_relative_to(settings.MEDIA_ROOT)


def test_a_file_name_no_image_has_is_not_found(client, public_image):
    assert client.get("/media/original_images/no-such-file.png").status_code == 404
    assert client.get("/media/images/../original_images/blue.png").status_code == 404
    # NUL and bytes that are not UTF-8 (PostgreSQL refuses NUL in any text value).
    for name in ("original_images/blue%00.png", "images/%00", "images/%FF%FE.png"):
        assert client.get(f"/media/{name}").status_code == 404, name
