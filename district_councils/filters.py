"""The ``council`` filter for the pages endpoint: updates (or any pages) of one council.

``wagtail_hooks.py`` adds it to ``/api/v2/pages/`` through the ``page_api_filters``
hook of ``cms.api.pages``; the query parameter it adds is ``CouncilFilter.parameter``,
described for ``/api/schema/`` by ``CouncilFilter.openapi_parameter()``.
"""

from django.http import Http404
from django.utils.translation import gettext as _

from cms.api.openapi import parameter, whole_number_schema
from cms.api.params import ParameterError, whole_number
from district_councils.models import DistrictCouncilPage


class CouncilFilter:
    """``/api/v2/pages/?council=<council page id>``: pages below that council page."""

    parameter = "council"

    def openapi_parameter(self):
        """The OpenAPI description of the query parameter this filter adds."""
        return parameter(
            self.parameter,
            "Only pages below this district council page (its updates, events and meetings), "
            "e.g. `?type=district_councils.CouncilUpdatePage&council=42`.",
            whole_number_schema(minimum=1),
        )

    def filter_queryset(self, request, queryset, view):
        if request.GET.get(self.parameter) is None:
            return queryset
        try:
            pk = whole_number(request.GET, self.parameter, minimum=1)
        except ParameterError:
            pk = None
        if pk is None:  # not a whole number from 1, or ``?council=`` with no value
            raise ParameterError(
                _("council must be the id of a district council page (a whole number).")
            )
        council = DistrictCouncilPage.objects.filter(pk=pk).first()
        if council is None:  # a well-formed id of nothing: not found, as on every filter
            raise Http404(_("There is no district council page with id %(id)s.") % {"id": pk})
        return queryset.descendant_of(council)
