"""Read endpoints: articles (plain JSON or ninjs), sections, reporters, tags.

Visibility: without a desk token only ``Article.objects.published()`` is
read, the same door as every reader page; a non-public story is a 404, as if
it did not exist. A token of a desk writer (``workflow.can(user, "create")``)
or a superuser also sees drafts, scheduled and embargoed stories, with
``Cache-Control: private, no-store``. A token of anyone else reads as the
public does.

Caching: every answer carries an ETag and a Last-Modified and answers
If-None-Match / If-Modified-Since with 304. An article's ETag is
``common.article_etag`` (what PATCH's If-Match expects); a list's is a hash
of its body, its Last-Modified the newest change to anything it can show
(``frontend.conditional``), so a story leaving the list changes it too.
Shared caches keep public answers one minute: there is no purge yet, and an
unpublished or killed story must leave every cache quickly.
"""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, datetime
from pathlib import Path

from django.db.models import Count
from django.http import HttpResponse
from django.utils.cache import (
    add_never_cache_headers,
    get_conditional_response,
    patch_vary_headers,
)
from django.utils.http import http_date, quote_etag

from newszone.accounts.models import Reporter
from newszone.api import paging
from newszone.api.common import article_etag, endpoint, problem
from newszone.api.ninjs import NINJS, article_ninjs
from newszone.api.paging import as_id
from newszone.api.schemas import RESOURCES
from newszone.api.serializers import (
    api_url,
    article_json,
    reporter_json,
    section_json,
    tag_json,
)
from newszone.articles import workflow
from newszone.articles.models import Article
from newszone.frontend.conditional import content_last_modified
from newszone.publication.models import Publication
from newszone.taxonomy.models import Section, Tag

JSON = "application/json"
PUBLIC_CACHE = "public, max-age=60"
DESK_CACHE = "private, no-store"
# The index, the OpenAPI document and the docs change only with this code.
CODE_CHANGED = datetime.fromtimestamp(
    max(
        path.stat().st_mtime
        for path in Path(__file__).parent.rglob("*")
        if path.suffix in (".py", ".html")
    ),
    UTC,
)


# -- who reads, in which form ------------------------------------------------------


def is_desk(request) -> bool:
    """A token of a desk writer or a superuser: they see unpublished work."""
    user = getattr(request, "api_user", None)
    return bool(user and workflow.is_desk_writer(user))


def visible_articles(desk: bool):
    return Article.objects.all() if desk else Article.objects.published()


def wants_ninjs(request) -> bool:
    """``?format=ninjs|json`` first, then the Accept header (JSON by default)."""
    chosen = request.GET.get("format")
    if chosen:
        if chosen not in ("json", "ninjs"):
            raise paging.bad_param("format", "Either 'json' or 'ninjs'.")
        return chosen == "ninjs"
    return request.get_preferred_type([JSON, NINJS]) == NINJS


def with_everything(articles):
    """What one article shows, in a fixed number of queries for any number."""
    return (
        articles.for_listing()
        .select_related("translation")
        .prefetch_related("tags", "corrections")
    )


def changed(*moments):
    """Last-Modified: the newest of ``moments`` and of this code (a deploy
    that changes what answers look like must not be answered with 304)."""
    return max([CODE_CHANGED, *(m for m in moments if m is not None)])


# -- answers --------------------------------------------------------------------


def answer(request, data, **options) -> HttpResponse:
    """``data`` as compact UTF-8 JSON; see ``conditional`` for the options."""
    content = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode()
    return conditional(request, content, **options)


def conditional(
    request,
    content: bytes,
    *,
    desk: bool,
    last_modified=None,
    etag: str | None = None,
    content_type: str = JSON,
    vary: tuple[str, ...] = (),
) -> HttpResponse:
    """An answer with its validators, or a 304 when the client's copy is
    still good. Without ``etag``, a hash of the content is the ETag."""
    etag = etag or quote_etag(hashlib.sha256(content).hexdigest()[:32])
    stamp = int(last_modified.timestamp()) if last_modified else None
    response = get_conditional_response(request, etag=etag, last_modified=stamp)
    if response is None:
        response = HttpResponse(content, content_type=content_type)
    response["ETag"] = etag
    if stamp is not None:
        response["Last-Modified"] = http_date(stamp)
    response["Cache-Control"] = DESK_CACHE if desk else PUBLIC_CACHE
    if vary:
        patch_vary_headers(response, vary)
    return response


def not_found(what: str) -> HttpResponse:
    # Never cached: an embargoed story's URL answers 200 once the embargo lifts.
    response = problem(404, "Not Found", f"No such {what}.")
    add_never_cache_headers(response)
    return response


# -- articles -------------------------------------------------------------------


def article_list(request):
    """GET /api/v1/articles/ (called by ``views.articles``, which authenticates)."""
    desk = is_desk(request)
    ninjs = wants_ninjs(request)
    query = paging.ArticleQuery.parse(request)
    articles = query.apply(visible_articles(desk))
    rows = list(with_everything(articles)[: query.limit + 1])
    page, more = rows[: query.limit], len(rows) > query.limit
    publication = Publication.current()
    render = article_ninjs if ninjs else article_json
    next_url = query.next_url(request, page[-1]) if more else None
    data = {
        "next": next_url,
        "results": [render(a, request, desk, publication) for a in page],
    }
    response = answer(
        request,
        data,
        desk=desk,
        last_modified=changed(content_last_modified()),
        vary=("Accept", "Authorization"),
    )
    if next_url:
        response["Link"] = f'<{next_url}>; rel="next"'
    return response


def article_detail(request, pk: int):
    """GET /api/v1/articles/{id}/ (called by ``views.article``)."""
    desk = is_desk(request)
    ninjs = wants_ninjs(request)
    # An id past the database's integers matches nothing (Django checks).
    article = with_everything(visible_articles(desk)).filter(pk=pk).first()
    if article is None:
        return not_found("article")
    publication = Publication.current()
    render = article_ninjs if ninjs else article_json
    return answer(
        request,
        render(article, request, desk, publication),
        desk=desk,
        etag=article_etag(article),
        last_modified=shown_last_modified(article, publication),
        content_type=NINJS if ninjs else JSON,
        vary=("Accept", "Authorization"),
    )


def shown_last_modified(article, publication):
    """The newest change among the rows an article's answer shows."""
    rows = [article, article.section, publication, *article.ordered_reporters]
    rows += [use.photo for use in article.ordered_photos]
    if article.translation is not None:
        rows.append(article.translation)
    return changed(*(row.updated_at for row in rows))


# -- sections, reporters, tags --------------------------------------------------


def public_counts(field: str) -> dict[int, int]:
    """Public stories per section, reporter or tag id, in one query."""
    rows = (
        Article.objects.published()
        .order_by()
        .filter(**{f"{field}__isnull": False})
        .values(field)
        .annotate(n=Count("pk", distinct=True))
        .values_list(field, "n")
    )
    return dict(rows)


@endpoint("GET")
def index(request):
    data = {name: api_url(request, name) for name in RESOURCES}
    data["ninjs"] = NINJS
    return answer(request, data, desk=False, last_modified=CODE_CHANGED)


@endpoint("GET")
def section_list(request):
    tree = Section.objects.tree()
    counts = public_counts("section")
    data = {"results": [section_json(s, request, tree, counts) for s in tree.values()]}
    return answer(
        request, data, desk=False, last_modified=changed(content_last_modified())
    )


@endpoint("GET")
def section_detail(request, slug: str):
    tree = Section.objects.tree()
    current = next((s for s in tree.values() if s.slug == slug), None)
    if current is None:
        return not_found("section")
    counts = public_counts("section")
    data = section_json(current, request, tree, counts)
    data["ancestors"] = [s.slug for s in current.ancestry(tree)[:-1]]
    data["children"] = [
        section_json(s, request, tree, counts)
        for s in tree.values()
        if s.parent_id == current.pk
    ]
    return answer(
        request, data, desk=False, last_modified=changed(content_last_modified())
    )


@endpoint("GET")
def reporter_list(request):
    counts = public_counts("reporters")
    data = {
        "results": [
            reporter_json(reporter, request, counts.get(reporter.pk, 0))
            for reporter in Reporter.objects.order_by("name_ko", "pk")
        ]
    }
    return answer(
        request, data, desk=False, last_modified=changed(content_last_modified())
    )


@endpoint("GET")
def reporter_detail(request, slug: str):
    reporter = Reporter.objects.filter(slug=slug).first()
    if reporter is None and as_id(slug):
        reporter = Reporter.objects.filter(pk=as_id(slug)).first()
    if reporter is None:
        return not_found("reporter")
    count = public_counts("reporters").get(reporter.pk, 0)
    return answer(
        request,
        reporter_json(reporter, request, count),
        desk=False,
        last_modified=changed(content_last_modified()),
    )


@endpoint("GET")
def tag_list(request):
    """Tags of public stories (a desk token: every tag). A tag may exist only
    on embargoed work, and its name alone can be news."""
    desk = is_desk(request)
    counts = public_counts("tags")
    tags = Tag.objects.order_by("name") if desk else Tag.objects.filter(pk__in=counts)
    data = {"results": [tag_json(tag, request, counts.get(tag.pk, 0)) for tag in tags]}
    return answer(
        request,
        data,
        desk=desk,
        last_modified=changed(content_last_modified()),
        vary=("Authorization",),
    )
