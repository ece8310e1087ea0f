"""SQLite: the headline's own FTS5 table (contentless, without column sizes),
which finds and ranks the headline tier and the headline scope
(backends/sqlite.py); the story's table no longer holds the headline's terms
a second time, marked ``h_…``. The FTS5 tables, the source view and the
triggers are made again and the index rebuilt from the stored terms, as in
migration 0005."""

import importlib

from django.db import migrations

remake = importlib.import_module(
    "newszone.search.migrations.0005_sqlite_reporter_namespace"
).remake


class Migration(migrations.Migration):
    dependencies = [("search", "0011_headline_vector")]
    operations = [migrations.RunPython(remake, migrations.RunPython.noop)]
