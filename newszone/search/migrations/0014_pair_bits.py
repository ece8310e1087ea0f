"""Each story's pair signature (documents.pair_bits): which pairs of terms
stand side by side in it, so that PostgreSQL passes over the stories that
hold a phrase's words but cannot hold the phrase without reading their
vectors out of TOAST (backends/postgres.py, phrase_prefilter).

The column is added on every engine (SQLite leaves it empty). On PostgreSQL
every row's signature is made from its stored terms and written, with the
GIN indexes dropped first and built again after (kept, they would take
every new row version as it is written: see 0013). Search finds nothing
until the migration commits; run VACUUM after it.

Backwards: the column is dropped."""

from django.db import migrations, models


def fill(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    from newszone.search.backends import postgres

    for name in postgres.INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")
    postgres.write_vectors(schema_editor.connection, columns=("pair_bits",))
    for name in postgres.INDEXES:
        schema_editor.execute(postgres.index_sql(name))


class Migration(migrations.Migration):
    dependencies = [("search", "0013_postgres_key_period")]

    operations = [
        migrations.AddField(
            model_name="searchdocument",
            name="pair_bits",
            field=models.BinaryField(blank=True, null=True),
        ),
        migrations.RunPython(fill, migrations.RunPython.noop),
    ]
