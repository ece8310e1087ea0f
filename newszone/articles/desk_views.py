"""The desk's own screens beside the article form: revisions and their diff,
restore, autosave with presence, corrections, copy-desk fixes, and the
dashboard's lists."""

from __future__ import annotations

import html
from datetime import timedelta

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponseRedirect, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from newszone.articles import copydesk, services, workflow
from newszone.articles import revisions as revs
from newszone.articles.forms import WORKING_FIELDS, CorrectionForm
from newszone.articles.models import (
    Article,
    Correction,
    DeskPresence,
    Revision,
    Status,
    WorkingCopy,
)
from newszone.audit.log import history

PRESENCE_SECONDS = 60  # the editor page pings every NEWSZONE_AUTOSAVE_SECONDS
MAX_WORKING_FIELD = 200_000


def _change_url(article: Article) -> str:
    return reverse("admin:articles_article_change", args=[article.pk])


def others_here(article: Article, user) -> list[str]:
    since = timezone.now() - timedelta(seconds=PRESENCE_SECONDS)
    present = DeskPresence.objects.filter(article=article, seen_at__gte=since)
    return sorted(
        p.user.get_username() for p in present.exclude(user=user).select_related("user")
    )


def workflow_context(request, article: Article) -> dict:
    """What the article form shows around the fields."""
    DeskPresence.objects.update_or_create(
        article=article, user=request.user, defaults={"seen_at": timezone.now()}
    )
    copy = WorkingCopy.objects.filter(article=article, user=request.user).first()
    return {
        "workflow_actions": workflow.allowed_actions(request.user, article),
        "can_correct": workflow.can(request.user, "correct", article),
        "correction_form": CorrectionForm(),
        "history": history(article).select_related("actor")[:50],
        "revision_count": article.revisions.count(),
        "others_here": others_here(article, request.user),
        "working_copy": copy if copy and copy.data != _saved_fields(article) else None,
        "autosave_url": reverse("admin:articles_article_autosave", args=[article.pk]),
        "autosave_every": settings.NEWSZONE_AUTOSAVE_SECONDS,
    }


def _saved_fields(article: Article) -> dict:
    return {f: getattr(article, f) for f in WORKING_FIELDS}


def resume_working_copy(article: Article, user) -> None:
    """Put ``user``'s working copy into ``article`` in memory (not saved)."""
    copy = WorkingCopy.objects.filter(article=article, user=user).first()
    if copy is None:
        return
    for name in WORKING_FIELDS:
        if name in copy.data:
            setattr(article, name, copy.data[name])
    article.version = copy.base_version  # a stale base is refused on save


def _article_for(request, pk: int, action: str = "edit") -> Article:
    article = get_object_or_404(Article, pk=pk)
    if not workflow.can(request.user, action, article):
        raise PermissionDenied
    return article


def revisions(request, pk: int):
    """Every revision of a story; ``?a=N&b=M`` shows the diff between two."""
    article = get_object_or_404(Article, pk=pk)
    if not workflow.is_desk_writer(request.user):
        raise PermissionDenied
    all_revisions = list(article.revisions.select_related("author"))
    by_number = {r.number: r for r in all_revisions}
    changes, pair = None, None
    if "a" in request.GET and "b" in request.GET:
        try:
            old, new = (
                by_number[int(request.GET["a"])],
                by_number[int(request.GET["b"])],
            )
        except (KeyError, ValueError):
            raise Http404(_("No such revision.")) from None
        if old.number > new.number:
            old, new = new, old
        pair, changes = (old, new), revs.diff(old.data, new.data)
    context = {
        "title": _("Revisions of “%s”") % article,
        "article": article,
        "revisions": all_revisions,
        "pair": pair,
        "changes": changes,
        "can_restore": workflow.can(request.user, "edit", article),
        "opts": Article._meta,
        "change_url": _change_url(article),
        **_site_context(request),
    }
    return render(request, "admin/articles/article/revisions.html", context)


def _site_context(request) -> dict:
    from django.contrib import admin

    return admin.site.each_context(request)


@require_POST
def restore(request, pk: int, number: int):
    article = _article_for(request, pk)
    revision = get_object_or_404(Revision, article=article, number=number)
    new = services.restore_revision(article, revision, request.user)
    messages.success(
        request,
        _("Revision %(old)d restored as revision %(new)d.")
        % {"old": number, "new": new.number},
    )
    return HttpResponseRedirect(_change_url(article))


@require_POST
def autosave(request, pk: int):
    """The editor page's ping: keep unsaved text, say who else is here."""
    article = get_object_or_404(Article, pk=pk)
    if not workflow.can(request.user, "create"):
        raise PermissionDenied
    DeskPresence.objects.update_or_create(
        article=article, user=request.user, defaults={"seen_at": timezone.now()}
    )
    kept = None
    if workflow.can(request.user, "edit", article) and "headline" in request.POST:
        data = {f: request.POST.get(f, "")[:MAX_WORKING_FIELD] for f in WORKING_FIELDS}
        try:
            base = int(request.POST.get("base_version", article.version))
        except ValueError:
            return JsonResponse({"error": _("Bad base version.")}, status=400)
        if data != _saved_fields(article):
            copy = services.keep_working_copy(article, request.user, data, base)
            kept = copy.saved_at.isoformat()
    return JsonResponse(
        {
            "others": others_here(article, request.user),
            "kept_at": kept,
            "version": article.version,
        }
    )


@require_POST
def correct(request, pk: int):
    article = get_object_or_404(Article, pk=pk)
    form = CorrectionForm(request.POST)
    try:
        if not form.is_valid():
            raise ValidationError(list(form.errors.values())[0])
        services.add_correction(
            article, request.user, form.cleaned_data["text"], form.cleaned_data["kind"]
        )
        messages.success(request, _("The note was added to the story."))
    except (ValidationError, PermissionDenied) as error:
        text = " ".join(getattr(error, "messages", [str(error)]))
        messages.error(request, text or _("You may not add notes to this story."))
    return HttpResponseRedirect(_change_url(article))


MAX_SAVE_WARNINGS = 5  # the rest wait in the panel, not in a wall of messages


def copydesk_context(request, article: Article) -> dict:
    """The copy-desk panel: findings on the story as stored (a fix applies to
    the stored text), and whether this user may apply them."""
    if request.GET.get("resume"):  # the form shows a working copy; fixes don't
        article = Article.objects.get(pk=article.pk)
    return {
        "copydesk_findings": [
            (finding, Article._meta.get_field(finding.field).verbose_name)
            for finding in copydesk.check_article(article)
        ],
        "copydesk_version": article.version,
        "copydesk_can_fix": workflow.can(request.user, "edit", article),
        "copydesk_url": reverse(
            "admin:articles_article_copydesk_fix", args=[article.pk]
        ),
    }


def warn_copydesk(request, article: Article) -> None:
    """After a save: the copy desk's findings as warnings (never fixed here)."""
    findings = copydesk.check_article(article)
    for finding in findings[:MAX_SAVE_WARNINGS]:
        messages.warning(
            request,
            _("Copy desk: %(message)s (“%(excerpt)s”)")
            % {"message": finding.message, "excerpt": finding.excerpt},
        )
    if len(findings) > MAX_SAVE_WARNINGS:
        more = len(findings) - MAX_SAVE_WARNINGS
        messages.warning(
            request,
            ngettext(
                "Copy desk: %d more finding, listed in the Copy desk panel.",
                "Copy desk: %d more findings, listed in the Copy desk panel.",
                more,
            )
            % more,
        )


def _posted_finding(request, article: Article) -> copydesk.Finding | None:
    """The finding the editor clicked, recomputed on the stored story and
    matched by its token (code, field and text), never by its place in a
    list that may have changed since the page was drawn."""
    token = request.POST.get("token", "")
    found = copydesk.check_article(article)
    return next((finding for finding in found if finding.token == token), None)


@require_POST
def copydesk_fix(request, pk: int):
    """Apply one copy-desk fix, as a checked, versioned save with a revision."""
    article = get_object_or_404(Article, pk=pk)
    try:
        finding = _apply_posted_fix(request, article)
    except ValidationError as error:  # StaleEdit, the story's state, a gone finding
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _fixed_message(finding))
    return HttpResponseRedirect(_change_url(article))


def _fixed_message(finding: copydesk.Finding) -> str:
    """What changed, in plain text (``find`` may be HTML in the body)."""
    field = Article._meta.get_field(finding.field).verbose_name
    if not finding.replace:
        return _("Copy desk: deleted “%(text)s” from the %(field)s.") % {
            "text": finding.excerpt,
            "field": field,
        }
    return _("Copy desk: “%(old)s” is now “%(new)s” in the %(field)s.") % {
        "old": html.unescape(strip_tags(finding.find)),
        "new": html.unescape(strip_tags(finding.replace)),
        "field": field,
    }


def _refuse_over_unsaved_work(user, article: Article) -> None:
    """A save clears the user's working copy (``record_revision``): a fix
    saved now would throw away text they typed but have not saved."""
    copy = WorkingCopy.objects.filter(article=article, user=user).first()
    if copy and copy.data != _saved_fields(article):
        raise ValidationError(
            _(
                "You have unsaved changes to this story. Save the story first, "
                "then apply the fix."
            )
        )


def _apply_posted_fix(request, article: Article) -> copydesk.Finding:
    """Raise PermissionDenied (a 403) or ValidationError (nothing changed)."""
    workflow.require(request.user, "edit", article)
    _refuse_over_unsaved_work(request.user, article)
    try:
        base = int(request.POST.get("version", ""))
    except ValueError:
        raise ValidationError(_("Reload the story and try again.")) from None
    finding = _posted_finding(request, article)
    if finding is None or not finding.fixable:
        raise ValidationError(
            _("That copy-desk finding is no longer in the story: nothing was changed.")
        )
    fixed = copydesk.apply_fix(getattr(article, finding.field), finding)
    setattr(article, finding.field, fixed)
    note = _("Copy desk: %s") % finding.message
    services.save_article(article, request.user, base, note=note[:200])
    return finding


def dashboard(user) -> dict:
    """The desk home's lists for ``user``."""
    recent = timezone.now() - timedelta(days=7)
    articles = Article.objects.select_related("section")
    return {
        "my_drafts": articles.filter(status=Status.DRAFT, created_by=user).order_by(
            "-updated_at"
        )[:20],
        "in_review": articles.filter(status=Status.REVIEW).order_by("updated_at")[:20],
        "approved": articles.filter(status=Status.APPROVED).order_by("updated_at")[:20],
        "scheduled": articles.filter(status=Status.SCHEDULED).order_by("publish_at")[
            :20
        ],
        "published": articles.filter(
            status=Status.PUBLISHED, published_at__gte=recent
        ).order_by("-published_at")[:20],
        "corrected": Correction.objects.select_related("article")
        .filter(created_at__gte=recent)
        .order_by("-created_at")[:20],
    }
