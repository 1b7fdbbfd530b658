"""Site search: what matches, in which order, shared by the search page and the API.

:func:`site_search` applies every rule: the visitor's language first, other languages
(labelled) when there is nothing in it, only what the user may see
(:mod:`cms.visibility`), editors' synonyms and promotions, a spelling correction when
nothing matches, and the database index when the engine is down (:mod:`search.fallback`).
"""

import re
from dataclasses import dataclass

from django.db.models import Q

from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.documents import get_document_model
from wagtail.models import Page

from cms.models import ContactPoint
from cms.visibility import (
    hidden_pages_q,
    visible_collection_ids,
    visible_contact_points,
    visible_documents,
    visible_pages,
)
from search.fallback import is_database, with_fallback
from search.models import DocumentText, normalise_query
from search.presentation import Hit, SearchOutcome, type_for
from search.query import build_query, expand_query, locale_id, query_strings, query_terms
from search.suggest import spelling_suggestion

MAX_HITS = 200
# Documents are long: their text matches many queries, so they rank a little lower.
DOCUMENT_WEIGHT = 0.8


def _scored(results):
    """(object, relevance) in result order.

    The engine's scores are positive; SQLite's bm25 ranks are negative (more negative is
    better), so the magnitude is what counts. Without a score, the rank decides.
    """
    items = list(results)
    scored = []
    for rank, obj in enumerate(items):
        score = getattr(obj, "_score", None)
        scored.append((obj, abs(score) if score else 1 / (rank + 1)))
    return scored


def _everything(queryset):
    return queryset


@dataclass(frozen=True)
class Scope:
    """A part of the site to search instead of all of it (the staff hub searches its own
    pages, the staff-only contact points and its training documents). Each function narrows
    a query set of its kind with filters the index knows; visibility still applies."""

    pages: object = _everything
    contacts: object = _everything
    documents: object = _everything
    promotions: bool = True


EVERYWHERE = Scope()


# Matches of each kind ------------------------------------------------------------


def _page_hits(backend, query, language, user, other_languages=False, scope=EVERYWHERE):
    pages = scope.pages(Page.objects.live().filter(depth__gt=1))
    if other_languages:
        pages = pages.exclude(locale_id=locale_id(language))
    else:
        pages = pages.filter(locale_id=locale_id(language))
    pages = visible_pages(user, pages)
    results = backend.search(query, pages).annotate_score("_score")[:MAX_HITS]
    hits, seen = [], set()
    for page, score in _scored(results):
        if other_languages and page.alias_of_id:
            continue  # an untranslated copy: the original is in the list already
        if other_languages and page.translation_key in seen:
            continue
        seen.add(page.translation_key)
        type_key, type_label = type_for(page.content_type_id)
        hits.append(Hit("page", page, score, None, type_key, type_label, other_languages))
    return hits


def _contact_hits(backend, query, language, user, other_languages=False, scope=EVERYWHERE):
    contacts = visible_contact_points(user, ContactPoint.objects.select_related("department"))
    contacts = scope.contacts(contacts)
    language_id = locale_id(language)
    if language_id is None:
        return []
    contacts = (
        contacts.exclude(locale_id=language_id)
        if other_languages
        else contacts.filter(locale_id=language_id)
    )
    results = backend.search(query, contacts).annotate_score("_score")[:MAX_HITS]
    label = str(ContactPoint._meta.verbose_name)
    return [
        Hit("contact", contact, score, None, "cms.contactpoint", label, other_languages)
        for contact, score in _scored(results)
    ]


def _document_hits(backend, query, user, scope=EVERYWHERE):
    """Documents the user may see. The index filters on the collection copied into it;
    each hit is then checked against its document's collection now, as the admin's bulk
    "Add to collection" moves documents without telling the index."""
    documents = visible_documents(user, DocumentText.objects.select_related("document"))
    documents = scope.documents(documents)
    results = backend.search(query, documents).annotate_score("_score")[:MAX_HITS]
    visible = set(visible_collection_ids(user))
    label = str(get_document_model()._meta.verbose_name)
    return [
        Hit("document", text, score * DOCUMENT_WEIGHT, None, "wagtaildocs.document", label)
        for text, score in _scored(results)
        if text.document.collection_id in visible
    ]


# Order -------------------------------------------------------------------------


def _title_of(hit):
    obj = hit.obj
    return getattr(obj, "title", None) or getattr(obj, "name", "") or ""


def _boost_title_matches(hits, query):
    """Lift results whose title has the words searched for, on every backend alike."""
    terms = query_terms(query_strings(query))
    if not terms:
        return
    for hit in hits:
        title_words = re.findall(r"\w+", _title_of(hit).lower())
        matched = sum(1 for term in terms if any(word.startswith(term) for word in title_words))
        # The more of the query the title has, and the less else, the higher the result:
        # "District councils" before "Highland District Council" for "district council".
        coverage = matched / len(title_words) if title_words else 0
        hit.score *= 1 + matched / len(terms) + coverage / 2
        if matched == len(terms) and coverage == 1:
            hit.score *= 2  # the title is the query: "District councils" for "district council"


def ranked_hits(backend, query, language, user, scope=EVERYWHERE):
    """(hits, in other languages): the visitor's language first, best first.

    Pages and contacts in other languages only when there are none in the visitor's;
    documents always. Scores are scaled so the best is 1.
    """
    hits = _page_hits(backend, query, language, user, scope=scope) + _contact_hits(
        backend, query, language, user, scope=scope
    )
    other = False
    if not hits:
        hits = _page_hits(backend, query, language, user, other_languages=True, scope=scope)
        hits += _contact_hits(backend, query, language, user, other_languages=True, scope=scope)
        other = bool(hits)
    hits += _document_hits(backend, query, user, scope=scope)
    _boost_title_matches(hits, query)
    top = max((hit.score for hit in hits), default=0) or 1
    for hit in hits:
        hit.score = hit.score / top
    hits.sort(key=lambda hit: (hit.other_language, -hit.score))
    return hits, other


# Promotions and facets ---------------------------------------------------------


def promotions_for(query, language):
    """Editors' picks for this query: pages in the visitor's language, and external links."""
    promotions = (
        SearchPromotion.objects.filter(query__query_string=normalise_query(query))
        .filter(Q(page__isnull=True) | Q(page__locale__language_code=language, page__live=True))
        .exclude(hidden_pages_q(None, prefix="page__"))
        .select_related("page")
        .order_by("sort_order")
    )
    return list(promotions)


def without_promoted(hits, promotions):
    """The hits less the pages that are promoted (they are shown above the results)."""
    promoted_pages = {promotion.page_id for promotion in promotions if promotion.page_id}
    return [hit for hit in hits if not (hit.kind == "page" and hit.obj.pk in promoted_pages)]


def facets_of(hits):
    """Counts of hits per content type, the commonest first."""
    counts = {}
    for hit in hits:
        label, count = counts.get(hit.type_key, (hit.type_label, 0))
        counts[hit.type_key] = (label, count + 1)
    return sorted(
        ({"key": key, "label": label, "count": count} for key, (label, count) in counts.items()),
        key=lambda facet: (-facet["count"], facet["label"]),
    )


# The search --------------------------------------------------------------------


def site_search(query, language, user=None, content_type=None, scope=EVERYWHERE):
    """Everything the search page and API show for ``query`` in ``language`` (within
    ``scope``)."""
    variants = expand_query(query, language)

    def run(backend):
        database = is_database(backend)
        # Every word first; then any word (questions in residents' own words); then a
        # spelling correction from the site's titles.
        attempts = [(variants, "and", None)]
        if len(re.findall(r"\w+", query)) > 1:
            attempts.append((variants, "or", None))
        corrected = spelling_suggestion(query, language)
        if corrected:
            attempts.append((expand_query(corrected, language), "and", corrected))
        fallback = ([], False, None)
        for words, operator, correction in attempts:
            hits, other = ranked_hits(
                backend, build_query(words, operator, database), language, user, scope
            )
            if hits and not other:
                return hits, other, correction
            if hits and not fallback[0]:
                fallback = (hits, other, correction)
        # Nothing in the visitor's language: the first results found in other languages.
        return fallback

    (hits, other, corrected), backend_name, fell_back = with_fallback(run)
    promotions = promotions_for(query, language) if scope.promotions else []
    hits = without_promoted(hits, promotions)
    facets = facets_of(hits)
    if content_type:
        hits = [hit for hit in hits if hit.type_key == content_type]
    return SearchOutcome(
        query=query,
        language=language,
        hits=hits,
        facets=facets,
        promotions=promotions,
        backend=backend_name,
        corrected_query=corrected,
        other_languages=other,
        fell_back=fell_back,
    )
