"""Which analysis made each stored document's terms (analyzers.ANALYSIS_VERSION),
so that rebuild_search_index analyses again what an older one stored.

Added in place with its default (0, the analysis before versions were kept):
SQLite would otherwise copy the table, dropping the full-text triggers, and
PostgreSQL needs no rewrite for a constant default.
"""

from django.db import migrations, models

TABLE = "search_searchdocument"


class Migration(migrations.Migration):
    dependencies = [("search", "0006_postgres_vector_storage")]
    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[
                migrations.RunSQL(
                    f"ALTER TABLE {TABLE} ADD COLUMN analysis_version "
                    "smallint NOT NULL DEFAULT 0",
                    f"ALTER TABLE {TABLE} DROP COLUMN analysis_version",
                )
            ],
            state_operations=[
                migrations.AddField(
                    model_name="searchdocument",
                    name="analysis_version",
                    field=models.SmallIntegerField(db_default=0),
                )
            ],
        )
    ]
