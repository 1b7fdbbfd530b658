"""Plain text out of StreamField values, for search, excerpts and indexing.

One function, so search results, engine documents and excerpts agree on what the text of
a page is: words a reader sees, without block types, ids, styles or link targets.
"""

import re

from django.utils.html import strip_tags

# Keys of block values that hold structure or references, not words a visitor reads.
STRUCTURAL_KEYS = frozenset(
    {"id", "type", "level", "tone", "style", "page", "url", "image", "document"}
)
_HEADING_LEVEL = re.compile(r"h[1-6]")


def stream_texts(value):
    """Every piece of visible text in a StreamField value (or its raw JSON), in order."""
    raw = getattr(value, "raw_data", None)
    if raw is not None:
        value = list(raw)
    if isinstance(value, str):
        return [] if _HEADING_LEVEL.fullmatch(value) else [strip_tags(value)]
    if isinstance(value, dict):
        return [
            text
            for key, item in value.items()
            if key not in STRUCTURAL_KEYS
            for text in stream_texts(item)
        ]
    if isinstance(value, list | tuple):
        return [text for item in value for text in stream_texts(item)]
    # Numbers in raw block JSON are chooser ids (contact, photo, pages), never words.
    return []


def streamfield_text(value):
    """The visible text of a StreamField value as one string with single spaces."""
    return " ".join(" ".join(stream_texts(value)).split())
