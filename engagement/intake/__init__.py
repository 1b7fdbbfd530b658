"""Request intake and public tracking: service topics' services (Open311, open data)."""
