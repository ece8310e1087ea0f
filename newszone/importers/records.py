"""Rows the writer adds beside the stories: kept dates, audit events."""

from __future__ import annotations

from django.db import connections, models, router
from django.db.models import F

from newszone.articles.models import Article
from newszone.audit.models import AuditEvent


def keep_dates(ids: list[int]) -> None:
    """An archived story was last changed when it came out, not when imported
    (else every one of them would say "updated today")."""
    Article.objects.filter(pk__in=ids, published_at__isnull=False).update(
        updated_at=F("published_at")
    )


def audit_batch(articles: list[Article], action: str, origins: list[str]) -> None:
    """One event for a batch of new stories (ids in its detail): an archive of
    100,000 pages is one import to the audit log, not 100,000 entries."""
    AuditEvent.objects.create(
        action=action[:40],
        object_type=Article._meta.label_lower,
        object_repr=f"{len(articles):,} stories"[:200],
        note=f"{origins[0]} … {origins[-1]}",
        detail={"ids": [article.pk for article in articles]},
    )


def insert_all(model: type[models.Model], objs: list[models.Model]) -> list:
    """``bulk_create`` for the import's big rows. On PostgreSQL: ids drawn from
    the table's sequence, then one COPY. Django 5.2 inserts many rows there
    through ``UNNEST`` of text arrays, which psycopg escapes character by
    character in Python: a third of an import's time (bench/RESULTS.md)."""
    connection = connections[router.db_for_write(model)]
    if connection.vendor != "postgresql" or not objs:
        return model.objects.bulk_create(objs)
    meta, quote = model._meta, connection.ops.quote_name
    fields = meta.concrete_fields
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT nextval(pg_get_serial_sequence(%s, %s)) "
            "FROM generate_series(1, %s)",
            [meta.db_table, meta.pk.column, len(objs)],
        )
        for obj, (pk,) in zip(objs, cursor.fetchall(), strict=True):
            obj.pk = pk
        columns = ", ".join(quote(f.column) for f in fields)
        sql = f"COPY {quote(meta.db_table)} ({columns}) FROM STDIN"
        with cursor.cursor.copy(sql) as copy:
            for obj in objs:
                copy.write_row([db_value(f, obj, connection) for f in fields])
    for obj in objs:
        obj._state.adding, obj._state.db = False, connection.alias
    return objs


def db_value(field: models.Field, obj: models.Model, connection):
    """What an INSERT would send: ``pre_save`` (auto_now, sanitising), then
    the database form (JSON as ``Jsonb``, times as aware datetimes)."""
    return field.get_db_prep_save(field.pre_save(obj, True), connection)
