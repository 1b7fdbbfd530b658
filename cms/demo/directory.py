"""Demo directory: eight Saint Paul departments and their contact points.

Real where ``shared/data/SOURCES.md`` knows them (the 651-266-8989 information and complaint
line that Safety and Inspections runs, its email, the City Council office); every other
number is invented in the fictional 555-01xx range and says "demo" in its description.
Some review dates are past, so the review reports have something to show.
"""

import datetime

from django.utils import timezone

from cms.models import ContactPoint, Department

DEPARTMENTS = [
    (
        "safety-inspections",
        "Safety and Inspections",
        "Housing, building and property complaints, permits and licenses.",
        "https://www.stpaul.gov/departments/safety-inspections",
    ),
    (
        "public-works",
        "Public Works",
        "Streets, sidewalks, snow, sewers, trash and recycling.",
        "https://www.stpaul.gov/departments/public-works",
    ),
    (
        "parks-recreation",
        "Parks and Recreation",
        "Parks, recreation centers, trees and programs.",
        "https://www.stpaul.gov/departments/parks-and-recreation",
    ),
    (
        "city-council",
        "City Council",
        "Your ward's council member, public hearings and testimony.",
        "https://www.stpaul.gov/department/city-council",
    ),
    (
        "planning-economic-development",
        "Planning and Economic Development",
        "Zoning, housing programs and neighborhood plans.",
        "https://www.stpaul.gov/departments/planning-and-economic-development",
    ),
    (
        "library",
        "Saint Paul Public Library",
        "Libraries, computers, homework help and classes.",
        "https://sppl.org/",
    ),
    (
        "human-rights",
        "Human Rights and Equal Economic Opportunity",
        "Discrimination complaints and contract compliance.",
        "https://www.stpaul.gov/departments/human-rights-equal-economic-opportunity",
    ),
    (
        "neighborhood-safety",
        "Office of Neighborhood Safety",
        "Community-first public safety programs.",
        "https://www.stpaul.gov/departments/office-neighborhood-safety",
    ),
]

# (department slug, fields, days until the next review; negative: overdue)
CONTACT_POINTS = [
    (
        "safety-inspections",
        {
            "name": "City information and complaint line",
            "description": "Report a non-emergency problem or ask for a city service.",
            "phone": "651-266-8989",
            "email": "DSI-InformationAndComplaints@ci.stpaul.mn.us",
            "url": "https://www.stpaul.gov/departments/safety-inspections/city-information-complaints",
            "address": "City Hall Annex\n25 West 4th Street\nSaint Paul, MN 55102",
            "hours": "Monday to Friday, 7:30 a.m. to 4:30 p.m.",
            "languages": "en, es, hmn, so, ksw",
            "interpreter_by_phone": True,
        },
        30,
    ),
    (
        "city-council",
        {
            "name": "City Council Office",
            "description": "Reach your ward's council member or testify at a public hearing.",
            "phone": "651-266-8560",
            "url": "https://www.stpaul.gov/department/city-council",
            "address": "City Hall, Suite 310\n15 West Kellogg Boulevard\nSaint Paul, MN 55102",
            "hours": "Monday to Friday, 8:00 a.m. to 4:30 p.m.",
            "languages": "en",
            "interpreter_by_phone": True,
        },
        -10,
    ),
    (
        "public-works",
        {
            "name": "Street maintenance desk",
            "description": "Potholes, street lights and sidewalk repair (demo number).",
            "phone": "651-555-0110",
            "hours": "Monday to Friday, 7:00 a.m. to 3:30 p.m.",
            "languages": "en, es",
        },
        45,
    ),
    (
        "public-works",
        {
            "name": "Solid waste and recycling",
            "description": "Missed pickups, carts and bulky items (demo number).",
            "phone": "651-555-0111",
            "email": "recycling-demo@example.org",
            "languages": "en, es, hmn",
        },
        -3,
    ),
    (
        "parks-recreation",
        {
            "name": "Parks and Recreation front desk",
            "description": "Park reservations, programs and tree requests (demo number).",
            "phone": "651-555-0120",
            "address": "400 City Hall Annex\n25 West 4th Street\nSaint Paul, MN 55102",
            "hours": "Monday to Friday, 8:00 a.m. to 4:30 p.m.",
            "languages": "en, so",
        },
        80,
    ),
    (
        "planning-economic-development",
        {
            "name": "Zoning information line",
            "description": "Questions about what can be built where (demo number).",
            "phone": "651-555-0130",
            "languages": "en",
        },
        60,
    ),
    (
        "library",
        {
            "name": "Library Ask-a-Librarian",
            "description": "Help finding books, forms and information (demo number).",
            "phone": "651-555-0140",
            "url": "https://sppl.org/",
            "languages": "en, es, hmn, so, ksw",
        },
        20,
    ),
    (
        "human-rights",
        {
            "name": "Discrimination complaints intake",
            "description": "File or ask about a discrimination complaint (demo number).",
            "phone": "651-555-0150",
            "languages": "en, es",
            "interpreter_by_phone": True,
        },
        90,
    ),
    (
        "neighborhood-safety",
        {
            "name": "Neighborhood safety programs",
            "description": "Community safety programs and grants (demo number).",
            "email": "ons-demo@example.org",
            "languages": "en",
        },
        50,
    ),
    (
        "safety-inspections",
        {
            "name": "Inspector escalation line (staff only)",
            "description": "For frontline staff: reach the inspector on duty about an urgent case (demo number).",
            "phone": "651-555-0199",
            "audience": ContactPoint.STAFF,
            "languages": "en",
        },
        -20,
    ),
    (
        "public-works",
        {
            "name": "Snow emergency dispatch (staff only)",
            "description": "For frontline staff during snow emergencies (demo number).",
            "phone": "651-555-0198",
            "audience": ContactPoint.STAFF,
            "languages": "en",
        },
        15,
    ),
]


def load_directory(locale, owner=None):
    """The departments and contact points in ``locale``; returns the contact points by name.

    Idempotent: found by slug or name, updated in place.
    """
    today = timezone.localdate()
    departments = {}
    for slug, name, description, website in DEPARTMENTS:
        departments[slug], _created = Department.objects.update_or_create(
            slug=slug,
            locale=locale,
            defaults={"name": name, "description": description, "website": website, "owner": owner},
        )
    contact_points = {}
    for slug, fields, days in CONTACT_POINTS:
        defaults = {
            "department": departments[slug],
            "owner": owner,
            "next_review": today + datetime.timedelta(days=days),
            **fields,
        }
        contact, _created = ContactPoint.objects.update_or_create(
            name=fields["name"], locale=locale, defaults=defaults
        )
        contact_points[contact.name] = contact
    return departments, contact_points


SPANISH = {
    "Safety and Inspections": "Seguridad e Inspecciones",
    "Housing, building and property complaints, permits and licenses.": "Quejas sobre vivienda, edificios y propiedades; permisos y licencias.",
    "Public Works": "Obras Públicas",
    "Streets, sidewalks, snow, sewers, trash and recycling.": "Calles, aceras, nieve, alcantarillado, basura y reciclaje.",
    "Parks and Recreation": "Parques y Recreación",
    "Parks, recreation centers, trees and programs.": "Parques, centros recreativos, árboles y programas.",
    "City Council": "Concejo Municipal",
    "Your ward's council member, public hearings and testimony.": "El concejal de su distrito, audiencias públicas y testimonios.",
    "Planning and Economic Development": "Planificación y Desarrollo Económico",
    "Zoning, housing programs and neighborhood plans.": "Zonificación, programas de vivienda y planes de vecindario.",
    "Saint Paul Public Library": "Biblioteca Pública de Saint Paul",
    "Libraries, computers, homework help and classes.": "Bibliotecas, computadoras, ayuda con tareas y clases.",
    "Human Rights and Equal Economic Opportunity": "Derechos Humanos e Igualdad de Oportunidades Económicas",
    "Discrimination complaints and contract compliance.": "Quejas por discriminación y cumplimiento de contratos.",
    "Office of Neighborhood Safety": "Oficina de Seguridad Vecinal",
    "Community-first public safety programs.": "Programas de seguridad pública centrados en la comunidad.",
    "City information and complaint line": "Línea de información y quejas de la Ciudad",
    "Street maintenance desk": "Mantenimiento de calles",
    "Potholes, street lights and sidewalk repair (demo number).": "Baches, alumbrado público y reparación de aceras (número de demostración).",
    "Solid waste and recycling": "Basura y reciclaje",
    "Missed pickups, carts and bulky items (demo number).": "Recolecciones perdidas, contenedores y objetos grandes (número de demostración).",
    "Parks and Recreation front desk": "Recepción de Parques y Recreación",
    "Park reservations, programs and tree requests (demo number).": "Reservas de parques, programas y solicitudes de árboles (número de demostración).",
    "Zoning information line": "Línea de información sobre zonificación",
    "Questions about what can be built where (demo number).": "Preguntas sobre qué se puede construir y dónde (número de demostración).",
    "Library Ask-a-Librarian": "Pregúntele a un bibliotecario",
    "Help finding books, forms and information (demo number).": "Ayuda para encontrar libros, formularios e información (número de demostración).",
    "Discrimination complaints intake": "Recepción de quejas por discriminación",
    "File or ask about a discrimination complaint (demo number).": "Presente o consulte una queja por discriminación (número de demostración).",
    "Neighborhood safety programs": "Programas de seguridad vecinal",
    "Community safety programs and grants (demo number).": "Programas y subvenciones de seguridad comunitaria (número de demostración).",
    "Monday to Friday, 7:00 a.m. to 3:30 p.m.": "De lunes a viernes, de 7:00 a. m. a 3:30 p. m.",
}
