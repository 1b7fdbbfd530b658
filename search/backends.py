"""OpenSearch backend with per-language analysis, for when ``SEARCH_URL`` is set.

Wagtail keeps every page type in one index. Next to Wagtail's own fields, each
document gets its text once more in a field analysed for the language the text
is written in (the locale of the content, so an untranslated alias is analysed
as the language it shows):

- ``_text_en``: English stemming (``councils`` finds ``council``);
- ``_text_es``: Spanish stemming (``consejos`` finds ``consejo``);
- ``_text_folded``: standard tokenising, lower case and ASCII folding, for Hmong,
  Somali and any language without a stemmer in the engine;
- ``_text_ngram``: character n-grams for Karen, written in Myanmar script without
  spaces between words, so a word is found inside a longer run of letters.

Queries match Wagtail's fields and these fields (with typo tolerance), so a
misspelling such as "distrcit council" still finds the district councils.
"""

import logging
import time

from modelsearch.query import Fuzzy, Or, PlainText
from wagtail.search import index
from wagtail.search.backends.opensearch2 import (
    OpenSearch2Index,
    OpenSearch2Mapping,
    OpenSearch2SearchBackend,
    OpenSearch2SearchQueryCompiler,
    OpenSearch2SearchResults,
)

from cms.text import streamfield_text

logger = logging.getLogger(__name__)

ANALYSERS = {"en": "portal_english", "es": "portal_spanish", "folded": "portal_folded"}
LANGUAGE_FIELDS = {"en": "_text_en", "es": "_text_es"}
FOLDED_FIELD = "_text_folded"
TITLE_FIELDS = [f"_title_{key}" for key in ANALYSERS]
TITLE_BOOST = 3
NGRAM_FIELD = "_text_ngram"
NGRAM_LANGUAGES = {"ksw"}
INDEX_RETRIES = 3

ANALYSIS = {
    "filter": {
        "portal_english_stop": {"type": "stop", "stopwords": "_english_"},
        "portal_english_stemmer": {"type": "stemmer", "language": "english"},
        "portal_english_possessive": {"type": "stemmer", "language": "possessive_english"},
        "portal_spanish_stop": {"type": "stop", "stopwords": "_spanish_"},
        "portal_spanish_stemmer": {"type": "stemmer", "language": "light_spanish"},
        "portal_ngram": {"type": "ngram", "min_gram": 2, "max_gram": 4},
    },
    "analyzer": {
        "portal_english": {
            "tokenizer": "standard",
            "filter": [
                "portal_english_possessive",
                "lowercase",
                "portal_english_stop",
                "asciifolding",
                "portal_english_stemmer",
            ],
        },
        "portal_spanish": {
            "tokenizer": "standard",
            "filter": [
                "lowercase",
                "portal_spanish_stop",
                "asciifolding",
                "portal_spanish_stemmer",
            ],
        },
        "portal_folded": {"tokenizer": "standard", "filter": ["lowercase", "asciifolding"]},
        "portal_ngram": {
            "tokenizer": "standard",
            "filter": ["lowercase", "asciifolding", "portal_ngram"],
        },
        # Wagtail's own fields (title, _all_text) fold accents too: "telefono" = "teléfono".
        "default": {"tokenizer": "standard", "filter": ["lowercase", "asciifolding"]},
    },
}


def content_language(obj):
    """Language of the text an object carries: an alias shows its source page's text."""
    alias_of = getattr(obj, "alias_of", None) if getattr(obj, "alias_of_id", None) else None
    locale = getattr(alias_of or obj, "locale", None)
    return locale.language_code if locale is not None else None


class PortalMapping(OpenSearch2Mapping):
    def get_mapping(self):
        mapping = super().get_mapping()
        for key, analyser in ANALYSERS.items():
            mapping["properties"][f"_text_{key}"] = {"type": "text", "analyzer": analyser}
            mapping["properties"][f"_title_{key}"] = {"type": "text", "analyzer": analyser}
        mapping["properties"].update(
            {
                NGRAM_FIELD: {
                    "type": "text",
                    "analyzer": "portal_ngram",
                    "search_analyzer": "portal_ngram",
                },
            }
        )
        return mapping

    def get_document(self, obj):
        doc = super().get_document(obj)
        # The words of every search field, one field a line: Wagtail has turned each value
        # (a StreamField too) into text or a list of texts already.
        texts = [
            streamfield_text(doc.get(self.get_field_column_name(field)))
            for field in self.model.get_search_fields()
            if isinstance(field, index.SearchField)
        ]
        text = "\n".join(text for text in texts if text)
        language = content_language(obj)
        key = language if language in LANGUAGE_FIELDS else "folded"
        doc[f"_text_{key}"] = text
        title = getattr(obj, "title", None) or getattr(obj, "name", None)
        if title:
            doc[f"_title_{key}"] = str(title)
        if language in NGRAM_LANGUAGES:
            doc[NGRAM_FIELD] = text
        return doc


class PortalIndex(OpenSearch2Index):
    def add_items(self, model, items):
        """Retry a failed bulk request, so a busy node does not leave holes in a rebuild."""
        items = list(items)
        for attempt in range(1, INDEX_RETRIES + 1):
            try:
                return super().add_items(model, items)
            except Exception:
                if attempt == INDEX_RETRIES:
                    raise
                logger.warning(
                    "Indexing %d %s failed (attempt %d of %d); retrying",
                    len(items),
                    model._meta.label,
                    attempt,
                    INDEX_RETRIES,
                )
                time.sleep(0.5 * attempt)


class PortalQueryCompiler(OpenSearch2SearchQueryCompiler):
    mapping_class = PortalMapping

    def _language_clause(self, query_string, operator):
        match = {
            "query": query_string,
            "fields": [*LANGUAGE_FIELDS.values(), FOLDED_FIELD],
            "fuzziness": "AUTO",
            "prefix_length": 1,
        }
        if operator and operator != "or":
            match["operator"] = operator
        title = {**match, "fields": TITLE_FIELDS, "boost": TITLE_BOOST}
        ngram = {"match": {NGRAM_FIELD: {"query": query_string, "operator": "and"}}}
        return [{"multi_match": match}, {"multi_match": title}, ngram]

    def get_inner_query(self):
        inner = super().get_inner_query()
        if self.fields:
            return inner
        queries = self.query.subqueries if isinstance(self.query, Or) else [self.query]
        should = [inner]
        for query in queries:
            if isinstance(query, PlainText | Fuzzy):
                should.extend(self._language_clause(query.query_string, query.operator))
        if len(should) == 1:
            return inner
        return {"bool": {"should": should, "minimum_should_match": 1}}


class PortalSearchResults(OpenSearch2SearchResults):
    pass


class PortalSearchBackend(OpenSearch2SearchBackend):
    mapping_class = PortalMapping
    index_class = PortalIndex
    query_compiler_class = PortalQueryCompiler
    results_class = PortalSearchResults
    settings = {
        "settings": {
            **OpenSearch2SearchBackend.settings["settings"],
            "analysis": {
                key: {
                    **OpenSearch2SearchBackend.settings["settings"]["analysis"].get(key, {}),
                    **ANALYSIS.get(key, {}),
                }
                for key in ("analyzer", "tokenizer", "filter")
            },
        }
    }


SearchBackend = PortalSearchBackend
