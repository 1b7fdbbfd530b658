"""The staff hub's views, queries and blocks (its page models: ``engagement.models.staff``)."""
