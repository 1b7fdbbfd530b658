"""URLs of the benchmark server: the whole site, plus the ceiling it is measured against.

The ceiling is the cheapest answer the same server can give — one Django view through the
same middleware, no template and no query — so a page's requests per second divided by the
ceiling's, measured in the same run, says how much of the machine the page's own work takes.
Only ``cms.settings.benchmark`` routes here.
"""

from django.http import HttpResponse
from django.urls import path

from cms.urls import handler404, handler500
from cms.urls import urlpatterns as site_urlpatterns

CEILING_PATH = "/_benchmark/ceiling/"


def ceiling(request):
    return HttpResponse(b"hello", content_type="text/plain")


urlpatterns = [path(CEILING_PATH.strip("/") + "/", ceiling), *site_urlpatterns]

__all__ = ["handler404", "handler500", "urlpatterns"]
