"""Batch PO export and import for outside translators."""

from django.core.management import call_command

import polib
import pytest

pytestmark = pytest.mark.django_db


def test_export_and_import_a_whole_language(tmp_path, demo_page, capture_output):
    call_command("export_translations", "so", str(tmp_path), "--start", stdout=capture_output)
    files = sorted(tmp_path.glob("*.po"))
    assert files, capture_output.getvalue()
    assert "[1/" in capture_output.getvalue()

    about_file = next(path for path in files if "about-this-portal" in path.name)
    po = polib.pofile(str(about_file))
    assert po.metadata["X-WagtailLocalize-TranslationID"]
    entries = {entry.msgid: entry for entry in po}
    entries["About this portal"].msgstr = "Ku saabsan bogga"
    entries["Why we built it"].msgstr = "Sababta aan u dhisnay"
    po.save(str(about_file))

    call_command("import_translations", str(tmp_path), "--publish", stdout=capture_output)
    about = demo_page("about", "so")
    assert about.alias_of_id is None
    assert about.title == "Ku saabsan bogga"
    assert about.live


def test_import_reports_files_it_cannot_use(tmp_path, capture_output):
    (tmp_path / "broken.po").write_text('msgid "x"\nmsgstr "y"\n')
    errors = polib.POFile()
    errors.metadata = {"X-WagtailLocalize-TranslationID": "00000000-0000-0000-0000-000000000000"}
    errors.save(str(tmp_path / "unknown.po"))
    stderr = capture_output.__class__()
    call_command("import_translations", str(tmp_path), stdout=capture_output, stderr=stderr)
    assert "Imported 0 PO files" in capture_output.getvalue()
    assert "unknown.po: no translation with ID" in stderr.getvalue()
