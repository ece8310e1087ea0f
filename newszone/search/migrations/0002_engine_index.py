"""The engine's own index, in the dialect of the database in use."""

from django.db import migrations


def engine(vendor):
    if vendor == "sqlite":
        from newszone.search.backends import sqlite

        return sqlite
    if vendor == "postgresql":
        from newszone.search.backends import postgres

        return postgres
    return None


def create(apps, schema_editor):
    module = engine(schema_editor.connection.vendor)
    if module is None:
        return
    if module.__name__.endswith("sqlite") and not module.fts5_available(
        schema_editor.connection
    ):
        raise RuntimeError("This SQLite has no FTS5; newszone's search needs it.")
    for statement in module.create_sql():
        schema_editor.execute(statement)


def drop(apps, schema_editor):
    module = engine(schema_editor.connection.vendor)
    for statement in module.drop_sql() if module else []:
        schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]
    operations = [migrations.RunPython(create, drop)]
