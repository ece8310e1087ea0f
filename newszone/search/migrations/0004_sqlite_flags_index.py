"""SQLite: the covering index through which a search checks a match's
language, visibility and photo flags (backends/sqlite.py)."""

from django.db import migrations


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        from newszone.search.backends.sqlite import FLAGS_INDEX

        schema_editor.execute(FLAGS_INDEX)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        schema_editor.execute("DROP INDEX IF EXISTS search_doc_flags")


class Migration(migrations.Migration):
    dependencies = [("search", "0003_headline_marks")]
    operations = [migrations.RunPython(create, drop)]
