"""What the staff hub shows and searches, always through ``cms.visibility``."""

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q

from wagtail.documents import get_document_model
from wagtail.models import Collection, Page

from cms.models import ContactPoint, Department
from cms.visibility import visible_contact_points, visible_documents, visible_pages
from engagement.models import GuidancePage, TopTopicsPage, TrainingLibraryPage
from search.ranking import Scope


def hub_sections(hub, user):
    """The hub's pages the user may see, by kind: guidance answers (by question), top 10
    pages, and the rest (staff list, library, guides). Two queries."""
    guidance_type = ContentType.objects.get_for_model(GuidancePage)
    top_type = ContentType.objects.get_for_model(TopTopicsPage)
    guidance = visible_pages(user, GuidancePage.objects.child_of(hub).live())
    others = visible_pages(user, hub.get_children().live()).exclude(content_type=guidance_type)
    others = list(others.order_by("title"))
    return {
        "guidance": sorted(guidance, key=lambda page: page.question.casefold()),
        "top_topics": [page for page in others if page.content_type_id == top_type.pk],
        "other": [page for page in others if page.content_type_id != top_type.pk],
    }


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


def _chosen_ids(stream):
    """The ids a chooser StreamField holds, read from its raw data (no query)."""
    ids = []
    for item in stream.raw_data:
        value = item["value"]
        chosen = value.get(stream_key(item)) if isinstance(value, dict) else value
        if chosen:
            ids.append(chosen)
    return ids


def stream_key(item):
    return {"topic": "answer", "entry": "department"}.get(item["type"])


def localized(model, ids, language_code, items=None):
    """The objects ``ids`` of a translatable ``model`` in ``language_code`` where translated,
    else as chosen, in the order of ``ids``: one query (``items`` narrows what may be
    returned, e.g. to the pages a user may see)."""
    if not ids:
        return {}
    keys = model.objects.filter(pk__in=ids).values("translation_key")
    found = (items if items is not None else model.objects.all()).filter(translation_key__in=keys)
    chosen, translated = {}, {}
    for item in found.select_related("locale"):
        if item.pk in ids:
            chosen[item.translation_key] = item
        if item.locale.language_code == language_code:
            translated[item.translation_key] = item
    by_id = {}
    for key, item in chosen.items():
        by_id[item.pk] = translated.get(key, item)
    return by_id


def _in_order(by_id, ids):
    return [by_id[pk] for pk in ids if pk in by_id]


def guidance_related(page, user):
    """A guidance page's departments, contact points the user may see and live service
    topics the user may see, in the page's language: a query for each kind."""
    language = page.locale.language_code
    contact_ids = _chosen_ids(page.contact_points)
    contacts = localized(
        ContactPoint,
        contact_ids,
        language,
        visible_contact_points(user, ContactPoint.objects.select_related("department")),
    )
    topic_ids = _chosen_ids(page.service_topics)
    topics = localized(Page, topic_ids, language, visible_pages(user, Page.objects.live()))
    department_ids = _chosen_ids(page.departments)
    return {
        "departments": _in_order(localized(Department, department_ids, language), department_ids),
        "contact_points": _in_order(contacts, contact_ids),
        "service_topics": _in_order(topics, topic_ids),
    }


def staff_list_entries(page):
    """The staff list's rows (their stored values: the blocks' chooser would cost a query)
    with each department in the page's language."""
    departments = localized(Department, _chosen_ids(page.entries), page.locale.language_code)
    return [
        {"value": raw["value"], "department": departments.get(raw["value"].get("department"))}
        for raw in page.entries.raw_data
    ]


def top_topics(page, user):
    """A top 10 page's topics, each with its answer page in the page's language where
    translated (else as chosen), if live and the user may see it: one query."""
    answers = localized(
        Page,
        _chosen_ids(page.topics),
        page.locale.language_code,
        visible_pages(user, Page.objects.live()),
    )
    return [
        {"value": raw["value"], "page": answers.get(raw["value"].get("answer"))}
        for raw in page.topics.raw_data
    ]
