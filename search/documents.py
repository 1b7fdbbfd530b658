"""Text of uploaded documents, extracted with pypdf when a document is saved."""

import hashlib
import logging

from search.models import DocumentText

logger = logging.getLogger(__name__)

MAX_TEXT_LENGTH = 200_000


def extract_pdf_text(file):
    """The text of a PDF, or "" when it cannot be read (malformed, encrypted, not a PDF)."""
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    try:
        file.seek(0)
        reader = PdfReader(file)
        if reader.is_encrypted:
            # Many "encrypted" PDFs only restrict printing and open with an empty password.
            try:
                opened = reader.decrypt("")
            except Exception:  # pypdf raises several kinds for bad passwords
                opened = False
            if not opened:
                logger.warning("Encrypted PDF %s: its text is not searchable", file)
                return ""
        texts = []
        for page in reader.pages:
            texts.append(page.extract_text() or "")
            if sum(len(text) for text in texts) > MAX_TEXT_LENGTH:
                break
        return " ".join(" ".join(texts).split())[:MAX_TEXT_LENGTH]
    except (PyPdfError, ValueError, KeyError, TypeError, OSError, RecursionError) as error:
        logger.warning("Could not read the text of PDF %s: %s", file, error)
        return ""


def _file_hash(document):
    return (
        document.file_hash
        or hashlib.sha1(  # noqa: S324 - a change marker, not security
            f"{document.file.name}:{document.file_size}".encode()
        ).hexdigest()
    )


def update_document_text(document):
    """Create or refresh the DocumentText of ``document``; never raises."""
    try:
        existing = DocumentText.objects.filter(document=document).first()
        file_hash = _file_hash(document)
        text = existing.text if existing else ""
        if existing is None or existing.file_hash != file_hash:
            text = ""
            if document.file and document.file.name.lower().endswith(".pdf"):
                with document.open_file() as file:
                    text = extract_pdf_text(file)
        DocumentText.objects.update_or_create(
            document=document,
            defaults={
                "title": document.title,
                "text": text,
                "collection_id": document.collection_id,
                "file_hash": file_hash,
            },
        )
    except Exception:
        logger.exception("Could not store the searchable text of document %s", document.pk)


def document_saved(sender, instance, raw=False, **kwargs):
    if raw:
        return
    update_document_text(instance)
