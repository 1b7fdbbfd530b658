"""Page feedback: "Was this page helpful?" on every public page, and translation reports.

The widget on a page is a plain GET form and link to ``/<lang>/feedback/<page id>/``, so the
page itself holds no per-visitor token and stays in the whole-page cache; the feedback page
carries the CSRF token, the comment box and the honeypot, and is never cached.
"""
