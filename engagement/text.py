"""The text whose reading grade an explainer shows.

Not a general StreamField flattener (that is ``cms.text.streamfield_text``): the
grade counts sentences, so each step's title ends a sentence and each part is
its own paragraph, and only the words residents read as prose are measured.
"""


def process_text(intro, steps):
    """The introduction, each step's title and its rich text, a paragraph each."""
    parts = [intro]
    for block in steps or []:
        value = block.value
        parts.append(value["title"] + ".")
        for name in ("what_happens", "your_say"):
            if value.get(name):
                parts.append(value[name].source)
    return "\n\n".join(parts)
