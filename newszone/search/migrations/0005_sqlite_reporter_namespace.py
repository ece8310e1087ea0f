"""SQLite: reporter tokens move into their own namespace (``w_…``, like the
filter tokens), and the headline's terms are indexed once more as ``h_…``, so
that neither headline-and-body nor headline search needs an FTS5 column
filter. The FTS5 table, its source view and triggers are made again and the
index rebuilt from the stored terms."""

from django.db import migrations


def remake(apps, schema_editor):
    if schema_editor.connection.vendor != "sqlite":
        return
    from newszone.search.backends import sqlite

    for statement in sqlite.drop_sql() + sqlite.create_sql():
        schema_editor.execute(statement)
    sqlite.SQLiteSearchBackend(schema_editor.connection.alias).rebuild()


class Migration(migrations.Migration):
    dependencies = [("search", "0004_sqlite_flags_index")]
    operations = [migrations.RunPython(remake, migrations.RunPython.noop)]
