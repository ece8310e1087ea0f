"""The headline's own vector beside each story's vector (PostgreSQL): the
headline tier and the headline scope are ranked by it, a few lexemes in the
row, instead of reading each story's whole vector (~3 KB) out of TOAST.

Added in place with an empty default (as migration 0007 did, so SQLite keeps
its full-text triggers and PostgreSQL rewrites nothing); the stored documents
get theirs when ``newszone rebuild_search_index`` analyses them again for
analysis version 2 (join tokens), which every document older than this needs.
"""

from django.db import migrations

import newszone.search.models

TABLE = "search_searchdocument"


def add(apps, schema_editor):
    kind = "tsvector" if schema_editor.connection.vendor == "postgresql" else "text"
    schema_editor.execute(
        f"ALTER TABLE {TABLE} ADD COLUMN headline_vector {kind} NOT NULL DEFAULT ''"
    )


def drop(apps, schema_editor):
    schema_editor.execute(f"ALTER TABLE {TABLE} DROP COLUMN headline_vector")


class Migration(migrations.Migration):
    dependencies = [("search", "0010_sqlite_rank_filters")]
    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[migrations.RunPython(add, drop)],
            state_operations=[
                migrations.AddField(
                    model_name="searchdocument",
                    name="headline_vector",
                    field=newszone.search.models.VectorField(blank=True, db_default=""),
                )
            ],
        )
    ]
