"""Handlers behind the routes of routable pages, without models importing views.

Wagtail finds a routable page's URLs on its model, so the ``@path`` methods stay there;
each one hands the request to the handler registered here under its name (``dispatch``).
An app's ``views`` module registers its handlers with ``@handles(name)`` when it is
imported, which the app's ``AppConfig.ready()`` makes sure of. Models import this module
only, never views or feeds. Route names are unique across the project.
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
        raise LookupError(
            f"No handler for route {name!r}: is the app's views module imported in ready()?"
        ) from None
    return view(page, request, **kwargs)
