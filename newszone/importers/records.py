"""Rows the writer adds beside the stories: kept dates, audit events."""

from __future__ import annotations

from django.db.models import F

from newszone.articles.models import Article
from newszone.audit.models import AuditEvent


def keep_dates(ids: list[int]) -> None:
    """An archived story was last changed when it came out, not when imported
    (else every one of them would say "updated today")."""
    Article.objects.filter(pk__in=ids, published_at__isnull=False).update(
        updated_at=F("published_at")
    )


def audit(articles: list[Article], action: str, origins) -> None:
    """One event per story, in bulk (the audit log's own record() writes one)."""
    if isinstance(origins, str):
        origins = [origins] * len(articles)
    AuditEvent.objects.bulk_create(
        AuditEvent(
            action=action[:40],
            object_type=Article._meta.label_lower,
            object_id=str(article.pk),
            object_repr=str(article)[:200],
            note=origin,
        )
        for article, origin in zip(articles, origins, strict=True)
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
