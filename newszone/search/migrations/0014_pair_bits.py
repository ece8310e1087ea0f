"""Each story's pair signature (documents.pair_bits): which pairs of terms
stand side by side in it, so that PostgreSQL passes over the stories that
hold a phrase's words but cannot hold the phrase without reading their
vectors out of TOAST (backends/postgres.py, words_clauses).

The column is added on every engine (SQLite leaves it empty). On PostgreSQL
the story table keeps what search reads in the row (the signature, the
headline's vector and the reporter names' terms: ``STORAGE MAIN``) and the
rest out of line from 256 bytes (postgres.NARROW_ROWS); every row's
signature is made from its stored terms and written (so every row is
written anew in that layout), with the GIN indexes dropped first (kept, they
would take every new row version as it is written: see 0013), the old row
versions vacuumed away, and the GIN indexes built again last.

Not in one transaction (``atomic = False``): each batch of rows is committed
as it is written, so that VACUUM can take the old versions before the GIN
indexes are built (built in the rows' transaction, as 0013 does, they held
every old version too: 1,434 MiB against 753 at 1,000,000 stories). Search
goes on, without its GIN indexes (slowly), while the migration runs; stopped
half-way, it carries on where it stopped when run again (a row whose
signature is current is not written).

Backwards: the column is dropped, and 0013's layout set again (512 bytes)."""

from django.db import migrations, models

TABLE = "search_searchdocument"


def fill(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    from newszone.search.backends import postgres

    schema_editor.execute(postgres.NARROW_ROWS)
    for name in postgres.INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")
    postgres.write_vectors(schema_editor.connection, columns=("pair_bits",))
    if not schema_editor.connection.in_atomic_block:
        schema_editor.execute(f"VACUUM ANALYZE {TABLE}")
    for name in postgres.INDEXES:
        schema_editor.execute(postgres.index_sql(name))


def unfill(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(f"ALTER TABLE {TABLE} SET (toast_tuple_target = 512)")
    schema_editor.execute(
        f"ALTER TABLE {TABLE} ALTER COLUMN reporter_terms SET STORAGE EXTENDED"
    )


class Migration(migrations.Migration):
    atomic = False
    dependencies = [("search", "0013_postgres_key_period")]

    operations = [
        migrations.AddField(
            model_name="searchdocument",
            name="pair_bits",
            field=models.BinaryField(blank=True, null=True),
        ),
        migrations.RunPython(fill, unfill),
    ]
