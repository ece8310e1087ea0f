"""PostgreSQL: each story's vector stored as a tsvector in ``vector`` (cast
once from the literal stored there), reporters indexed through an expression;
the generated ``tsv`` and ``rtsv`` columns go. Building the index is then the
GIN build alone, with no table rewrite, and each vector is stored once, not
as a literal and a generated copy.
"""

from django.db import migrations

import newszone.search.models

TABLE = "search_searchdocument"
OLD_LAYOUT = [
    "DROP INDEX IF EXISTS search_doc_tsv",
    "DROP INDEX IF EXISTS search_doc_rtsv",
    f"""ALTER TABLE {TABLE} ALTER COLUMN vector DROP DEFAULT,
      ALTER COLUMN vector TYPE text USING vector::text,
      ALTER COLUMN vector SET DEFAULT '',
      ALTER COLUMN vector SET STORAGE EXTENDED""",
    f"""ALTER TABLE {TABLE}
      ADD COLUMN tsv tsvector GENERATED ALWAYS AS (vector::tsvector) STORED,
      ADD COLUMN rtsv tsvector GENERATED ALWAYS AS (array_to_tsvector(
        array_remove(string_to_array(reporter_terms, ' '), ''))) STORED,
      ALTER COLUMN tsv SET STORAGE EXTERNAL""",
    f"CREATE INDEX search_doc_tsv ON {TABLE} USING gin (tsv)",
    f"CREATE INDEX search_doc_rtsv ON {TABLE} USING gin (rtsv)",
]


def stored_vectors(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    from newszone.search.backends import postgres

    for statement in postgres.drop_sql() + postgres.create_sql():
        schema_editor.execute(statement)


def generated_vectors(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for statement in OLD_LAYOUT:
        schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("search", "0007_analysis_version")]
    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[
                migrations.RunPython(stored_vectors, generated_vectors)
            ],
            state_operations=[
                migrations.AlterField(
                    model_name="searchdocument",
                    name="vector",
                    field=newszone.search.models.VectorField(blank=True, db_default=""),
                )
            ],
        )
    ]
