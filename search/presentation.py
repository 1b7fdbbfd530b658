"""Search results as shown: result objects, language and type labels, snippets with matches."""

import re
from dataclasses import dataclass, field
from functools import lru_cache
from html import unescape

from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.utils.html import escape, strip_tags
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from wagtail.models import Page
from wagtail.search import index

from cms.languages import PORTAL_LANGUAGES
from cms.locales import all_locales
from cms.page_cache import generation
from cms.text import stream_texts
from cms.text_language import attach_sources, language_of
from search.query import expand_query, query_terms

SNIPPET_LENGTH = 220
TEXT_SECONDS = 60 * 60


# Labels ------------------------------------------------------------------------


@lru_cache(maxsize=1)
def language_names():
    return {language.code: language for language in PORTAL_LANGUAGES}


def language_label(code):
    """The language's name in the active language ("Hmong", "hmoob" ...)."""
    language = language_names().get(code)
    return _(language.name) if language else code


def type_for(content_type_id):
    """(facet key, label) of a content type: ("cms.contentpage", "content page")."""
    content_type = ContentType.objects.get_for_id(content_type_id)
    model = content_type.model_class()
    label = str(model._meta.verbose_name) if model else content_type.model
    return f"{content_type.app_label}.{content_type.model}", label


# Result objects ----------------------------------------------------------------


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
    snippet_language: str | None = None  # when not the result's own (see snippet_language)
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


# Snippets ----------------------------------------------------------------------


def searchable_text(obj):
    """Plain text of an object's search fields, without database queries."""
    texts = []
    for search_field in type(obj).get_search_fields():
        if not isinstance(search_field, index.SearchField) or search_field.field_name == "title":
            continue
        value = getattr(obj, search_field.field_name, None)
        if value is None:
            continue
        if getattr(value, "raw_data", None) is not None:
            texts.extend(stream_texts(value))
        elif isinstance(value, str):
            texts.append(strip_tags(value))
    search_description = getattr(obj, "search_description", "")
    if search_description:
        texts.insert(0, search_description)
    return " ".join(" ".join(texts).split())


def highlight(text, terms, length=SNIPPET_LENGTH):
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
        parts.append(escape(excerpt[position : found.start()]))
        parts.append(f"<mark>{escape(found.group(0))}</mark>")
        position = found.end()
    parts.append(escape(excerpt[position:]))
    html = "".join(parts)
    return mark_safe(("…" if start else "") + html + ("…" if end < len(text) else ""))  # noqa: S308


def snippet_language(text, snippet):
    """A translation's snippet drawn wholly from text no one has translated yet is in the
    source's language. ``text`` is the page's entry from :func:`page_texts`."""
    source_language, source_text = text["source_language"], text["source_text"]
    if not source_language or not snippet:
        return None
    plain = " ".join(unescape(strip_tags(snippet)).strip("…").split())
    return source_language if plain and plain in source_text else None


# One page of results -----------------------------------------------------------


def _text_key(stamp, page):
    published = page.last_published_at.timestamp() if page.last_published_at else 0
    return f"portal:search-text:{stamp}:{page.pk}:{published}"


def _read_texts(pages):
    """Each page's searchable text and its source's, read from the specific pages: a query
    per page type, and for translations the three of ``attach_sources``."""
    ids_by_type = {}
    for page in pages:
        if page.specific_class is not None:
            ids_by_type.setdefault(page.specific_class, []).append(page.pk)
    specific = {}
    for model, ids in ids_by_type.items():
        specific.update((page.pk, page) for page in model.objects.filter(pk__in=ids))
    attach_sources(list(specific.values()))
    texts = {}
    for page in pages:
        page = specific.get(page.pk, page)
        source = page.__dict__.get("_source_page")
        texts[page.pk] = {
            "text": searchable_text(page),
            "source_language": language_of(source) if source is not None else None,
            "source_text": searchable_text(source) if source is not None else "",
        }
    return texts


def page_texts(pages):
    """``{page id: {"text", "source_language", "source_text"}}`` for the snippets.

    The texts live in the cache, keyed by each page's publish time and the page cache's
    generation (which every publish, move or translation sync changes): a results page
    reads them in one cache call whatever mix of page types it lists, and the database only
    for pages no recent search has shown.
    """
    stamp = generation()
    keys = {page.pk: _text_key(stamp, page) for page in pages}
    cached = cache.get_many(list(keys.values()))
    texts = {pk: cached[key] for pk, key in keys.items() if key in cached}
    missing = [page for page in pages if page.pk not in texts]
    if missing:
        read = _read_texts(missing)
        cache.set_many({keys[pk]: text for pk, text in read.items()}, TEXT_SECONDS)
        texts.update(read)
    return texts


def present(hits, query, outcome, request=None):
    """Fill title, URL, language, snippet of the hits on one page, in few queries."""
    terms = query_terms(expand_query(outcome.corrected_query or query, outcome.language))
    pages = [hit.obj for hit in hits if hit.kind == "page"]
    texts = page_texts(pages) if pages else {}
    alias_ids = [page.alias_of_id for page in pages if page.alias_of_id]
    alias_languages = dict(
        Page.objects.filter(pk__in=alias_ids).values_list("pk", "locale__language_code")
    )
    locales = {locale.pk: locale.language_code for locale in all_locales()}
    for hit in hits:
        if hit.kind == "page":
            page = hit.obj
            text = texts[page.pk]
            hit.title = page.title
            hit.url = page.get_url(request) or ""
            hit.language = alias_languages.get(page.alias_of_id) or locales.get(page.locale_id)
            hit.snippet = highlight(text["text"], terms)
            hit.snippet_language = snippet_language(text, hit.snippet)
        elif hit.kind == "contact":
            contact = hit.obj
            hit.title = contact.name
            hit.url = contact.url or (f"mailto:{contact.email}" if contact.email else "")
            hit.language = locales.get(contact.locale_id)
            hit.snippet = highlight(
                contact.description,
                terms,
            )
            hit.detail = " · ".join(
                part for part in (contact.phone, contact.email, contact.hours) if part
            )
        else:
            document = hit.obj.document
            hit.title = document.title
            hit.url = document.url
            hit.language = None
            hit.snippet = highlight(hit.obj.text, terms)
    return hits
