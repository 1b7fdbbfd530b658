"""``/api/v2/contacts/``: the one right contact for each topic, in the language asked for."""

from cms.api.snippets import SnippetEndpoint
from cms.models import Contact

CONTACTS = SnippetEndpoint(
    "contacts",
    Contact,
    [field.name for field in Contact.api_fields],
    "Contacts: who answers, how, and when",
    schemas={
        # Empty when the contact has no email address.
        "email": {
            "anyOf": [{"type": "string", "format": "email"}, {"type": "string", "maxLength": 0}]
        },
        "url": {"type": "string", "format": "uri"},
    },
)
