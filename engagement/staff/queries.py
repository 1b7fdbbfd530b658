"""What the staff hub shows and searches, always through ``cms.visibility``."""

from django.db.models import Q
from django.utils.translation import get_language

from wagtail.documents import get_document_model
from wagtail.models import Collection, Page

from cms.models import ContactPoint
from cms.visibility import contact_point_visible, visible_documents, visible_pages
from engagement.models import GuidancePage, TopTopicsPage, TrainingLibraryPage
from search.ranking import Scope


def hub_sections(hub, user):
    """The hub's pages the user may see, by kind: guidance answers (by question), top 10
    pages, the staff list and library, and other pages. One query per page type."""
    children = visible_pages(user, hub.get_children().live()).order_by("title").specific()
    sections = {"guidance": [], "top_topics": [], "other": []}
    for page in children:
        if isinstance(page, GuidancePage):
            sections["guidance"].append(page)
        elif isinstance(page, TopTopicsPage):
            sections["top_topics"].append(page)
        else:
            sections["other"].append(page)
    sections["guidance"].sort(key=lambda page: page.question.casefold())
    return sections


def _collection_subtree(collections):
    """The collections and every collection below them."""
    paths = Q()
    for collection in collections:
        paths |= Q(path__startswith=collection.path)
    return Collection.objects.filter(paths) if paths else Collection.objects.none()


def library_documents(library, user):
    """The library's documents (its collection and those below it) the user may see,
    newest first."""
    documents = get_document_model().objects.filter(
        collection__in=_collection_subtree([library.collection])
    )
    return visible_documents(user, documents).order_by("-created_at", "title")


def hub_scope(hub):
    """Search within the hub: its pages in the hub's language tree, the staff-only contact
    points, and the documents of its training libraries."""
    libraries = TrainingLibraryPage.objects.descendant_of(hub).select_related("collection")
    collection_ids = list(
        _collection_subtree([library.collection for library in libraries]).values_list(
            "pk", flat=True
        )
    )
    return Scope(
        pages=lambda pages: pages.filter(path__startswith=hub.path),
        contacts=lambda contacts: contacts.filter(audience=ContactPoint.STAFF),
        documents=lambda documents: documents.filter(collection__in=collection_ids),
        promotions=False,
    )


def in_active_language(items):
    """Translatable snippets (departments, contact points) in the visitor's language where
    translated, else as chosen: one query for the lot, in the order given."""
    items = [item for item in items if item is not None]
    if not items:
        return []
    model = type(items[0])
    translated = {
        item.translation_key: item
        for item in model.objects.filter(
            translation_key__in={item.translation_key for item in items},
            locale__language_code=get_language(),
        ).select_related("locale")
    }
    return [translated.get(item.translation_key, item) for item in items]


def guidance_related(page, user):
    """A guidance page's departments, contact points the user may see and live service
    topics the user may see, in the visitor's language."""
    contacts = in_active_language([block.value for block in page.contact_points])
    topic_keys = [block.value.translation_key for block in page.service_topics if block.value]
    topics = visible_pages(
        user,
        Page.objects.live().filter(translation_key__in=topic_keys, locale=page.locale),
    ).order_by("title")
    return {
        "departments": in_active_language([block.value for block in page.departments]),
        "contact_points": [contact for contact in contacts if contact_point_visible(user, contact)],
        "service_topics": list(topics),
    }


def staff_list_entries(page):
    """The staff list's rows with each department in the visitor's language."""
    blocks = list(page.entries)
    departments = in_active_language([block.value["department"] for block in blocks])
    by_key = {department.translation_key: department for department in departments}
    return [
        {
            "block": block,
            "value": block.value,
            "department": by_key.get(getattr(block.value["department"], "translation_key", None)),
        }
        for block in blocks
    ]


def top_topics(page, user):
    """A top 10 page's topics, each with its answer page in the page's language where
    translated (else as chosen), if live and the user may see it: one query."""
    blocks = list(page.topics)
    keys = [block.value["answer"].translation_key for block in blocks if block.value["answer"]]
    answers = visible_pages(
        user, Page.objects.live().filter(translation_key__in=keys)
    ).select_related("locale")
    by_key = {}
    for answer in answers:
        if answer.translation_key not in by_key or answer.locale_id == page.locale_id:
            by_key[answer.translation_key] = answer
    return [
        {
            "block": block,
            "value": block.value,
            "page": by_key.get(getattr(block.value["answer"], "translation_key", None)),
        }
        for block in blocks
    ]
