"""Reader pages. Every query goes through ``published()``; counts stay fixed."""

from django.contrib.admin.views.decorators import staff_member_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import InvalidPage, Paginator
from django.db.models import Count, F, Q, Window
from django.db.models.functions import RowNumber
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from newszone.accounts.models import Reporter
from newszone.articles import workflow
from newszone.articles.models import Article, ArticleType, Correction
from newszone.articles.search import plain_text
from newszone.frontend.conditional import conditional_page
from newszone.frontend.context_processors import section_tree
from newszone.frontend.search_form import SearchForm
from newszone.search import api as search_api
from newszone.search.highlight import mark, query_terms, snippet
from newszone.taxonomy.models import Tag

PER_PAGE = 20
LATEST_PER_SECTION = 4
PHOTO_STRIP = 8
PHOTO_SECTION_SLUG = "photo-news"


def public_articles():
    return Article.objects.published().in_language(get_language())


def paginate(request, articles, per_page: int = PER_PAGE):
    """Newest first, one page of it; 404 for ``?page=abc``, ``0`` or past the end."""
    paginator = Paginator(articles.for_listing().newest_first(), per_page)
    try:
        return paginator.page(request.GET.get("page") or 1)
    except InvalidPage:
        raise Http404("No such page") from None


@require_safe
@conditional_page
def home(request):
    tree = section_tree(request)
    articles = public_articles()
    # The newest top story leads; without one, the newest story.
    top = articles.for_listing().order_by("-featured", "-published_at", "-pk").first()
    latest = list(
        articles.exclude(pk=getattr(top, "pk", None))
        .annotate(
            row=Window(
                RowNumber(),
                partition_by=[F("section_id")],
                order_by=[F("published_at").desc(), F("pk").desc()],
            )
        )
        .filter(row__lte=LATEST_PER_SECTION)
        .for_listing()
        .newest_first()
    )
    return render(
        request,
        "frontend/home.html",
        {
            "top": top,
            "blocks": section_blocks(tree, latest),
            "photo_strip": photo_strip(tree),
        },
    )


def section_blocks(tree, articles):
    """Group the latest stories under their top-level section, in menu order."""
    roots = [s for s in tree.values() if s.parent_id is None]
    blocks = {root.pk: (root, []) for root in roots}
    for article in articles:
        root = article.section.ancestry(tree)[0]
        if root.pk in blocks and len(blocks[root.pk][1]) < LATEST_PER_SECTION:
            blocks[root.pk][1].append(article)
    return [block for block in blocks.values() if block[1]]


def photo_strip(tree, within=None):
    """The newest stories with photos: photo stories and Photo News for the
    home page, or any story with a photo in the sections ``within``."""
    if within is not None:
        chosen = Q(section__in=within)
    else:
        photo_sections = {
            pk
            for section in tree.values()
            if section.slug == PHOTO_SECTION_SLUG
            for pk in section.descendant_ids(tree)
        }
        chosen = Q(article_type=ArticleType.PHOTO) | Q(section__in=photo_sections)
    return list(
        public_articles()
        .filter(chosen)
        .filter(article_photos__isnull=False)
        .distinct()
        .for_listing()
        .newest_first()[:PHOTO_STRIP]
    )


@require_safe
@conditional_page
def section(request, slug):
    tree = section_tree(request)
    current = next((s for s in tree.values() if s.slug == slug), None)
    if current is None:
        raise Http404("No such section")
    within = current.descendant_ids(tree)
    page = paginate(request, public_articles().filter(section__in=within))
    return render(
        request,
        "frontend/section.html",
        {
            "section": current,
            "breadcrumb": current.ancestry(tree),
            "children": [s for s in tree.values() if s.parent_id == current.pk],
            "page": page,
            "photo_strip": photo_strip(tree, within),
        },
    )


@require_safe
@conditional_page
def article(request, pk):
    story = get_object_or_404(
        Article.objects.published()
        .select_related("section", "translation")
        .prefetch_related("tags", "corrections")
        .for_listing(),
        pk=pk,
    )
    if story.language != get_language():
        return redirect(story.get_absolute_url(), permanent=True)
    return render_article(request, story)


def render_article(request, story, *, preview=False):
    tree = section_tree(request)
    siblings = Article.objects.published().in_language(story.language)
    in_section = siblings.filter(section=story.section_id).exclude(pk=story.pk)
    context = {
        "article": story,
        "breadcrumb": story.section.ancestry(tree),
        "translation": story.translation
        if story.translation and story.translation.is_public
        else None,
        "previous": in_section.filter(published_at__lt=story.published_at)
        .newest_first()
        .first()
        if story.published_at
        else None,
        "next": in_section.filter(published_at__gt=story.published_at)
        .order_by("published_at", "pk")
        .first()
        if story.published_at
        else None,
        "related": related_articles(story, siblings),
        "preview": preview,
    }
    return render(request, "frontend/article.html", context)


def related_articles(story, siblings, limit: int = 4):
    """Stories sharing the most tags, newest first; same section without tags."""
    tag_ids = [tag.pk for tag in story.tags.all()]
    others = siblings.exclude(pk=story.pk)
    if tag_ids:
        others = others.filter(tags__in=tag_ids).annotate(shared=Count("tags"))
        others = others.order_by("-shared", "-published_at", "-pk")
    else:
        others = others.filter(section=story.section_id).newest_first()
    return list(others.for_listing()[:limit])


@require_safe
@conditional_page
def corrections(request):
    """Every correction and update note on public stories, newest first."""
    notes = (
        Correction.objects.filter(
            article__in=Article.objects.published().in_language(get_language())
        )
        .select_related("article", "article__section")
        .order_by("-created_at", "-pk")
    )
    try:
        page = Paginator(notes, PER_PAGE).page(request.GET.get("page") or 1)
    except InvalidPage:
        raise Http404("No such page") from None
    return render(request, "frontend/corrections.html", {"page": page})


@never_cache
@staff_member_required
def preview(request, pk):
    """The story as readers will see it, before it is published (desk only)."""
    if not workflow.is_desk_writer(request.user):
        raise PermissionDenied
    story = get_object_or_404(
        Article.objects.select_related("section", "translation")
        .prefetch_related("tags", "corrections")
        .for_listing(),
        pk=pk,
    )
    from django.utils import translation

    translation.activate(story.language)
    request.LANGUAGE_CODE = story.language
    response = render_article(request, story, preview=True)
    response.headers["X-Robots-Tag"] = "noindex, nofollow"
    return response


@require_safe
@conditional_page
def reporter(request, slug):
    person = get_object_or_404(Reporter, slug=slug)
    articles = public_articles().filter(reporters=person)
    page = paginate(request, articles)
    return render(request, "frontend/reporter.html", {"reporter": person, "page": page})


@require_safe
@conditional_page
def tag(request, slug):
    topic = get_object_or_404(Tag, slug=slug)
    articles = public_articles().filter(tags=topic)
    page = paginate(request, articles)
    return render(request, "frontend/tag.html", {"tag": topic, "page": page})


def not_found(request, exception=None):
    return render(request, "404.html", status=404)


def server_error(request):
    return render(request, "500.html", status=500)


def healthz(request):
    Article.objects.exists()
    return HttpResponse("ok", content_type="text/plain")


@require_safe
def search(request):
    """Post search with the search settings; every setting is a GET parameter."""
    tree = section_tree(request)
    form = SearchForm(request.GET, sections=tree, language=get_language())
    context = {"form": form, "searched": False}
    if not form.is_valid():
        return render(request, "frontend/search.html", context, status=400)
    query = form.to_query()
    if query.is_empty:
        return render(request, "frontend/search.html", context)
    results = search_api.search(query)
    stories = (
        Article.objects.published()
        .filter(pk__in=[hit.object_id for hit in results.hits])
        .for_listing()
        .in_bulk()
    )
    terms = query_terms(query.groups, query.groups2)
    items = [
        SearchItem(stories[hit.object_id], terms)
        for hit in results.hits
        if hit.object_id in stories
    ]
    per_page = query.limit
    context.update(
        searched=True,
        results=results,
        items=items,
        page_number=query.offset // per_page + 1,
        last_page=max(1, -(-results.total // per_page))
        if results.total_exact
        else None,
        has_next=results.total > query.offset + per_page,
        params=form.data.copy(),
    )
    return render(request, "frontend/search.html", context)


class SearchItem:
    """One result: the story, its marked headline and a marked snippet."""

    def __init__(self, story, terms):
        self.story = story
        self.headline = mark(story.headline, terms)
        self.deck = mark(story.deck, terms)
        self.snippet = snippet(plain_text(story.body), terms)


@require_safe
def opensearch(request):
    return render(
        request,
        "frontend/opensearch.xml",
        {"base": request.build_absolute_uri("/")[:-1]},
        content_type="application/opensearchdescription+xml; charset=utf-8",
    )
