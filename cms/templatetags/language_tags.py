"""Language of parts: every piece of text carries the ``lang`` of the language it is in.

Two block tags, nested freely (WCAG 3.1.2):

    {% content_lang update %}<li class="dc-update">…</li>{% endcontent_lang %}
    {% ui %}<p class="small">{{ update.date|date }}</p>{% endui %}

``content_lang thing`` renders its block as written in ``thing``'s language (see
``cms.text_language.language_of``: a page, snippet, link, search hit, API item or code);
``ui`` as written in the visitor's language (interface text: labels, dates, counts).
Each adds ``lang`` and ``dir`` only where that language differs from the one around it,
so a fully translated page is unchanged. The attributes go on the block's element when
the block is one element; otherwise the block is wrapped in a ``<span>`` (or a ``<div>``
when it holds block-level elements).

``page|part:value`` is the language of one field or block of ``page`` (a translation may
still show some of its source's text); ``pages|with_sources`` prepares a list of pages for
``part`` in a constant number of queries.

``single_language thing`` is for places that hold one language only, such as
``<title>``: everything inside, interface words included, is rendered in ``thing``'s
language and marked with it.
"""

import re

from django import template
from django.utils import translation
from django.utils.html import escape
from django.utils.safestring import mark_safe

from cms.text_language import (
    attach_sources,
    direction,
    in_language,
    language_of,
    part_language,
)

register = template.Library()

# The language of the text around the current point of a template (the visitor's at first).
AROUND = "_language_around"

TAG = re.compile(r"<!--.*?-->|<(/?)([a-zA-Z][a-zA-Z0-9-]*)\b[^>]*?(/?)>", re.S)
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
        "track", "wbr"}  # fmt: skip
BLOCK = {"address", "article", "aside", "blockquote", "details", "div", "dl", "fieldset",
         "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li",
         "main", "nav", "ol", "p", "pre", "section", "table", "ul"}  # fmt: skip


def language_around(context):
    return context.get(AROUND) or translation.get_language()


def _one_element(html):
    """Whether ``html`` (stripped) is exactly one element, and whether any of its top-level
    parts is a block-level element."""
    depth, first_closed_at, has_block = 0, None, False
    for match in TAG.finditer(html):
        closing, name = match.group(1), (match.group(2) or "").lower()
        if not name:
            continue  # a comment
        if depth == 0:
            if first_closed_at is not None and match.start() >= first_closed_at:
                first_closed_at = -1  # a second top-level element
            has_block = has_block or name in BLOCK
        if closing:
            depth -= 1
            if depth == 0 and first_closed_at is None:
                first_closed_at = match.end()
        elif name not in VOID and not match.group(3):
            depth += 1
        elif depth == 0 and first_closed_at is None:
            first_closed_at = match.end()
    single = html.startswith("<") and first_closed_at == len(html)
    return single, has_block


def mark(html, language):
    """``html`` with ``lang``/``dir`` on its one element, or wrapped in an element that has them."""
    attributes = f' lang="{escape(language)}" dir="{direction(language)}"'
    stripped = html.strip()
    if not stripped:
        return html
    single, has_block = _one_element(stripped)
    if single:
        start = TAG.match(stripped)
        if " lang=" not in start.group(0):
            end = start.end() - (2 if start.group(3) else 1)  # before ">" or "/>"
            return mark_safe(stripped[:end] + attributes + stripped[end:])  # noqa: S308
        return html
    wrapper = "div" if has_block else "span"
    return mark_safe(f"<{wrapper}{attributes}>{stripped}</{wrapper}>")  # noqa: S308


class LanguageNode(template.Node):
    """Renders its block as text in one language, marked where it differs from around it."""

    def __init__(self, nodelist, thing=None, whole=False):
        self.nodelist, self.thing, self.whole = nodelist, thing, whole

    def render(self, context):
        around = language_around(context)
        if self.thing is None:
            language = translation.get_language()
        else:
            language = language_of(self.thing.resolve(context)) or around
        with context.push({AROUND: language}):
            if self.whole:
                with translation.override(language):
                    html = self.nodelist.render(context)
            else:
                html = self.nodelist.render(context)
        return mark(html, language) if language != around else html


def _block(parser, token, whole=False, takes_thing=True):
    bits = token.split_contents()
    if len(bits) != (2 if takes_thing else 1):
        raise template.TemplateSyntaxError(
            f"{bits[0]} takes {'one argument' if takes_thing else 'no arguments'}"
        )
    nodelist = parser.parse((f"end{bits[0]}",))
    parser.delete_first_token()
    thing = parser.compile_filter(bits[1]) if takes_thing else None
    return LanguageNode(nodelist, thing, whole)


@register.tag
def content_lang(parser, token):
    """``{% content_lang thing %}…{% endcontent_lang %}``: text in ``thing``'s language."""
    return _block(parser, token)


@register.tag
def ui(parser, token):
    """``{% ui %}…{% endui %}``: interface text, in the visitor's language."""
    return _block(parser, token, takes_thing=False)


@register.tag
def single_language(parser, token):
    """``{% single_language page %}<title>…</title>{% endsingle_language %}``: all in one
    language, interface words included (for elements that cannot mix languages)."""
    return _block(parser, token, whole=True)


@register.filter
def part(page, value):
    """``{% content_lang page|part:page.intro %}``: the language of that piece of ``page``."""
    return part_language(page, value)


@register.filter
def with_sources(pages):
    """``{% for council in councils|with_sources %}``: ``part`` without a query per page."""
    return attach_sources(list(pages))


@register.filter
def in_language_of(text, thing):
    """``{% blocktranslate with term=term.term|in_language_of:term %}``: a name from content
    inside an interface sentence, marked with its own language where it differs."""
    return in_language(text, language_of(thing))
