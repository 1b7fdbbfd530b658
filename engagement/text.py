"""Plain text of an explainer, for its reading grade.

Engagement's own flattener until the project's shared
``cms.text.streamfield_text`` is available.
"""


def process_text(intro, steps):
    """The introduction, each step's title and its rich text, as plain-ish text."""
    parts = [intro]
    for block in steps or []:
        value = block.value
        parts.append(value["title"] + ".")
        for name in ("what_happens", "your_say"):
            if value.get(name):
                parts.append(value[name].source)
    return "\n\n".join(parts)
