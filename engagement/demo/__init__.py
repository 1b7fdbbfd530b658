"""Saint Paul demo content for events and explainers (``load_demo`` runs ``loader.load``)."""
