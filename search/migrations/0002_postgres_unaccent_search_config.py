"""On PostgreSQL, a text search configuration that ignores accents ("telefono" finds
"teléfono"), used by the database search backend (SEARCH_CONFIG "portal").

Creating the unaccent extension needs a role allowed to create extensions (the
database owner on PostgreSQL 13+ for trusted extensions, or a superuser).
"""

from django.db import migrations

FORWARD = """
CREATE EXTENSION IF NOT EXISTS unaccent;
DO $$ BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = 'portal') THEN
    CREATE TEXT SEARCH CONFIGURATION portal (COPY = pg_catalog.simple);
    ALTER TEXT SEARCH CONFIGURATION portal
      ALTER MAPPING FOR hword, hword_part, word WITH unaccent, simple;
  END IF;
END $$;
"""
BACKWARD = "DROP TEXT SEARCH CONFIGURATION IF EXISTS portal;"


def forward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(FORWARD)


def backward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(BACKWARD)


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]
    operations = [migrations.RunPython(forward, backward)]
