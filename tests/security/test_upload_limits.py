"""The image upload size limit (``WAGTAILIMAGES_MAX_UPLOAD_SIZE``) at its value and one byte
past it, with the message an editor sees."""

import io

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from wagtail.images.fields import WagtailImageField

import pytest
from PIL import Image


def png_of_size(size):
    """A real PNG, padded after its end marker to exactly ``size`` bytes."""
    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), "#205493").save(buffer, format="PNG")
    data = buffer.getvalue()
    return SimpleUploadedFile("photo.png", data + b"\0" * (size - len(data)), "image/png")


def test_the_limit_is_ten_megabytes():
    # The configured value the next test is run at.
    assert settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE == 10 * 1024 * 1024


def test_an_image_of_exactly_the_limit_is_taken_and_one_byte_more_is_refused():
    limit = settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE
    taken = WagtailImageField().clean(png_of_size(limit))
    assert taken.size == limit
    with pytest.raises(ValidationError) as refused:
        WagtailImageField().clean(png_of_size(limit + 1))
    assert refused.value.messages == [
        "This file is too big (10.0\xa0MB). Maximum filesize 10.0\xa0MB."
    ]
