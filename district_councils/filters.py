"""The ``council`` filter for the pages endpoint: updates (or any pages) of one council.

Kept free of ``cms.api`` imports so ``cms/api.py`` can use it without a cycle.
"""

from django.utils.translation import gettext as _

from wagtail.api.v2.utils import BadRequestError


class CouncilFilter:
    """``/api/v2/pages/?council=<council page id>``: pages below that council page."""

    parameter = "council"

    def filter_queryset(self, request, queryset, view):
        value = request.GET.get(self.parameter)
        if value is None:
            return queryset
        from district_councils.models import DistrictCouncilPage

        try:
            pk = int(value)
            if pk < 1:
                raise ValueError
        except ValueError:
            raise BadRequestError(
                _("council must be the id of a district council page (a whole number).")
            ) from None
        council = DistrictCouncilPage.objects.filter(pk=pk).first()
        if council is None:
            raise BadRequestError(_("There is no district council page with id %(id)s.")
                                  % {"id": pk})
        return queryset.descendant_of(council)


class CouncilFilterMixin:
    """Adds ``CouncilFilter`` and its query parameter to a pages API viewset.

    Put it first in the bases of ``cms.api.PortalPagesAPIViewSet``.
    """

    @property
    def known_query_parameters(self):
        return super().known_query_parameters | {CouncilFilter.parameter}

    def filter_queryset(self, queryset):
        queryset = CouncilFilter().filter_queryset(self.request, queryset, self)
        return super().filter_queryset(queryset)
