"""SQLite: the covering index of a match's row holds every filter (visibility,
sections and reporters beside language and photo), so that the ranking
statements check them on the row instead of naming their tokens, whose whole
lists bm25 would read for an IDF (backends/sqlite.py, rank_clauses).
Documents are analysed again for the join tokens (analysis version 2) by
``newszone rebuild_search_index``."""

from django.db import migrations


def remake(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        from newszone.search.backends.sqlite import FLAGS_INDEX

        schema_editor.execute("DROP INDEX IF EXISTS search_doc_flags")
        schema_editor.execute(FLAGS_INDEX)


class Migration(migrations.Migration):
    dependencies = [("search", "0009_sqlite_part_break")]
    operations = [migrations.RunPython(remake, migrations.RunPython.noop)]
