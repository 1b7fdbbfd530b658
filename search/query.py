"""What the visitor typed: validation, editors' synonyms, and the query sent to a backend."""

import re

from modelsearch.query import And, Or, PlainText
from wagtail.models import Locale

from cms.api.params import MAX_SEARCH_LENGTH, ParameterError, search_text
from search.models import Synonym, normalise_query

MAX_QUERY_LENGTH = MAX_SEARCH_LENGTH


class SearchQueryError(ValueError):
    """A query we refuse to run; the message is for the visitor, in their language."""


def clean_query(raw, required=False):
    """The stripped query, by the input toolkit's rule for search text, or SearchQueryError."""
    try:
        return search_text({"q": raw}, "q", required=required)
    except ParameterError as error:
        raise SearchQueryError(error.message) from None


def locale_id(language):
    """The id of the locale a query is searched in, or None when the site has no such locale."""
    return Locale.objects.filter(language_code=language).values_list("pk", flat=True).first()


# Synonyms ----------------------------------------------------------------------


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


# Words -------------------------------------------------------------------------


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


def query_terms(queries):
    """Word stems (up to five letters) of the query strings, longest first, for matching."""
    terms = set()
    for text in queries:
        for word in re.findall(r"\w+", text.lower()):
            if len(word) >= 2:
                terms.add(word[:5] if len(word) > 5 else word)
    return sorted(terms, key=len, reverse=True)


# The query a backend runs ------------------------------------------------------


def _database_variant(variant, operator):
    words = query_words(variant.lower())
    if not words:
        return PlainText(variant, operator=operator)
    parts = [
        Or([PlainText(form) for form in word_forms(word)])
        if len(word_forms(word)) > 1
        else PlainText(word)
        for word in words
    ]
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


def query_strings(query):
    """The plain strings inside a query built by :func:`build_query`."""
    if isinstance(query, PlainText):
        return [query.query_string]
    return [
        text for subquery in getattr(query, "subqueries", []) for text in query_strings(subquery)
    ]
