"""The public directory: every department and the contact points the visitor may see.

Departments and contact points come in the visitor's language, else in the default one (the
same fallback as the API); staff-only lines are listed only to City staff (``cms.visibility``).
"""

from django.http import Http404
from django.template.response import TemplateResponse
from django.utils.translation import get_language

from cms.api.snippets import in_language
from cms.models import ContactPoint, Department
from cms.visibility import visible_contact_points


def _contact_points(request, language, departments):
    keys = {department.pk for department in departments}
    points = visible_contact_points(
        request.user, ContactPoint.objects.select_related("department", "locale")
    )
    by_department = {}
    for point in in_language(points, language):
        department_key = point.department.translation_key if point.department_id else None
        by_department.setdefault(department_key, []).append(point)
    for points_of_one in by_department.values():
        points_of_one.sort(key=lambda point: point.name.casefold())
    return {
        department.pk: by_department.get(department.translation_key, [])
        for department in departments
        if department.pk in keys
    }


def department_index(request):
    language = get_language()
    departments = sorted(
        in_language(Department.objects.all(), language), key=lambda item: item.name.casefold()
    )
    points = _contact_points(request, language, departments)
    sections = [(department, points[department.pk]) for department in departments]
    return TemplateResponse(request, "cms/directory/department_index.html", {"sections": sections})


def department_detail(request, slug):
    language = get_language()
    found = Department.objects.filter(slug=slug).values_list("translation_key", flat=True)[:1]
    if not found:
        raise Http404
    department = in_language(Department.objects.filter(translation_key=found[0]), language)[0]
    points = _contact_points(request, language, [department])[department.pk]
    return TemplateResponse(
        request,
        "cms/directory/department_detail.html",
        {"department": department, "contact_points": points},
    )
