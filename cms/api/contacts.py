"""``/api/v2/contacts/`` and ``/api/v2/departments/``: the one directory, in the language asked
for. Staff-only contact points are listed only to City staff."""

from cms.api.snippets import SnippetEndpoint
from cms.models import ContactPoint, Department
from cms.visibility import visible_contact_points

DATE = {"type": "string", "format": "date"}

CONTACTS = SnippetEndpoint(
    "contacts",
    ContactPoint,
    [
        "name",
        ("department", "department_name"),
        "description",
        "phone",
        "email",
        "url",
        "address",
        "hours",
        ("closures", "upcoming_closure_list"),
        ("languages", "language_codes"),
        "interpreter_by_phone",
        "next_review",
    ],
    "Contact points: who answers, how, and when",
    schemas={
        # Empty when the contact has no email address.
        "email": {
            "anyOf": [{"type": "string", "format": "email"}, {"type": "string", "maxLength": 0}]
        },
        "url": {"anyOf": [{"type": "string", "format": "uri"}, {"type": "string", "maxLength": 0}]},
        "closures": {
            "type": "array",
            "description": "Closures and changed hours in the next 60 days.",
            "items": {
                "type": "object",
                "required": ["date", "note"],
                "properties": {"date": DATE, "note": {"type": "string"}},
            },
        },
        "languages": {
            "type": "array",
            "description": "Languages staff can help in (BCP 47 codes).",
            "items": {"type": "string"},
        },
        "interpreter_by_phone": {"type": "boolean"},
        "next_review": {**DATE, "description": "When the details are next checked."},
    },
    visible=visible_contact_points,
    related=["department"],
)

DEPARTMENTS = SnippetEndpoint(
    "departments",
    Department,
    ["name", "slug", "description", "website", "next_review"],
    "City departments",
    schemas={
        "website": {
            "anyOf": [{"type": "string", "format": "uri"}, {"type": "string", "maxLength": 0}]
        },
        "next_review": {**DATE, "description": "When the details are next checked."},
    },
)
