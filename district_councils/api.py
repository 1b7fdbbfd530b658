"""``/api/v2/district-councils/``: councils with their boundaries, and find-by-point."""

from django.utils.translation import gettext as _

from wagtail.api.v2.views import PagesAPIViewSet

from cms.api.pages import PortalPagesAPIViewSet
from cms.api.params import ParameterError
from district_councils import geo
from district_councils.models import DistrictCouncilPage


class PointFilter:
    """``?lat=&lon=``: the council whose boundary contains the point (none outside the city)."""

    parameters = ("lat", "lon")

    def filter_queryset(self, request, queryset, view):
        if not any(name in request.GET for name in self.parameters):
            return queryset
        try:
            lat, lon = geo.parse_coordinates(request.GET.get("lat"), request.GET.get("lon"))
        except geo.CoordinateError as error:
            raise ParameterError(str(error)) from None
        return queryset.filter(pk__in=geo.councils_containing(queryset, lon, lat))


class DistrictCouncilsAPIViewSet(PortalPagesAPIViewSet):
    model = DistrictCouncilPage
    name = "district-councils"
    filter_backends = [PointFilter, *PortalPagesAPIViewSet.filter_backends]
    # The pages endpoint's parameters without ``type``, and the point. Filters other apps
    # add to the pages endpoint (``page_api_filters``) are not parameters of this one.
    known_query_parameters = (PagesAPIViewSet.known_query_parameters - {"type"}) | set(
        PointFilter.parameters
    )
    listing_default_fields = PortalPagesAPIViewSet.listing_default_fields + [
        "district_number",
        "area_name",
        "neighborhoods",
        "website",
    ]

    def get_queryset(self):
        if "type" in self.request.GET:
            raise ParameterError(_("This endpoint lists district councils only; remove “type”."))
        queryset = DistrictCouncilPage.objects.filter(
            pk__in=self.get_base_queryset().values_list("pk", flat=True)
        )
        if "order" not in self.request.GET:
            queryset = queryset.order_by("locale__language_code", "district_number")
        return queryset
