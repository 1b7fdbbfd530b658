from urllib.parse import urlencode

from django import template
from django.urls import reverse

register = template.Library()


@register.simple_tag
def result_link(hit, query, position):
    """Internal results go through the click counter; external links go straight there."""
    if not hit.url.startswith("/") or hit.url.startswith("//"):
        return hit.url
    params = urlencode({"q": query, "pos": position, "to": hit.url})
    return f"{reverse('search_click')}?{params}"


@register.simple_tag
def search_url(query, content_type=None, page=None):
    params = {"q": query}
    if content_type:
        params["type"] = content_type
    if page:
        params["page"] = page
    return f"{reverse('search')}?{urlencode(params)}"
