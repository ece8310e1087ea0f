"""PostgreSQL: store each story's vector uncompressed (backends/postgres.py,
``VECTOR_STORAGE``); vectors written from now on skip pglz's vain try.

For the layout of its time (the generated ``tsv`` column); a table laid out
by a later create_sql has its vectors so stored already.
"""

from django.db import migrations

TABLE = "search_searchdocument"


def has_tsv_column(schema_editor) -> bool:
    with schema_editor.connection.cursor() as cursor:
        cursor.execute(
            "SELECT 1 FROM pg_attribute WHERE attrelid = %s::regclass "
            "AND attname = 'tsv' AND NOT attisdropped",
            [TABLE],
        )
        return cursor.fetchone() is not None


def storage(kind):
    def change(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql" and has_tsv_column(
            schema_editor
        ):
            schema_editor.execute(
                f"ALTER TABLE {TABLE} ALTER COLUMN tsv SET STORAGE {kind}"
            )

    return change


class Migration(migrations.Migration):
    dependencies = [("search", "0005_sqlite_reporter_namespace")]
    operations = [migrations.RunPython(storage("EXTERNAL"), storage("EXTENDED"))]
