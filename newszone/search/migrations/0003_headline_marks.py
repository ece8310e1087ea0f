"""PostgreSQL: rewrite each stored vector to carry the marked headline lexemes
(documents.HEADLINE_MARK) that headline-scoped search now looks up.

For the layout of its time (``vector`` the literal as text, the tsvector a
column generated from it); a table laid out by a later create_sql holds
vectors written with the marks already.
"""

from django.db import migrations

TABLE = "search_searchdocument"
TERMS = ["title_terms", "title_extra", "body_terms", "body_extra"]


def rewrite_vectors(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    from newszone.search.documents import vector_for

    with schema_editor.connection.cursor() as cursor:
        cursor.execute(
            "SELECT atttypid = 'text'::regtype FROM pg_attribute "
            "WHERE attrelid = %s::regclass AND attname = 'vector'",
            [TABLE],
        )
        if not cursor.fetchone()[0]:
            return
        last = -1
        while True:
            cursor.execute(
                f"SELECT id, vector, {', '.join(TERMS)} FROM {TABLE} "
                "WHERE id > %s ORDER BY id LIMIT 2000",
                [last],
            )
            rows = cursor.fetchall()
            if not rows:
                break
            fresh = [(vector_for(dict(zip(TERMS, r[2:], strict=True))), r) for r in rows]
            stale = [(vector, r[0]) for vector, r in fresh if vector != r[1]]
            if stale:
                cursor.executemany(
                    f"UPDATE {TABLE} SET vector = %s WHERE id = %s", stale
                )
            last = rows[-1][0]


class Migration(migrations.Migration):
    dependencies = [("search", "0002_engine_index")]
    operations = [migrations.RunPython(rewrite_vectors, migrations.RunPython.noop)]
