"""Service topics as residents see them: visible topics of one language, by category,
filtered by what was typed (the same matching the page's script does as you type)."""

import unicodedata

from cms.visibility import visible_pages
from engagement.intake.choices import ServiceCategory
from engagement.models import ServiceTopicPage


def fold(text):
    """Lower case without accents, so "bache" matches "Baché" and "qhov av" matches itself."""
    decomposed = unicodedata.normalize("NFKD", str(text).casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def topic_terms(topic):
    """What the filter box matches against: title, words residents use, description."""
    return fold(" ".join([topic.title, topic.synonyms, topic.description]))


def visible_topics(index, user):
    """Live topics under ``index`` that ``user`` may see, by title, in one query."""
    topics = (
        ServiceTopicPage.objects.child_of(index)
        .live()
        .select_related("alias_of__locale", "locale", "explainer", "contact_point")
        .order_by("title")
    )
    return list(visible_pages(user, topics))


def matches(topic, query):
    words = fold(query).split()
    terms = topic_terms(topic) + " " + fold(topic.get_category_display())
    return all(word in terms for word in words)


def by_category(topics, query=""):
    """``[(category value, label, [topics])]`` in the categories' order, empty ones left out."""
    groups = {category.value: [] for category in ServiceCategory}
    for topic in topics:
        if not query or matches(topic, query):
            groups.setdefault(topic.category, []).append(topic)
    return [
        (category.value, category.label, groups[category.value])
        for category in ServiceCategory
        if groups[category.value]
    ]
