"""Site search shared by the search page, the autocomplete and the API.

One function, :func:`site_search`, applies every rule: visitor's language first,
other languages (labelled) when there is nothing in it, staff-only pages and
private documents only for those allowed, editors' synonyms and promotions, and
a fall back to the database index when the engine is down or slow.
"""

import difflib
import logging
import re
from dataclasses import dataclass, field
from functools import lru_cache

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db.models import Q
from django.utils.html import escape, strip_tags
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from modelsearch.query import And, Or, PlainText
from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.documents import get_document_model
from wagtail.models import (
    Collection,
    CollectionViewRestriction,
    Locale,
    Page,
    PageViewRestriction,
)
from wagtail.search.backends import get_search_backend

from cms.languages import PORTAL_LANGUAGES
from cms.models import Contact
from cms.roles import CITY_COMMUNICATIONS
from search.models import DocumentText, Synonym, normalise_query

logger = logging.getLogger(__name__)

MAX_QUERY_LENGTH = 200
MAX_HITS = 200
# Documents are long: their text matches many queries, so they rank a little lower.
DOCUMENT_WEIGHT = 0.8
DATABASE_BACKEND = "database"


class SearchQueryError(ValueError):
    """A query we refuse to run; the message is for the visitor, in their language."""


def clean_query(raw, required=False):
    """Return the stripped query or raise SearchQueryError with a translated message."""
    query = (raw or "").strip()
    if len(query) > MAX_QUERY_LENGTH:
        raise SearchQueryError(
            _("Your search is too long. Use %(max)d characters or fewer.")
            % {"max": MAX_QUERY_LENGTH}
        )
    if any(ord(char) < 32 or 127 <= ord(char) < 160 for char in query):
        raise SearchQueryError(_("Your search contains characters that cannot be searched."))
    if required and not query:
        raise SearchQueryError(_("Type what you are looking for."))
    return query


# Who sees what ---------------------------------------------------------------

def _user_groups(user):
    if not user or not user.is_authenticated:
        return set()
    if not hasattr(user, "_search_group_names"):
        user._search_group_names = set(user.groups.values_list("name", flat=True))
    return user._search_group_names


def can_pass_restriction(user, restriction, group_ids):
    """Search shows restricted content only to those the restriction lets in."""
    if not user or not user.is_authenticated or not user.is_active:
        return False
    if user.is_superuser:
        return True
    if restriction.restriction_type == restriction.LOGIN:
        return True
    if restriction.restriction_type == restriction.GROUPS:
        names = _user_groups(user)
        if CITY_COMMUNICATIONS in names:
            return True
        return bool(set(user.groups.values_list("pk", flat=True)) & group_ids)
    return False  # password-protected content is never listed


def hidden_pages_q(user):
    """Q matching pages the user may not see: restricted sections they cannot pass."""
    q = Q()
    for restriction in PageViewRestriction.objects.select_related("page").prefetch_related(
        "groups"
    ):
        group_ids = {group.pk for group in restriction.groups.all()}
        if not can_pass_restriction(user, restriction, group_ids):
            q |= Q(path__startswith=restriction.page.path)
    return q


def visible_collection_ids(user):
    hidden = Q()
    for restriction in CollectionViewRestriction.objects.select_related(
        "collection"
    ).prefetch_related("groups"):
        group_ids = {group.pk for group in restriction.groups.all()}
        if not can_pass_restriction(user, restriction, group_ids):
            hidden |= Q(path__startswith=restriction.collection.path)
    collections = Collection.objects.all()
    if hidden:
        collections = collections.exclude(hidden)
    return list(collections.values_list("pk", flat=True))


# Synonyms and spelling ---------------------------------------------------------

def expand_query(query, language):
    """The query and its variants with editors' synonyms ("garbage" → "trash", "311")."""
    normalised = normalise_query(query)
    variants = [query]
    for synonym in Synonym.objects.filter(locale__language_code=language):
        term = normalise_query(synonym.term)
        pattern = re.compile(rf"(?<!\w){re.escape(term)}(?!\w)")
        if term and pattern.search(normalised):
            for word in synonym.synonym_list():
                variant = pattern.sub(word, normalised)
                if variant not in variants:
                    variants.append(variant)
    return variants


def word_forms(word):
    """Singular and plural forms, for the database index, which has no stemming."""
    forms = [word]
    if len(word) >= 4:
        if word.endswith("es"):
            forms.append(word[:-2])
        if word.endswith("s"):
            forms.append(word[:-1])
        else:
            forms.append(word + "s")
    return forms


def query_words(text):
    """Words of a query. Split on spaces and punctuation only: Myanmar-script words contain
    combining marks that ``\\w`` does not match."""
    return re.findall(r"[^\s\"'“”‘’.,;:!?¿¡()\[\]{}<>/\\|*+=&^%$#@~`-]+", text)


def _database_variant(variant, operator):
    words = query_words(variant.lower())
    if not words:
        return PlainText(variant, operator=operator)
    parts = [Or([PlainText(form) for form in word_forms(word)]) if len(word_forms(word)) > 1
             else PlainText(word) for word in words]
    if len(parts) == 1:
        return parts[0]
    return (And if operator == "and" else Or)(parts)


def build_query(variants, operator="and", database=False):
    """One query for the query and its synonym variants.

    The engine stems words itself; for the database index each word also matches
    its singular or plural form.
    """
    if database:
        queries = [_database_variant(variant, operator) for variant in variants]
    else:
        queries = [PlainText(variant, operator=operator) for variant in variants]
    return queries[0] if len(queries) == 1 else Or(queries)


def _vocabulary(language):
    key = f"search-vocabulary:{language}"
    words = cache.get(key)
    if words is None:
        titles = Page.objects.live().filter(
            locale__language_code=language, depth__gt=1
        ).values_list("title", flat=True)[:5000]
        words = sorted({word for title in titles for word in re.findall(r"\w{3,}", title.lower())})
        words += [normalise_query(s.term) for s in Synonym.objects.filter(
            locale__language_code=language)]
        cache.set(key, words, 600)
    return words


def spelling_suggestion(query, language):
    """A corrected query from the words of the site's titles, or None ("distrcit" → "district")."""
    vocabulary = _vocabulary(language)
    words = re.findall(r"\w+", query.lower())
    corrected = []
    for word in words:
        if word in vocabulary or len(word) < 4:
            corrected.append(word)
            continue
        matches = difflib.get_close_matches(word, vocabulary, n=1, cutoff=0.75)
        corrected.append(matches[0] if matches else word)
    suggestion = " ".join(corrected)
    return suggestion if suggestion != " ".join(words) else None


# Results -----------------------------------------------------------------------

@lru_cache(maxsize=1)
def language_names():
    return {language.code: language for language in PORTAL_LANGUAGES}


def language_label(code):
    """The language's name in the active language ("Hmong", "hmoob" ...)."""
    language = language_names().get(code)
    return _(language.name) if language else code


@dataclass
class Hit:
    kind: str  # "page", "document" or "contact"
    obj: object
    score: float
    language: str | None
    type_key: str
    type_label: str = ""
    other_language: bool = False
    title: str = ""
    url: str = ""
    snippet: str = ""
    detail: str = ""
    extra: dict = field(default_factory=dict)

    @property
    def language_name(self):
        return language_label(self.language) if self.language else ""


@dataclass
class SearchOutcome:
    query: str
    language: str
    hits: list
    facets: list
    promotions: list
    backend: str
    corrected_query: str | None = None
    other_languages: bool = False
    fell_back: bool = False

    @property
    def total(self):
        return len(self.hits)


def _type_for(content_type_id):
    content_type = ContentType.objects.get_for_id(content_type_id)
    model = content_type.model_class()
    label = str(model._meta.verbose_name) if model else content_type.model
    return f"{content_type.app_label}.{content_type.model}", label


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


def _locale_id(language):
    return Locale.objects.filter(language_code=language).values_list("pk", flat=True).first()


def _page_hits(backend, query, language, user, other_languages=False):
    pages = Page.objects.live().filter(depth__gt=1)
    if other_languages:
        pages = pages.exclude(locale_id=_locale_id(language))
    else:
        pages = pages.filter(locale_id=_locale_id(language))
    hidden = hidden_pages_q(user)
    if hidden:
        pages = pages.exclude(hidden)
    results = backend.search(query, pages).annotate_score("_score")[:MAX_HITS]
    hits, seen = [], set()
    for page, score in _scored(results):
        if other_languages and page.alias_of_id:
            continue  # an untranslated copy: the original is in the list already
        if other_languages and page.translation_key in seen:
            continue
        seen.add(page.translation_key)
        type_key, type_label = _type_for(page.content_type_id)
        hits.append(Hit("page", page, score, None, type_key, type_label, other_languages))
    return hits


def _contact_hits(backend, query, language, other_languages=False):
    contacts = Contact.objects.all()
    locale = Locale.objects.filter(language_code=language).first()
    if locale is None:
        return []
    contacts = contacts.exclude(locale=locale) if other_languages else contacts.filter(
        locale=locale)
    results = backend.search(query, contacts).annotate_score("_score")[:MAX_HITS]
    label = str(Contact._meta.verbose_name)
    return [
        Hit("contact", contact, score, None, "cms.contact", label, other_languages)
        for contact, score in _scored(results)
    ]


def _document_hits(backend, query, user):
    documents = DocumentText.objects.select_related("document").filter(
        collection__in=visible_collection_ids(user)
    )
    results = backend.search(query, documents).annotate_score("_score")[:MAX_HITS]
    label = str(get_document_model()._meta.verbose_name)
    return [
        Hit("document", text, score * DOCUMENT_WEIGHT, None, "wagtaildocs.document", label)
        for text, score in _scored(results)
    ]


def _query_strings(query):
    if isinstance(query, PlainText):
        return [query.query_string]
    return [text for subquery in getattr(query, "subqueries", []) for text in
            _query_strings(subquery)]


def _title_of(hit):
    obj = hit.obj
    return getattr(obj, "title", None) or getattr(obj, "name", "") or ""


def _boost_title_matches(hits, query):
    """Lift results whose title has the words searched for, on every backend alike."""
    terms = query_terms(_query_strings(query))
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


def _collect(backend, query, language, user):
    hits = _page_hits(backend, query, language, user) + _contact_hits(backend, query, language)
    other = False
    if not hits:
        hits = _page_hits(backend, query, language, user, other_languages=True)
        hits += _contact_hits(backend, query, language, other_languages=True)
        other = bool(hits)
    hits += _document_hits(backend, query, user)
    _boost_title_matches(hits, query)
    top = max((hit.score for hit in hits), default=0) or 1
    for hit in hits:
        hit.score = hit.score / top
    hits.sort(key=lambda hit: (hit.other_language, -hit.score))
    return hits, other


def engine_configured():
    return DATABASE_BACKEND in settings.WAGTAILSEARCH_BACKENDS


def _engine_errors():
    errors = [OSError, TimeoutError]
    try:
        from opensearchpy.exceptions import OpenSearchException

        errors.append(OpenSearchException)
    except ImportError:  # pragma: no cover - the client is a dependency
        pass
    return tuple(errors)


def with_fallback(run):
    """Run ``run(backend)`` on the default backend; on an engine failure, on the database.

    Returns (result, backend name, fell back).
    """
    if engine_configured():
        try:
            return run(get_search_backend("default")), "engine", False
        except _engine_errors() as error:
            logger.warning(
                "Search engine unavailable (%s: %s); answering from the database index",
                type(error).__name__, error,
            )
            return run(get_search_backend(DATABASE_BACKEND)), "database", True
    return run(get_search_backend("default")), "database", False


def promotions_for(query, language):
    """Editors' picks for this query: pages in the visitor's language, and external links."""
    promotions = (
        SearchPromotion.objects.filter(query__query_string=normalise_query(query))
        .filter(Q(page__isnull=True) | Q(page__locale__language_code=language, page__live=True))
        .select_related("page")
        .order_by("sort_order")
    )
    return list(promotions)


def site_search(query, language, user=None, content_type=None):
    """Everything the search page and API show for ``query`` in ``language``."""
    variants = expand_query(query, language)

    def run(backend):
        database = not hasattr(backend, "es")
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
            hits, other = _collect(backend, build_query(words, operator, database), language,
                                   user)
            if hits and not other:
                return hits, other, correction
            if hits and not fallback[0]:
                fallback = (hits, other, correction)
        # Nothing in the visitor's language: the first results found in other languages.
        return fallback

    (hits, other, corrected), backend_name, fell_back = with_fallback(run)
    promotions = promotions_for(query, language)
    promoted_pages = {promotion.page_id for promotion in promotions if promotion.page_id}
    hits = [hit for hit in hits if not (hit.kind == "page" and hit.obj.pk in promoted_pages)]
    counts = {}
    for hit in hits:
        label, count = counts.get(hit.type_key, (hit.type_label, 0))
        counts[hit.type_key] = (label, count + 1)
    facets = sorted(
        ({"key": key, "label": label, "count": count} for key, (label, count) in counts.items()),
        key=lambda facet: (-facet["count"], facet["label"]),
    )
    if content_type:
        hits = [hit for hit in hits if hit.type_key == content_type]
    return SearchOutcome(
        query=query, language=language, hits=hits, facets=facets, promotions=promotions,
        backend=backend_name, corrected_query=corrected, other_languages=other,
        fell_back=fell_back,
    )


# Presenting one page of results --------------------------------------------------

STRUCTURAL_KEYS = {"id", "type", "level", "tone", "style", "page", "url", "image", "document"}


def _stream_texts(raw):
    if isinstance(raw, str):
        return [] if re.fullmatch(r"h[1-6]", raw) else [strip_tags(raw)]
    if isinstance(raw, dict):
        return [text for key, value in raw.items() if key not in STRUCTURAL_KEYS
                for text in _stream_texts(value)]
    if isinstance(raw, list | tuple):
        return [text for item in raw for text in _stream_texts(item)]
    return []


def searchable_text(obj):
    """Plain text of an object's search fields, without database queries."""
    from wagtail.search import index

    texts = []
    for search_field in type(obj).get_search_fields():
        if not isinstance(search_field, index.SearchField) or search_field.field_name == "title":
            continue
        value = getattr(obj, search_field.field_name, None)
        if value is None:
            continue
        raw = getattr(value, "raw_data", None)
        if raw is not None:
            texts.extend(_stream_texts(list(raw)))
        elif isinstance(value, str):
            texts.append(strip_tags(value))
    search_description = getattr(obj, "search_description", "")
    if search_description:
        texts.insert(0, search_description)
    return " ".join(" ".join(texts).split())


def query_terms(queries):
    terms = set()
    for text in queries:
        for word in re.findall(r"\w+", text.lower()):
            if len(word) >= 2:
                terms.add(word[:5] if len(word) > 5 else word)
    return sorted(terms, key=len, reverse=True)


def highlight(text, terms, length=220):
    """Safe HTML: an excerpt of ``text`` around the first match, matches wrapped in <mark>."""
    if not text:
        return ""
    if not terms:
        excerpt = text[:length]
        return escape(excerpt + ("…" if len(text) > length else ""))
    pattern = re.compile(r"(?<!\w)(" + "|".join(re.escape(t) for t in terms) + r")\w*", re.I)
    match = pattern.search(text)
    start = max(0, match.start() - 60) if match else 0
    if start:
        space = text.find(" ", start)
        start = space + 1 if 0 <= space < start + 20 else start
    end = min(len(text), start + length)
    excerpt = text[start:end]
    parts, position = [], 0
    for found in pattern.finditer(excerpt):
        parts.append(escape(excerpt[position:found.start()]))
        parts.append(f"<mark>{escape(found.group(0))}</mark>")
        position = found.end()
    parts.append(escape(excerpt[position:]))
    html = "".join(parts)
    return mark_safe(("…" if start else "") + html + ("…" if end < len(text) else ""))  # noqa: S308


def present(hits, query, outcome, request=None):
    """Fill title, URL, language, snippet of the hits on one page, in few queries."""
    terms = query_terms(expand_query(outcome.corrected_query or query, outcome.language))
    page_ids = [hit.obj.pk for hit in hits if hit.kind == "page"]
    specific, alias_languages = {}, {}
    if page_ids:
        specific = {
            page.pk: page
            for page in Page.objects.filter(pk__in=page_ids).select_related("locale").specific()
        }
        alias_ids = [page.alias_of_id for page in specific.values() if page.alias_of_id]
        alias_languages = dict(
            Page.objects.filter(pk__in=alias_ids).values_list("pk", "locale__language_code")
        )
    locales = dict(Locale.objects.values_list("pk", "language_code"))
    for hit in hits:
        if hit.kind == "page":
            page = specific.get(hit.obj.pk, hit.obj)
            hit.obj = page
            hit.title = page.title
            hit.url = page.get_url(request) or ""
            hit.language = alias_languages.get(page.alias_of_id) or locales.get(page.locale_id)
            hit.snippet = highlight(searchable_text(page), terms)
        elif hit.kind == "contact":
            contact = hit.obj
            hit.title = contact.name
            hit.url = contact.url or (f"mailto:{contact.email}" if contact.email else "")
            hit.language = locales.get(contact.locale_id)
            hit.snippet = highlight(" — ".join(
                part for part in (contact.department, contact.description) if part), terms)
            hit.detail = " · ".join(part for part in (contact.phone, contact.email,
                                                      contact.hours) if part)
        else:
            document = hit.obj.document
            hit.title = document.title
            hit.url = document.url
            hit.language = None
            hit.snippet = highlight(hit.obj.text, terms)
    return hits


# Autocomplete ------------------------------------------------------------------

MAX_SUGGESTIONS = 8


def suggestions(query, language, user=None):
    """Titles that start with what the visitor typed: their language first, then others."""

    def run(backend):
        pages = Page.objects.live().filter(depth__gt=1)
        hidden = hidden_pages_q(user)
        if hidden:
            pages = pages.exclude(hidden)
        locale_id = _locale_id(language)
        candidates = list(backend.autocomplete(
            query, pages.filter(locale_id=locale_id))[:MAX_SUGGESTIONS * 5])
        # Titles that begin with the typed words first, the shortest (most general) of
        # those first; otherwise the backend's order.
        typed = query.strip().casefold()
        candidates.sort(key=lambda page: (not page.title.casefold().startswith(typed),
                                          len(page.title) if page.title.casefold().startswith(
                                              typed) else 0))
        found = candidates[:MAX_SUGGESTIONS]
        if not found:
            others = backend.autocomplete(
                query, pages.exclude(locale_id=locale_id))[:MAX_SUGGESTIONS * 3]
            found = [page for page in others if not page.alias_of_id][:MAX_SUGGESTIONS]
        return found

    pages, _backend, _fell_back = with_fallback(run)
    languages = dict(Locale.objects.values_list("pk", "language_code"))
    return [
        {
            "title": page.title,
            "url": page.get_url() or "",
            "language": languages.get(page.locale_id),
        }
        for page in pages
    ]
