"""The toolkit every API endpoint is built with.

- ``params``: reading query parameters, with errors in the caller's language.
- ``errors``: Wagtail's own API errors, translated.
- ``listing``: the ``{"meta": ..., "items": [...]}`` envelope and a base viewset.
- ``openapi``: public helpers apps use to describe their endpoints in ``/api/schema/``.
- ``pages``: the pages, images and documents endpoints.
- ``router``: the ``/api/v2/`` router; apps add endpoints through a hook.
- ``schema``: ``/api/schema/``, the OpenAPI description of every endpoint.
"""
