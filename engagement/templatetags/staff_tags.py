"""Template tags of the staff hub's pages: what a page shows beside its own fields."""

from django import template

from engagement.staff import queries

register = template.Library()


@register.simple_tag(takes_context=True)
def guidance_related(context, page):
    """``{% guidance_related page as related %}``: departments, contact points, topics."""
    return queries.guidance_related(page, context["request"].user)


@register.simple_tag
def staff_list_entries(page):
    """``{% staff_list_entries page as entries %}``: rows with their departments."""
    return queries.staff_list_entries(page)


@register.simple_tag(takes_context=True)
def top_topics(context, page):
    """``{% top_topics page as topics %}``: each topic with its answer page to link to."""
    return queries.top_topics(page, context["request"].user)
