"""How articles become search documents (registered in ArticlesConfig.ready)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from html import unescape

from django.db.models import Prefetch
from django.utils import timezone
from django.utils.html import strip_tags

from newszone.articles.models import Article, ArticleReporter, Status
from newszone.search.registry import SourceDocument
from newszone.taxonomy.models import Section

BATCH = 500


def embargoed(article: Article) -> bool:
    return bool(article.embargo_until and article.embargo_until > timezone.now())


def plain_text(html: str) -> str:
    """Body HTML as text, paragraphs kept apart."""
    return unescape(strip_tags(html.replace("</p>", "</p>\n").replace("<br>", "\n")))


class ArticleSource:
    name = "articles"

    def count(self) -> int:
        return Article.objects.count()

    def all_ids(self) -> Iterable[int]:
        return Article.objects.values_list("pk", flat=True).iterator()

    def documents(self, ids: Iterable[int] | None = None) -> Iterator[SourceDocument]:
        tree = Section.objects.tree()
        for batch in self._batches(ids):
            for article in batch:
                yield self.document(article, tree)

    def _batches(self, ids):
        articles = Article.objects.prefetch_related(
            Prefetch(
                "article_reporters",
                queryset=ArticleReporter.objects.select_related("reporter"),
            ),
            "article_photos",
        ).order_by("pk")
        if ids is not None:
            ids = list(ids)
            for start in range(0, len(ids), BATCH):
                yield list(articles.filter(pk__in=ids[start : start + BATCH]))
            return
        last = 0
        while batch := list(articles.filter(pk__gt=last)[:BATCH]):
            yield batch
            last = batch[-1].pk

    def document(self, article: Article, tree) -> SourceDocument:
        reporters = article.ordered_reporters
        section = tree.get(article.section_id)
        return SourceDocument(
            object_id=article.pk,
            language=article.language,
            is_public=article.status == Status.PUBLISHED
            and bool(article.published_at)
            and not embargoed(article),
            sort_time=article.published_at or article.created_at,
            title=f"{article.headline}\n{article.alternate_headline}",
            body=f"{article.deck}\n{plain_text(article.body)}",
            reporter_names=[n for r in reporters for n in (r.name_ko, r.name_en)],
            reporter_ids=[r.pk for r in reporters],
            section_ids=[s.pk for s in section.ancestry(tree)] if section else [],
            has_photo=bool(article.ordered_photos),
        )
