"""Document text is extracted when a document is uploaded or changed, and found by search."""

import logging

from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile

from wagtail.documents import get_document_model
from wagtail.models import Collection

import pytest

from search.models import DocumentText
from search.pdf import simple_pdf

pytestmark = pytest.mark.django_db
Document = get_document_model()


def upload(client, title, content, filename="minutes.pdf"):
    return client.post(
        "/admin/documents/add/",
        {
            "title": title,
            "file": SimpleUploadedFile(filename, content, content_type="application/pdf"),
            "collection": Collection.get_first_root_node().pk,
        },
    )


def test_uploaded_pdf_text_is_searchable(client_as, client):
    editor = client_as("communications")
    response = upload(
        editor,
        "District 5 minutes, March",
        simple_pdf(
            ["Minutes of the District 5 board", "Motion to support the Payne Avenue bikeway"]
        ),
    )
    assert response.status_code == 302  # saved, back to the documents list
    document = Document.objects.get(title="District 5 minutes, March")
    assert "Payne Avenue bikeway" in document.search_text.text
    html = client.get("/en/search/", {"q": "Payne Avenue bikeway"}).content.decode()
    assert "District 5 minutes, March" in html
    assert "<mark>bikeway</mark>" in html


def test_changed_file_is_extracted_again(db):
    document = Document(title="Agenda", collection=Collection.get_first_root_node())
    document.file.save("agenda.pdf", ContentFile(simple_pdf(["Old agenda: parking"])), save=False)
    document.save()
    assert "parking" in document.search_text.text
    document.file.save(
        "agenda2.pdf", ContentFile(simple_pdf(["New agenda: library hours"])), save=False
    )
    document.file_hash = ""
    document.save()
    document.search_text.refresh_from_db()
    assert "library hours" in document.search_text.text
    document.title = "Agenda (revised)"
    document.save()
    assert DocumentText.objects.get(document=document).title == "Agenda (revised)"


@pytest.mark.parametrize(
    "content",
    [
        b"%PDF-1.4\nthis is not really a pdf",
        b"not a pdf at all",
        simple_pdf(["Truncated"])[:120],
    ],
    ids=["malformed", "not-a-pdf", "truncated"],
)
def test_unreadable_pdfs_upload_fine_and_are_logged(client_as, content, caplog):
    editor = client_as("communications")
    with caplog.at_level(logging.WARNING, logger="search.documents"):
        response = upload(editor, "Broken minutes", content)
    assert response.status_code == 302  # saved, back to the documents list
    document = Document.objects.get(title="Broken minutes")
    assert document.search_text.text == ""
    assert "Could not read the text of PDF" in caplog.text


def test_encrypted_pdf_uploads_and_is_logged(client_as, caplog):
    from io import BytesIO

    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(BytesIO(simple_pdf(["Secret budget"]))))
    writer.encrypt(user_password="secret", owner_password="owner")
    buffer = BytesIO()
    writer.write(buffer)
    with caplog.at_level(logging.WARNING, logger="search.documents"):
        response = upload(client_as("communications"), "Encrypted budget", buffer.getvalue())
    assert response.status_code == 302  # saved, back to the documents list
    assert Document.objects.get(title="Encrypted budget").search_text.text == ""
    assert "Encrypted PDF" in caplog.text
