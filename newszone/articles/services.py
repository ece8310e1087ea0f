"""The desk's verbs. Each is one transaction, checked against the actor's
role (``workflow.require``), recorded in the audit log; side effects such as
indexing run on commit. ``actor`` None is the system (scheduler, importers,
the demo loader): only the story's state is checked then.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from datetime import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from newszone.articles import revisions, workflow
from newszone.articles.models import (
    Article,
    Correction,
    Revision,
    Status,
    WorkingCopy,
)
from newszone.audit.log import record
from newszone.search import api as search

SEARCH_SOURCE = "articles"
logger = logging.getLogger(__name__)


class StaleEdit(ValidationError):
    """A save based on an older version than the stored one."""

    def __init__(self, article: Article):
        latest = article.revisions.order_by("-number").first()
        who = latest.author.get_username() if latest and latest.author else _("someone")
        when = timezone.localtime(latest.created_at) if latest else article.updated_at
        super().__init__(
            _(
                "%(who)s saved this story at %(when)s while you were editing it. "
                "Your text is still below and kept as your working copy: compare "
                "it with the saved version, then save again to replace it."
            )
            % {"who": who, "when": f"{when:%Y-%m-%d %H:%M:%S}"},
            code="stale",
        )


def check_ready(article: Article) -> None:
    """What a story needs before it may go out: a headline, and alt text for
    every photo (readers who cannot see them are readers too)."""
    if not article.headline.strip():
        raise ValidationError(_("A story needs a headline before it is published."))
    uses = article.article_photos.select_related("photo").order_by("position", "pk")
    for number, use in enumerate(uses, start=1):
        if not (use.alt_text.strip() or use.photo.alt_text.strip()):
            raise ValidationError(
                _(
                    "Photo %(number)d (“%(photo)s”) has no alt text. Describe what "
                    "it shows for readers who cannot see it, then publish."
                )
                % {"number": number, "photo": use.shown_caption[:60] or use.photo}
            )


def _ready_to_publish(article: Article) -> None:
    """``check_ready``, and no embargo still running (read on the locked row)."""
    check_ready(article)
    if article.embargo_until and article.embargo_until > timezone.now():
        raise ValidationError(
            _(
                "The story is under embargo until %(time)s. Take it off the "
                "schedule first if the embargo has been lifted."
            )
            % {"time": f"{timezone.localtime(article.embargo_until):%Y-%m-%d %H:%M}"}
        )


def _locked(article: Article) -> Article:
    return Article.objects.select_for_update().get(pk=article.pk)


def _transition(
    article: Article, actor, action: str, note: str = "", check=None, **changes
) -> Article:
    """Lock the row, check the role and state (then ``check(locked)``), apply."""
    article = _locked(article)
    rule = workflow.require(actor, action, article)
    if check is not None:
        check(article)
    before = article.status
    article.status = rule.to_state
    for name, value in changes.items():
        setattr(article, name, value)
    article.save(update_fields=["status", "updated_at", *changes])
    detail = {"from": before, "to": article.status}
    detail.update({k: v.isoformat() for k, v in changes.items() if v is not None})
    record(action, actor, article, note=note, detail=detail)
    return article


@transaction.atomic
def submit_article(article: Article, actor, note: str = "") -> Article:
    return _transition(article, actor, "submit", note)


@transaction.atomic
def send_back_article(article: Article, actor, note: str = "") -> Article:
    return _transition(article, actor, "send_back", note)


@transaction.atomic
def approve_article(article: Article, actor, note: str = "") -> Article:
    return _transition(article, actor, "approve", note)


@transaction.atomic
def publish_article(
    article: Article, actor=None, *, at: datetime | None = None, note: str = ""
) -> Article:
    """Make ``article`` public now, keeping its first publication time."""
    article = _transition(
        article,
        actor,
        "publish",
        note,
        check=_ready_to_publish,
        published_at=at or article.published_at or timezone.now(),
        publish_at=None,
        embargo_until=None,
    )
    search.index_later(SEARCH_SOURCE, [article.pk])
    return article


@transaction.atomic
def schedule_article(
    article: Article,
    actor,
    publish_at: datetime,
    embargo_until: datetime | None = None,
    note: str = "",
) -> Article:
    """Publish ``article`` by itself at ``publish_at`` (not before the embargo)."""
    if publish_at is None or timezone.is_naive(publish_at):
        raise ValidationError(_("Give the publication time with its time zone."))
    if embargo_until is not None and timezone.is_naive(embargo_until):
        raise ValidationError(_("Give the embargo time with its time zone."))
    if publish_at <= timezone.now():
        raise ValidationError(_("The publication time must be in the future."))
    article = _transition(
        article,
        actor,
        "schedule",
        note,
        check=check_ready,
        publish_at=publish_at,
        embargo_until=embargo_until,
    )
    search.index_later(SEARCH_SOURCE, [article.pk])
    transaction.on_commit(lambda: _wake_scheduler(article.goes_live_at))
    return article


def _wake_scheduler(when: datetime) -> None:
    """Ask the job worker to run ``publish_due`` at ``when`` (if it can wait)."""
    from django_tasks import default_task_backend

    from newszone.articles.tasks import publish_due_task

    if default_task_backend.supports_defer:
        publish_due_task.using(run_after=when).enqueue()


@transaction.atomic
def unschedule_article(article: Article, actor, note: str = "") -> Article:
    article = _transition(
        article, actor, "unschedule", note, publish_at=None, embargo_until=None
    )
    search.index_later(SEARCH_SOURCE, [article.pk])
    return article


def _take_down(article: Article, actor, action: str, note: str) -> Article:
    article = _transition(article, actor, action, note)
    search.hide_now(SEARCH_SOURCE, article.pk)  # gone from search at once
    search.index_later(SEARCH_SOURCE, [article.pk])
    return article


@transaction.atomic
def unpublish_article(article: Article, actor=None, note: str = "") -> Article:
    """Take ``article`` off every public output; it may be published again."""
    return _take_down(article, actor, "unpublish", note)


@transaction.atomic
def kill_article(article: Article, actor, note: str = "") -> Article:
    """Withdraw ``article`` for good (legal, grave error): never public again."""
    return _take_down(article, actor, "kill", note)


# The transitions that need nothing but the story, the actor and a note
# (``schedule_article`` also takes its times).
VERBS = {
    "submit": submit_article,
    "send_back": send_back_article,
    "approve": approve_article,
    "publish": publish_article,
    "unschedule": unschedule_article,
    "unpublish": unpublish_article,
    "kill": kill_article,
}


def publish_due() -> list[int]:
    """Publish every scheduled story whose time has come; the ids published.

    Run by the job worker at each story's time and every few seconds by
    ``newszone serve``, so anything missed while it was down goes out on start.
    """
    done = []
    for pk in (
        Article.objects.due().order_by("publish_at", "pk").values_list("pk", flat=True)
    ):
        try:
            with transaction.atomic():
                article = Article.objects.select_for_update().get(pk=pk)
                if not Article.objects.due().filter(pk=article.pk).exists():
                    continue  # another worker got there first, or it was rescheduled
                publish_article(
                    article, None, at=article.goes_live_at, note="scheduled"
                )
                done.append(pk)
        except (ValidationError, PermissionDenied) as error:
            _schedule_failed(pk, error)
    return done


@transaction.atomic
def _schedule_failed(pk: int, error: Exception) -> None:
    """A story that cannot go out goes back to the desk, saying why."""
    reason = " ".join(getattr(error, "messages", [str(error)]))
    logger.error("Scheduled story %s could not be published: %s", pk, reason)
    Article.objects.filter(pk=pk, status=Status.SCHEDULED).update(
        status=Status.APPROVED, updated_at=timezone.now()
    )
    article = Article.objects.get(pk=pk)
    record("schedule_failed", None, article, note=reason, detail={"to": "approved"})


@transaction.atomic
def add_correction(article: Article, actor, text: str, kind: str = "correction"):
    """Append a correction or update note to a published story."""
    article = _locked(article)
    workflow.require(actor, "correct", article)
    text = (text or "").strip()
    if not text:
        raise ValidationError(_("Write the text of the correction."))
    if kind not in Correction.Kind.values:
        raise ValidationError(_("Unknown kind of note: %s") % kind)
    correction = Correction.objects.create(
        article=article, kind=kind, text=text, created_by=actor
    )
    Article.objects.filter(pk=article.pk).update(updated_at=timezone.now())
    record(kind, actor, article, note=text)
    search.index_later(SEARCH_SOURCE, [article.pk])
    return correction


# ---------------------------------------------------------------------------
# Editing: versions, revisions, working copies
# ---------------------------------------------------------------------------


def check_can_edit(article: Article, actor) -> None:
    workflow.require(actor, "edit" if article.pk else "create", article)


# Changed only by the verbs above, never by a save of the text.
WORKFLOW_FIELDS = ["status", "published_at", "publish_at", "embargo_until"]


def claim_version(article: Article, base_version: int | None) -> int:
    """Lock the story and take the next version, or raise StaleEdit.

    Call inside the saving transaction, before writing: the row lock makes a
    second save from the same base wait, then fail here. The workflow fields
    are refreshed from the locked row, so a save never undoes a transition.
    """
    stored = Article.objects.select_for_update().get(pk=article.pk)
    for name in WORKFLOW_FIELDS:
        setattr(article, name, getattr(stored, name))
    if base_version is not None and base_version != stored.version:
        raise StaleEdit(article)
    return stored.version + 1


@transaction.atomic
def record_revision(article: Article, actor, note: str = "") -> Revision:
    """After a save: freeze the whole story as a new revision."""
    last = article.revisions.order_by("-number").values_list("number", flat=True)
    revision = Revision.objects.create(
        article=article,
        number=(last.first() or 0) + 1,
        author=actor if getattr(actor, "is_authenticated", False) else None,
        note=note,
        data=revisions.snapshot(article),
    )
    if revision.author:  # their work is saved now
        WorkingCopy.objects.filter(article=article, user=revision.author).delete()
    search.index_later(SEARCH_SOURCE, [article.pk])
    return revision


@transaction.atomic
def save_article(
    article: Article,
    actor,
    base_version: int | None,
    note: str = "",
    after_save: Callable[[Article], None] | None = None,
) -> Article:
    """Save edits made outside the desk form (API): check the role, refuse a
    stale base version, bump the version, then ``after_save`` (bylines, tags,
    photos) and the revision, all in one transaction."""
    if article.pk is None:
        check_can_edit(article, actor)
        article.created_by = actor if getattr(actor, "pk", None) else None
        article.version = 1
    else:
        article.version = claim_version(article, base_version)
        check_can_edit(article, actor)
    article.save()
    if after_save is not None:
        after_save(article)
    record_revision(article, actor, note)
    return article


@transaction.atomic
def restore_revision(article: Article, revision: Revision, actor) -> Revision:
    """Make ``revision`` the current text again, as a new revision."""
    if revision.article_id != article.pk:
        raise ValidationError(_("That revision belongs to another story."))
    article = _locked(article)
    check_can_edit(article, actor)
    article.version += 1
    revisions.apply(article, revision.data)
    record("restore", actor, article, detail={"revision": revision.number})
    return record_revision(article, actor, _("Restored revision %d") % revision.number)


def keep_working_copy(
    article: Article, user, data: dict, base_version: int, refused: bool = False
) -> WorkingCopy:
    """Store ``user``'s unsaved text of ``article`` (autosave or refused save)."""
    copy, _ = WorkingCopy.objects.update_or_create(
        article=article,
        user=user,
        defaults={"data": data, "base_version": base_version, "refused": refused},
    )
    return copy


# ---------------------------------------------------------------------------
# Links and removal
# ---------------------------------------------------------------------------


@transaction.atomic
def delete_articles(articles: Iterable[Article], actor=None) -> int:
    """Delete never-published drafts, and their search documents, together."""
    articles = list(articles)
    for article in articles:
        workflow.require(actor, "delete", article)
    ids = [a.pk for a in articles]
    search.remove_now(SEARCH_SOURCE, ids)
    for article in articles:
        record("delete", actor, article)
    deleted, _counts = Article.objects.filter(pk__in=ids).delete()
    return deleted


def article_saved(article: Article) -> None:
    """After a save that bypasses the revision (bulk tools): reindex it."""
    search.index_later(SEARCH_SOURCE, [article.pk])


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
