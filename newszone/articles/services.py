"""The desk's verbs. Each is one transaction; side effects run on commit."""

from datetime import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from newszone.articles.models import Article, Status
from newszone.search import api as search

SEARCH_SOURCE = "articles"


@transaction.atomic
def publish_article(article: Article, *, at: datetime | None = None) -> Article:
    """Make ``article`` public, keeping its first publication time on re-publish."""
    article = Article.objects.select_for_update().get(pk=article.pk)
    if not article.headline.strip():
        raise ValidationError(_("A story needs a headline before it is published."))
    article.status = Status.PUBLISHED
    if at is not None:
        article.published_at = at
    elif article.published_at is None:
        article.published_at = timezone.now()
    article.save(update_fields=["status", "published_at", "updated_at"])
    search.index_later(SEARCH_SOURCE, [article.pk])
    return article


@transaction.atomic
def unpublish_article(article: Article) -> Article:
    """Take ``article`` off every public page; it goes back to draft."""
    article = Article.objects.select_for_update().get(pk=article.pk)
    article.status = Status.DRAFT
    article.save(update_fields=["status", "updated_at"])
    search.hide_now(SEARCH_SOURCE, article.pk)  # gone from search at once
    search.index_later(SEARCH_SOURCE, [article.pk])
    return article


def article_saved(article: Article) -> None:
    """After the desk saved a story (fields, byline, photos, tags): reindex it."""
    search.index_later(SEARCH_SOURCE, [article.pk])


@transaction.atomic
def delete_articles(articles) -> int:
    """Delete stories and their search documents together."""
    ids = [a.pk for a in articles]
    search.remove_now(SEARCH_SOURCE, ids)
    deleted, _ = Article.objects.filter(pk__in=ids).delete()
    return deleted


@transaction.atomic
def link_translations(first: Article, second: Article) -> None:
    """Pair two stories as translations of each other (and only of each other)."""
    if first.pk == second.pk:
        raise ValidationError(_("A story cannot be its own translation."))
    if first.language == second.language:
        raise ValidationError(_("A translation must be in the other language."))
    # Break any older pairing on either side first (the link is one-to-one).
    now = timezone.now()
    Article.objects.filter(translation__in=[first, second]).exclude(
        pk__in=[first.pk, second.pk]
    ).update(translation=None, updated_at=now)
    Article.objects.filter(pk=first.pk).update(translation=second, updated_at=now)
    Article.objects.filter(pk=second.pk).update(translation=first, updated_at=now)
    first.translation, second.translation = second, first
