"""The desk's own screens beside the article form: revisions and their diff,
restore, autosave with presence, corrections, and the dashboard's lists."""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponseRedirect, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from newszone.articles import revisions as revs
from newszone.articles import services, workflow
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
