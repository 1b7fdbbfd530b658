"""Content translation with wagtail-localize: editor flow, PO round trip, any source language."""

from django.conf import settings
from django.urls import reverse

from wagtail.models import Locale
from wagtail_localize.models import Translation, TranslationSource

import polib
import pytest

from cms.models import ContentPage

pytestmark = pytest.mark.django_db


def test_machine_translation_is_off_by_default():
    assert not hasattr(settings, "WAGTAILLOCALIZE_MACHINE_TRANSLATOR")


def test_translator_submits_a_page_for_translation(client_as, demo_page):
    about = demo_page("about", "en")
    translator = client_as("translator")
    url = reverse("wagtail_localize:submit_page_translation", args=[about.pk])
    assert translator.get(url).status_code == 200
    hmong = Locale.objects.get(language_code="hmn")
    response = translator.post(url, {"locales": [hmong.pk]})
    assert response.status_code == 302
    assert Translation.objects.filter(
        source__object_id=about.translation_key, target_locale=hmong
    ).exists()


def test_po_file_round_trip_for_outside_translators(client_as, demo_page):
    about = demo_page("about", "en")
    source, _created = TranslationSource.get_or_create_from_instance(about)
    translation = Translation.objects.get(source=source, target_locale__language_code="es")
    editor = client_as("communications")
    download = editor.get(reverse("wagtail_localize:download_pofile", args=[translation.pk]))
    assert download.status_code == 200
    po = polib.pofile(download.content.decode())
    entry = next(e for e in po if e.msgid == "Why we built it")
    assert entry.msgstr == "Por qué lo creamos"

    entry.msgstr = "Por qué hicimos este portal"
    upload = editor.post(
        reverse("wagtail_localize:upload_pofile", args=[translation.pk]),
        {"file": _as_upload(str(po))},
    )
    assert upload.status_code == 302
    translation.save_target(publish=True)
    spanish = demo_page("about", "es")
    assert "Por qué hicimos este portal" in str(spanish.body.raw_data)


def test_page_written_in_hmong_can_be_translated_into_english(demo_page):
    hmong_home = demo_page("", "hmn")
    page = ContentPage(
        title="Lub rooj sib tham", slug="rooj-sib-tham", intro="Tuaj koom lub rooj sib tham."
    )
    hmong_home.add_child(instance=page)
    page.save_revision().publish()

    source, _created = TranslationSource.get_or_create_from_instance(page)
    english = Locale.objects.get(language_code="en")
    translation = Translation.objects.create(source=source, target_locale=english)
    po = translation.export_po()
    for entry in po:
        entry.msgstr = {
            "Lub rooj sib tham": "The meeting",
            "Tuaj koom lub rooj sib tham.": "Come to the meeting.",
        }.get(entry.msgid, "")
    translation.import_po(po)
    translation.save_target(publish=True)

    english_page = page.get_translation(english)
    assert english_page.title == "The meeting"
    assert english_page.get_parent().specific == demo_page("", "en")


def _as_upload(text):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile("translation.po", text.encode(), content_type="text/x-gettext")
