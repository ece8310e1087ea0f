"""PostgreSQL: each story's vector also holds its key's year and month
(``y_2024``, ``m_202403``: documents.key_period), so that GIN answers the key
range of a ranking pass itself (backends/postgres.py, ``key_condition``); the
story table keeps long values out of line from 512 bytes
(``toast_tuple_target``; the headline's vector stays in the row), and the
planner keeps statistics for 10,000 of the vectors' lexemes.

Every row is written anew, its vector with the period, which also moves its
long values out of line; the vectors' GIN index is dropped first and built
again after (kept, it would take every new row version as it is written).
Search finds nothing until the migration commits.

Backwards: the period lexemes are taken out again and the table's settings
reset (rows keep their layout until they are written)."""

from django.db import migrations

TABLE = "search_searchdocument"


def rewrite(schema_editor, vectors: str) -> None:
    from newszone.search.backends import postgres

    schema_editor.execute("DROP INDEX IF EXISTS search_doc_tsv")
    schema_editor.execute(f"UPDATE {TABLE} SET vector = {vectors}")
    schema_editor.execute(postgres.index_sql("search_doc_tsv"))


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    from newszone.search.backends import postgres

    schema_editor.execute(postgres.NARROW_ROWS)
    schema_editor.execute(postgres.VECTOR_STATISTICS)
    rewrite(schema_editor, f"vector || array_to_tsvector({postgres.period_sql('id')})")


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    from newszone.search.backends import postgres

    schema_editor.execute(f"ALTER TABLE {TABLE} RESET (toast_tuple_target)")
    schema_editor.execute(f"ALTER TABLE {TABLE} ALTER COLUMN vector SET STATISTICS -1")
    for column in ("headline_vector", "reporter_terms"):  # postgres.IN_ROW
        schema_editor.execute(
            f"ALTER TABLE {TABLE} ALTER COLUMN {column} SET STORAGE EXTENDED"
        )
    rewrite(schema_editor, f"ts_delete(vector, {postgres.period_sql('id')})")


class Migration(migrations.Migration):
    dependencies = [("search", "0012_sqlite_headline_table")]
    operations = [migrations.RunPython(forwards, backwards)]
