"""Suggestions: page titles as the visitor types, and a spelling correction for a query."""

import difflib
import re

from django.core.cache import cache

from wagtail.models import Locale, Page

from cms.visibility import visible_pages
from search.fallback import with_fallback
from search.models import Synonym, normalise_query
from search.query import locale_id

MAX_SUGGESTIONS = 8
VOCABULARY_TIMEOUT = 600


# Spelling ----------------------------------------------------------------------


def _vocabulary(language):
    key = f"search-vocabulary:{language}"
    words = cache.get(key)
    if words is None:
        # Shared by every visitor: words of private titles never become suggestions.
        titles = (
            visible_pages(None, Page.objects.live())
            .filter(locale__language_code=language, depth__gt=1)
            .values_list("title", flat=True)[:5000]
        )
        words = sorted({word for title in titles for word in re.findall(r"\w{3,}", title.lower())})
        words += [
            normalise_query(s.term) for s in Synonym.objects.filter(locale__language_code=language)
        ]
        cache.set(key, words, VOCABULARY_TIMEOUT)
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


# Autocomplete ------------------------------------------------------------------


def _typed_first(pages, query):
    """Titles that begin with the typed words first, the shortest (most general) of those
    first; otherwise the backend's order."""
    typed = query.strip().casefold()

    def key(page):
        starts = page.title.casefold().startswith(typed)
        return (not starts, len(page.title) if starts else 0)

    return sorted(pages, key=key)


def suggestions(query, language, user=None):
    """Titles that start with what the visitor typed: their language first, then others."""

    def run(backend):
        pages = visible_pages(user, Page.objects.live().filter(depth__gt=1))
        language_id = locale_id(language)
        candidates = list(
            backend.autocomplete(query, pages.filter(locale_id=language_id))[: MAX_SUGGESTIONS * 5]
        )
        found = _typed_first(candidates, query)[:MAX_SUGGESTIONS]
        if not found:
            others = backend.autocomplete(query, pages.exclude(locale_id=language_id))[
                : MAX_SUGGESTIONS * 3
            ]
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
