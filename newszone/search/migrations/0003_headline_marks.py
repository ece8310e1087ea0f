"""PostgreSQL: rewrite each stored vector to carry the marked headline lexemes
(documents.HEADLINE_MARK) that headline-scoped search now looks up."""

from django.db import migrations


def rewrite_vectors(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    from newszone.search.backends.postgres import write_vectors

    write_vectors(schema_editor.connection, columns=("vector",))


class Migration(migrations.Migration):
    dependencies = [("search", "0002_engine_index")]
    operations = [migrations.RunPython(rewrite_vectors, migrations.RunPython.noop)]
