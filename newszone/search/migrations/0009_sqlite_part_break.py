"""SQLite: a break token between a field's terms and its extras
(``backends.sqlite.PART_BREAK``), so that a phrase cannot run from the last
term into the first extra (as it cannot on PostgreSQL). The FTS5 table, its
source view and triggers are made again and the index rebuilt from the stored
terms, as in migration 0005."""

import importlib

from django.db import migrations

remake = importlib.import_module(
    "newszone.search.migrations.0005_sqlite_reporter_namespace"
).remake


class Migration(migrations.Migration):
    dependencies = [("search", "0008_postgres_stored_vectors")]
    operations = [migrations.RunPython(remake, migrations.RunPython.noop)]
