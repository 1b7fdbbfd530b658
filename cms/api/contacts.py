"""``/api/v2/contacts/``: the one right contact for each topic, in the language asked for."""

from cms.api.snippets import SnippetEndpoint
from cms.models import Contact

CONTACTS = SnippetEndpoint(
    "contacts",
    Contact,
    [field.name for field in Contact.api_fields],
    "Contacts: who answers, how, and when",
    schemas={
        "email": {"type": "string", "format": "email"},
        "url": {"type": "string", "format": "uri"},
    },
)
