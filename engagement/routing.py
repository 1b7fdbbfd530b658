"""Handlers behind the routes of routable pages, without models importing views.

Wagtail finds a routable page's URLs on its model, so the ``@path`` methods stay
there; each one hands the request to the handler registered here under its name.
``engagement.views`` registers the handlers with ``@handles(name)`` when it is
imported, which ``EngagementConfig.ready()`` makes sure of. The models import
this module only, never the views.
"""

_handlers = {}


def handles(name):
    """Register the decorated view function as the handler of route ``name``."""

    def register(view):
        if name in _handlers:
            raise ValueError(f"Route handler {name!r} is registered twice.")
        _handlers[name] = view
        return view

    return register


def dispatch(name, page, request, **kwargs):
    """Serve ``request`` for ``page`` with the handler of route ``name``."""
    try:
        view = _handlers[name]
    except KeyError:
        raise LookupError(f"No handler for route {name!r}; is engagement.views imported?") from None
    return view(page, request, **kwargs)
