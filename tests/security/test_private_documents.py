"""Staff-only documents: their files are never served by URL, only through Wagtail's
permission-checked view, and their text leaves search as soon as they are moved into the
staff collection, even by the admin's bulk action, which saves no document."""

import importlib
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import clear_url_caches

from wagtail.documents import get_document_model
from wagtail.models import Collection

import pytest

from search.models import DocumentText
from search.pdf import simple_pdf

pytestmark = pytest.mark.django_db
Document = get_document_model()
WORDS = "quuxberry hydrant inventory"
TITLE = "Hydrant inventory, northeast"
EXCERPT = "Wembly"  # a word of the document's text only


def collection(name):
    return Collection.objects.get(name=name)


@pytest.fixture
def public_document():
    document = Document(title=TITLE, collection=collection("Meeting documents"))
    content = ContentFile(simple_pdf(["Quuxberry hydrant inventory by the Wembly crew."]))
    document.file.save("hydrants.pdf", content, save=False)
    document.save()
    return document


def search_texts(visitor):
    """What the search page and the search API show for the document's words."""
    page = visitor.get("/en/search/", {"q": WORDS}).content.decode()
    api = visitor.get("/api/v2/search/", {"q": WORDS}).content.decode()
    return page + api


def test_bulk_move_into_the_staff_collection_takes_the_text_out_of_search(
    client, client_as, public_document, search_backend, refresh_search
):
    refresh_search()
    assert TITLE in search_texts(client)
    assert EXCERPT in client.get("/en/search/", {"q": WORDS}).content.decode()  # its text

    staff_collection = collection("Staff documents")
    response = client_as("communications").post(
        f"/admin/bulk/wagtaildocs/document/add_to_collection/?id={public_document.pk}",
        {"collection": staff_collection.pk},
    )
    assert response.status_code == 302
    public_document.refresh_from_db()
    assert public_document.collection == staff_collection
    # The bulk action saved no document: the indexed copy still names the old collection.
    assert DocumentText.objects.get(document=public_document).collection != staff_collection
    refresh_search()

    for visitor in (client, client_as("council1-editor"), client_as("translator")):
        found = search_texts(visitor)
        assert TITLE not in found
        assert EXCERPT not in found
    assert TITLE in search_texts(client_as("staff"))


def test_the_file_is_stored_outside_the_public_media_folder(public_document):
    path = Path(public_document.file.path)
    assert path.is_file()
    assert path.is_relative_to(settings.PRIVATE_MEDIA_ROOT)
    assert not path.is_relative_to(settings.MEDIA_ROOT)
    assert public_document.file.name.startswith("documents/")


@pytest.fixture
def debug_urls(settings):
    """The URLs ``make demo`` serves (DEBUG on: uploads served from MEDIA_ROOT)."""
    settings.DEBUG = True
    import cms.urls

    importlib.reload(cms.urls)
    clear_url_caches()
    yield
    settings.DEBUG = False
    importlib.reload(cms.urls)
    clear_url_caches()


def staff_upload(client_as):
    """A staff-only document uploaded through the admin, as editors do."""
    pdf = simple_pdf(["Internal: snow route overtime rota"])
    response = client_as("communications").post(
        "/admin/documents/add/",
        {
            "title": "Overtime rota",
            "file": SimpleUploadedFile("overtime-rota.pdf", pdf, content_type="application/pdf"),
            "collection": collection("Staff documents").pk,
        },
    )
    assert response.status_code == 302
    return Document.objects.get(title="Overtime rota"), pdf


def served(response):
    return b"".join(response.streaming_content) if response.streaming else response.content


def test_a_staff_document_is_served_only_through_the_checked_view(client, client_as, debug_urls):
    document, pdf = staff_upload(client_as)
    name = document.file.name.removeprefix("documents/")
    for url in (f"/media/documents/{name}", f"/media/{document.file.name}"):
        assert client.get(url).status_code == 404, url
    assert client_as("staff").get(f"/media/documents/{name}").status_code == 404

    view = f"/documents/{document.pk}/{name}"
    assert document.url == view
    for visitor in (client, client_as("council1-editor")):
        response = visitor.get(view)
        assert response.status_code == 302
        # Wagtail's sign-in page (in English, the visitor's language), coming back to
        # the document afterwards.
        location = urlsplit(response["Location"])
        assert location.path == "/en/_util/login/"
        assert parse_qs(location.query) == {"next": [view]}
        assert pdf not in served(response)
    response = client_as("staff").get(view)
    assert response.status_code == 200
    assert served(response) == pdf
    assert response["Content-Security-Policy"] == "default-src 'none'"

    listed = client.get("/api/v2/documents/?limit=100").json()["items"]
    assert document.pk not in {item["id"] for item in listed}
