"""Signed, expiring preview links so an external front end can show drafts.

An editor asks for a link in the admin; the link carries a signed token for
one revision. The front end exchanges the token at ``/api/v2/preview/`` for
the draft page in the same JSON shape as ``/api/v2/pages/<id>/``.
"""

from django.conf import settings
from django.core import signing
from django.http import JsonResponse
from django.utils.translation import gettext as _

from wagtail.models import Revision

from cms.api.errors import json_get_only
from cms.api.pages import PortalPagesAPIViewSet
from cms.api.params import ParameterError, reject_unknown
from cms.api.router import api_router

TOKEN_SALT = "cms.headless-preview"  # noqa: S105 (a signing namespace, not a secret)


def make_preview_token(revision):
    return signing.dumps({"revision": revision.pk}, salt=TOKEN_SALT, compress=True)


def preview_url(revision):
    base = getattr(settings, "HEADLESS_PREVIEW_URL", "") or (
        settings.WAGTAILAPI_BASE_URL.rstrip("/") + "/api/v2/preview/"
    )
    separator = "&" if "?" in base else "?"
    return f"{base}{separator}token={make_preview_token(revision)}"


class PreviewPagesViewSet(PortalPagesAPIViewSet):
    """Serialises one draft revision like the pages detail endpoint does."""

    def get_object(self):
        """The revision's page itself: the pages endpoint would look it up among the live
        public pages, where a page never published yet is missing."""
        return self.page

    def serialize(self, request, page):
        self.page = page
        request.wagtailapi_router = api_router
        self.request = request
        self.action = "detail_view"
        self.format_kwarg = None
        self.kwargs = {"pk": page.pk}
        serializer = self.get_serializer(page)
        return serializer.data


@json_get_only
def headless_preview_view(request):
    try:
        # The token names the revision; nothing else may change what is shown (a ``type``
        # or ``fields`` meant for the pages listing would fail deep in the serializer).
        reject_unknown(request.GET, {"token"})
    except ParameterError as error:
        return JsonResponse({"message": error.message}, status=400)
    token = request.GET.get("token", "")
    if not token:
        return JsonResponse({"message": _("A preview token is required.")}, status=400)
    try:
        payload = signing.loads(token, salt=TOKEN_SALT, max_age=settings.HEADLESS_PREVIEW_MAX_AGE)
    except signing.SignatureExpired:
        return JsonResponse(
            {"message": _("This preview link has expired. Ask for a new one in the editor.")},
            status=410,
        )
    except signing.BadSignature:
        return JsonResponse({"message": _("This preview link is not valid.")}, status=403)

    revision = Revision.page_revisions.filter(pk=payload.get("revision")).first()
    if revision is None:
        return JsonResponse({"message": _("This draft no longer exists.")}, status=404)
    page = revision.as_object()
    data = PreviewPagesViewSet().serialize(request, page)
    data["meta"]["preview"] = {
        "revision": revision.pk,
        "created_at": revision.created_at.isoformat(),
    }
    return JsonResponse(data)
