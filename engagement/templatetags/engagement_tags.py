"""Template helpers for events and explainers."""

from django import template
from django.utils import formats

from engagement.choices import LANGUAGES, TOPICS, EventFormat, EventStatus
from engagement.recurrence import city_zone

register = template.Library()


@register.filter
def local(moment):
    """The moment in the city's time zone."""
    return moment.astimezone(city_zone()) if moment else moment


@register.filter
def status_label(code):
    return dict(EventStatus.choices).get(code, "")


@register.filter
def format_label(code):
    return dict(EventFormat.choices).get(code, "")


@register.filter
def topic_label(code):
    return dict(TOPICS).get(code, code)


@register.filter
def language_label(code):
    return dict(LANGUAGES).get(code, code)


@register.filter
def codes(value):
    return [code for code in (value or "").split(",") if code]


@register.filter
def grade(value):
    return formats.number_format(value, 1) if value is not None else ""
