"""PostgreSQL: store each story's vector uncompressed (backends/postgres.py,
``TSV_STORAGE``); vectors written from now on skip pglz's vain try."""

from django.db import migrations


def external(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        from newszone.search.backends.postgres import TABLE, TSV_STORAGE

        schema_editor.execute(f"ALTER TABLE {TABLE} {TSV_STORAGE}")


def extended(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        from newszone.search.backends.postgres import TABLE

        schema_editor.execute(
            f"ALTER TABLE {TABLE} ALTER COLUMN tsv SET STORAGE EXTENDED"
        )


class Migration(migrations.Migration):
    dependencies = [("search", "0005_sqlite_reporter_namespace")]
    operations = [migrations.RunPython(external, extended)]
