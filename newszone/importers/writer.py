"""Write ImportItems as articles: idempotent, each item all-or-nothing.

Items go in batches. A batch is one transaction: new stories are inserted
in bulk (with their bylines, tags, first revision and audit event), changed
ones are updated one by one with a new revision. If anything in a batch
fails unexpectedly, the batch is rolled back and its items are written one
transaction each, so one bad item is reported and the rest still go in.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from itertools import islice

from django.core.exceptions import ValidationError
from django.db import DatabaseError, transaction
from django.utils import timezone
from tqdm import tqdm

from newszone.accounts.models import Reporter
from newszone.articles import copydesk, revisions
from newszone.articles.models import (
    Article,
    ArticleReporter,
    ArticleType,
    Revision,
    Status,
)
from newszone.articles.services import SEARCH_SOURCE, check_ready, record_revision
from newszone.audit.log import record
from newszone.core.html import sanitize_html
from newszone.importers.checks import (
    ItemProblem,
    check_limits,
    check_new_names,
    dropped,
    fingerprint,
    unique,
    why,
)
from newszone.importers.items import Failure, ImportItem
from newszone.importers.photos import PhotoWriter
from newszone.importers.records import audit_batch, insert_all, keep_dates
from newszone.importers.report import Outcome, Report
from newszone.importers.resolve import Resolver
from newszone.search import api as search
from newszone.taxonomy.models import Section, Tag

# An import may bring stories in these states; the desk's verbs do the rest.
IMPORT_STATUSES = (Status.DRAFT, Status.REVIEW, Status.APPROVED, Status.PUBLISHED)
CHECKED = ("headline", "alternate_headline", "deck", "body")  # by the copy desk


@dataclass
class RunOptions:
    status: str = Status.DRAFT  # for items whose source gives none
    section: Section | None = None  # overrides what the source says
    language: str = ""  # overrides detection / the source
    published_at: datetime | None = None  # overrides the source's date
    dry_run: bool = False
    batch_size: int = 500
    source: str = "import"  # "import-text", "import-wxr"… (audit, revisions)


@dataclass
class Prepared:
    """An item checked and matched, ready to write."""

    item: ImportItem
    fields: dict
    reporters: list[Reporter]
    tags: list[Tag]
    status: str
    published_at: datetime | None
    fingerprint: str
    notes: list[str] = field(default_factory=list)
    findings: list = field(default_factory=list)


def run_import(
    items: Iterable[ImportItem | Failure],
    options: RunOptions,
    total: int | None = None,
    progress_stream=None,
) -> Report:
    """Write every item; what happened to each is in the report."""
    writer = Writer(options)
    stream = progress_stream or sys.stderr
    # A bar on a terminal only: piped output and logs stay clean.
    with tqdm(
        total=total, unit="item", file=stream, disable=not stream.isatty()
    ) as bar:
        for batch in chunks(items, options.batch_size):
            writer.write_batch(batch)
            bar.update(len(batch))
    writer.finish()
    writer.report.finish()
    return writer.report


def chunks(items: Iterable, size: int) -> Iterator[list]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


class Writer:
    def __init__(self, options: RunOptions):
        self.options = options
        self.report = Report(dry_run=options.dry_run)
        self.resolver = Resolver(dry_run=options.dry_run)
        self.photos = PhotoWriter(dry_run=options.dry_run)
        self.seen: dict[str, str] = {}  # source key → origin, this run
        self.sections_written: set[int] = set()

    # -- batches ---------------------------------------------------------

    def write_batch(self, batch: list[ImportItem | Failure]) -> None:
        items = []
        for item in batch:
            if isinstance(item, Failure):
                self.report.add(Outcome(item.origin, "failed", reason=item.reason))
            elif (first := self.seen.setdefault(item.source_key, item.origin)) != (
                item.origin
            ):
                reason = f"same source key {item.source_key} as {first}"
                self.report.add(Outcome(item.origin, "failed", reason=reason))
            else:
                items.append(item)
        existing = self.existing([item.source_key for item in items])
        if self.options.dry_run:
            self.finish_batch([self.dry_run_one(item, existing) for item in items])
            return
        try:
            with transaction.atomic():
                outcomes = self.write_many(items, existing)
        except (DatabaseError, OSError, ValidationError, ItemProblem):
            self.undo()
            outcomes = [self.write_alone(item, existing) for item in items]
        self.finish_batch(outcomes)

    def finish_batch(self, outcomes: list[Outcome]) -> None:
        self.report.made_rows(self.resolver.commit())
        self.photos.commit()
        for outcome in outcomes:
            self.report.add(outcome)

    def undo(self) -> None:
        self.resolver.rollback()
        self.photos.rollback()

    def existing(self, keys: list[str]) -> dict[str, dict]:
        rows = Article.objects.filter(source_key__in=keys).values(
            "pk", "source_key", "source_fingerprint", "status"
        )
        return {row["source_key"]: row for row in rows}

    def write_many(self, items: list[ImportItem], existing) -> list[Outcome]:
        """One transaction: bulk inserts for plain new stories, else one by one."""
        outcomes, new = [], []
        for item in items:
            prepared = self.prepare(item, existing)
            if isinstance(prepared, Outcome):
                outcomes.append(prepared)
            elif item.source_key in existing or item.photos:
                outcomes.append(self.write_one(prepared, existing))
            else:
                new.append(prepared)
        return outcomes + self.create_many(new)

    def write_alone(self, item: ImportItem, existing) -> Outcome:
        try:
            with transaction.atomic():
                prepared = self.prepare(item, existing)
                if isinstance(prepared, Outcome):
                    return prepared
                outcome = self.write_one(prepared, existing)
        except (DatabaseError, OSError, ValidationError, ItemProblem) as error:
            self.undo()
            return Outcome(item.origin, "failed", item.source_key, reason=why(error))
        self.finish_batch([])
        return outcome

    def finish(self) -> None:
        """Reader pages' caches learn that the sections written to changed."""
        if self.sections_written and not self.options.dry_run:
            Section.objects.filter(pk__in=self.sections_written).update(
                updated_at=timezone.now()
            )

    # -- one item --------------------------------------------------------

    def prepare(self, item: ImportItem, existing) -> Prepared | Outcome:
        """Check the item; an unchanged or killed story ends here. Else match its
        names to rows (making what is missing) and run the copy-desk checks."""
        try:
            # Every check a new story can fail runs before the first row it may
            # make (its section): a refused item leaves nothing behind.
            check_limits(item)
            language = self.language_for(item)
            row = existing.get(item.source_key)
            if row is None:
                status, published_at = self.status_for(item)
            check_new_names(item, self.resolver, self.options.section is None)
            section = self.section_for(item)
            digest = fingerprint(item, section, language)
            if row and (done := self.nothing_to_do(item, row, digest)):
                return done
            if row is not None:  # an update: checked as before, after "unchanged"
                status, published_at = self.status_for(item)
            notes: list[str] = list(item.notes)
            fields = self.article_fields(item, section, language, notes)
            reporters = unique(self.resolver.reporter(r, notes) for r in item.reporters)
            tags = unique(self.resolver.tag(name) for name in item.tags if name.strip())
        except ItemProblem as problem:
            return Outcome(item.origin, "failed", item.source_key, reason=str(problem))
        return Prepared(
            item=item,
            fields=fields,
            reporters=reporters,
            tags=tags,
            status=status,
            published_at=published_at,
            fingerprint=digest,
            notes=notes + dropped(item),
            findings=copydesk.check_fields(
                {name: fields[name] for name in CHECKED}, language
            ),
        )

    def nothing_to_do(self, item: ImportItem, row: dict, digest: str):
        """Unchanged since the last import, or killed by the desk: an outcome."""
        if row["source_fingerprint"] == digest:
            action, reason = "unchanged", ""
        elif row["status"] == Status.KILLED:
            action, reason = "skipped", "the story was killed: left as it is"
        else:
            return None
        return Outcome(
            item.origin, action, item.source_key, row["pk"], item.headline, reason
        )

    def section_for(self, item: ImportItem) -> Section:
        if self.options.section is not None:
            return self.options.section
        if item.section is None or not item.section.name.strip():
            raise ItemProblem("the source names no section: give --section")
        return self.resolver.section(item.section)

    def language_for(self, item: ImportItem) -> str:
        language = self.options.language or item.language
        if language not in ("ko", "en"):
            raise ItemProblem(f"language “{language}” is not ko or en: give --language")
        return language

    def article_fields(self, item, section: Section, language: str, notes) -> dict:
        kind = item.article_type
        if kind not in ArticleType.values:
            notes.append(f"type of work “{kind}” unknown: imported as news")
            kind = ArticleType.NEWS
        return {
            "language": language,
            "section": section,
            "article_type": kind,
            "headline": item.headline.strip(),
            "alternate_headline": item.alternate_headline.strip(),
            "deck": item.deck.strip(),
            "body": sanitize_html(item.body_html),
            "copyright_line": item.copyright_line.strip(),
        }

    def status_for(self, item: ImportItem) -> tuple[str, datetime | None]:
        status = item.status or self.options.status
        if status not in IMPORT_STATUSES:
            raise ItemProblem(f"status “{status}” cannot be imported")
        published_at = self.options.published_at or item.published_at
        if status == Status.PUBLISHED and published_at is None:
            raise ItemProblem("published, but no date: give --published-at")
        return status, published_at

    def write_one(self, prepared: Prepared, existing) -> Outcome:
        item = prepared.item
        row = existing.get(item.source_key)
        if row:
            article = Article.objects.select_for_update().get(pk=row["pk"])
            article.version += 1
            action, note = "updated", f"imported again from {item.origin}"
        else:
            article = Article(
                source_key=item.source_key,
                status=prepared.status,
                published_at=prepared.published_at,
                version=1,
            )
            action, note = "created", f"imported from {item.origin}"
        return self.save_one(article, prepared, action, note)

    def save_one(self, article, prepared: Prepared, action: str, note: str):
        for name, value in prepared.fields.items():
            setattr(article, name, value)
        article.source_fingerprint = prepared.fingerprint
        article.save()
        article.article_reporters.all().delete()
        ArticleReporter.objects.bulk_create(
            ArticleReporter(article=article, reporter=r, position=i)
            for i, r in enumerate(prepared.reporters)
        )
        article.tags.set(prepared.tags)
        if prepared.item.photos:
            self.photos.attach(article, prepared.item.photos, prepared.notes)
        if action == "created":
            self.hold_back_if_not_ready(article, prepared.notes)
            keep_dates([article.pk])
        revisions_note = f"{self.options.source}: {note}"[:200]
        record_revision(article, None, revisions_note)
        record(
            f"{self.options.source}:{action}", None, article, note=prepared.item.origin
        )
        self.sections_written.add(article.section_id)
        return self.outcome(prepared, action, article.pk)

    def hold_back_if_not_ready(self, article: Article, notes: list[str]) -> None:
        """A story that may not go out (a photo without alt text) waits as approved."""
        if article.status != Status.PUBLISHED:
            return
        try:
            check_ready(article)
        except ValidationError as error:
            article.status = Status.APPROVED
            article.save(update_fields=["status", "updated_at"])
            notes.append(f"kept back as approved, not published: {why(error)}")

    def outcome(self, prepared: Prepared, action: str, pk, reason="") -> Outcome:
        return Outcome(
            origin=prepared.item.origin,
            action=action,
            source_key=prepared.item.source_key,
            article_id=pk,
            headline=prepared.fields["headline"],
            reason=reason,
            findings=prepared.findings,
            notes=prepared.notes,
        )

    # -- many new items at once -----------------------------------------

    def create_many(self, batch: list[Prepared]) -> list[Outcome]:
        if not batch:
            return []
        articles = insert_all(Article, [new_article(p) for p in batch])
        self.link_many(articles, batch)
        ids = [a.pk for a in articles]
        keep_dates(ids)
        origins = [p.item.origin for p in batch]
        audit_batch(articles, f"{self.options.source}:created", origins)
        search.index_later(SEARCH_SOURCE, ids)
        self.sections_written.update(a.section_id for a in articles)
        return [
            self.outcome(p, "created", a.pk)
            for a, p in zip(articles, batch, strict=True)
        ]

    def link_many(self, articles: list[Article], batch: list[Prepared]) -> None:
        Through = Article.tags.through
        insert_all(
            ArticleReporter,
            [
                ArticleReporter(article=a, reporter=r, position=i)
                for a, p in zip(articles, batch, strict=True)
                for i, r in enumerate(p.reporters)
            ],
        )
        insert_all(
            Through,
            [
                Through(article_id=a.pk, tag_id=t.pk)
                for a, p in zip(articles, batch, strict=True)
                for t in p.tags
            ],
        )
        revisions_made = [
            Revision(
                article=a,
                number=1,
                note=f"{self.options.source}: imported from {p.item.origin}"[:200],
                data=revisions.snapshot_data(
                    a, [r.pk for r in p.reporters], [t.name for t in p.tags], []
                ),
            )
            for a, p in zip(articles, batch, strict=True)
        ]
        insert_all(Revision, revisions_made)

    # -- dry run ---------------------------------------------------------

    def dry_run_one(self, item: ImportItem, existing) -> Outcome:
        prepared = self.prepare(item, existing)
        self.report.made_rows(self.resolver.commit())
        if isinstance(prepared, Outcome):
            return prepared
        row = existing.get(item.source_key)
        if row is None:
            return self.outcome(prepared, "created", None)
        changed = changed_fields(Article.objects.get(pk=row["pk"]), prepared)
        return self.outcome(prepared, "updated", row["pk"], reason=changed)


def new_article(prepared: Prepared) -> Article:
    article = Article(
        source_key=prepared.item.source_key,
        source_fingerprint=prepared.fingerprint,
        status=prepared.status,
        published_at=prepared.published_at,
        version=1,
        **prepared.fields,
    )
    article._clean_body = article.body  # sanitised in prepare(): not again
    return article


def changed_fields(article: Article, prepared: Prepared) -> str:
    names = [
        name
        for name, value in prepared.fields.items()
        if getattr(article, name) != value
    ]
    if list(article.reporters.all()) != prepared.reporters:
        names.append("byline")
    if set(article.tags.all()) != set(prepared.tags):
        names.append("tags")
    return "changes " + (", ".join(names) if names else "photos or metadata")
