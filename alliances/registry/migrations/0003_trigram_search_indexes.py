"""Trigram GIN indexes for the registry's substring search, on PostgreSQL only.

Search filters `search_name LIKE '%…%'` (accent- and case-folded in Python): a B-tree cannot
serve it, a pg_trgm GIN index can. SQLite has no such index: the operation does nothing there.
Creating the extension needs a role allowed to (see docs/deployment.md).
"""

from django.db import migrations

INDEXES = [
    ("registry_organisation", "search_name", "registry_org_search_name_trgm"),
    ("registry_alliance", "search_title", "registry_alliance_search_title_trgm"),
]


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    for table, column, name in INDEXES:
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {name} ON {table} USING gin ({column} gin_trgm_ops)"
        )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for _table, _column, name in INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [("registry", "0002_organisation_sirene_rna_id")]

    operations = [migrations.RunPython(create, drop, elidable=False)]
