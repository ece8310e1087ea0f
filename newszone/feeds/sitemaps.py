"""Sitemaps and robots.txt, written by hand rather than with
``django.contrib.sitemaps``: its sections are fixed in the URLconf and paged
by count (here a story sitemap is a calendar month), its hreflang
alternates assume one object in every language (here a translation is
another story, ``Article.translation``), and it writes neither image nor
Google News elements.

Every story comes from ``Article.objects.published()``; tags and reporters
are listed in an edition only when a published story of that edition shows
them, so nothing about a story under embargo shows here either.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.conf import settings
from django.db.models import Max, Prefetch
from django.db.models.functions import Greatest, TruncMonth
from django.http import Http404, HttpResponse
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe

from newszone.articles.models import Article, ArticlePhoto
from newszone.feeds.caching import public_sitemap, shared_cache
from newszone.frontend.conditional import content_last_modified
from newszone.frontend.pictures import OFFERED, crop_size, rendition_url
from newszone.photos.renditions import Spec
from newszone.publication.models import Publication
from newszone.taxonomy.models import Section

LANGUAGES = [code for code, _name in settings.LANGUAGES]
NEWS_WINDOW = timedelta(hours=48)  # Google News: stories of the last two days
NEWS_LIMIT = 1000  # Google News: at most 1,000 URLs per news sitemap
XML = "application/xml; charset=utf-8"
# A story's last change: an edit, or its publication if it was saved before
# its time came (frontend.structured_data.modified_at says the same).
CHANGED = Greatest("published_at", "updated_at")


@dataclass
class Url:
    loc: str
    lastmod: datetime | None = None
    alternates: list[tuple[str, str]] = field(default_factory=list)
    images: list[str] = field(default_factory=list)
    news: dict | None = None

    @property
    def lastmod_w3c(self) -> str:
        return w3c(self.lastmod) if self.lastmod else ""


def w3c(moment: datetime) -> str:
    """W3C datetime on the paper's clock, to the second: 2026-11-03T09:00:00+09:00."""
    return timezone.localtime(moment).replace(microsecond=0).isoformat()


def xml_response(template: str, context: dict) -> HttpResponse:
    response = HttpResponse(render_to_string(template, context), content_type=XML)
    # Sitemaps are for crawlers; they are not pages to show in results.
    response.headers["X-Robots-Tag"] = "noindex"
    return response


def localized(name: str, language: str, **kwargs) -> str:
    with translation.override(language):
        return reverse(name, kwargs=kwargs or None)


def alternates(versions: dict[str, str]) -> list[tuple[str, str]]:
    """hreflang pairs for the versions of a page, by language, as the pages'
    own ``<link rel="alternate">`` name them (frontend.structured_data): each
    edition, and the Korean one as x-default, since ``/`` sends a reader of
    any other language there."""
    ordered = [(lang, versions[lang]) for lang in LANGUAGES if lang in versions]
    default = versions.get(settings.LANGUAGE_CODE, ordered[0][1])
    return [*ordered, ("x-default", default)]


# ---------------------------------------------------------------------------
# The index
# ---------------------------------------------------------------------------


def story_months():
    """Each month (the paper's clock) with published stories, and its newest change."""
    return (
        Article.objects.published()
        .annotate(month=TruncMonth("published_at"))
        .values("month")
        .annotate(lastmod=Max(CHANGED))
        .order_by("month")
    )


@public_sitemap
def index(request):
    absolute = request.build_absolute_uri
    changed = content_last_modified()
    maps = [
        Url(absolute(reverse("sitemaps:pages")), changed),
        Url(absolute(reverse("sitemaps:news")), changed),
    ]
    for row in story_months():
        month = timezone.localtime(row["month"])
        path = reverse(
            "sitemaps:articles",
            kwargs={"year": f"{month.year:04d}", "month": f"{month.month:02d}"},
        )
        maps.append(Url(absolute(path), row["lastmod"]))
    return xml_response("feeds/sitemap_index.xml", {"maps": maps})


# ---------------------------------------------------------------------------
# Stories, one sitemap per month
# ---------------------------------------------------------------------------


def month_bounds(year: int, month: int) -> tuple[datetime, datetime]:
    if not (1 <= month <= 12 and 1970 <= year <= 9999):
        raise Http404("No such month")
    zone = timezone.get_current_timezone()
    start = datetime(year, month, 1, tzinfo=zone)
    days = calendar.monthrange(year, month)[1]
    return start, start + timedelta(days=days)


@public_sitemap
def articles(request, year, month):
    start, end = month_bounds(int(year), int(month))
    stories = (
        Article.objects.published()
        .filter(published_at__gte=start, published_at__lt=end)
        .select_related("translation")
        .prefetch_related(
            Prefetch(
                "article_photos",
                queryset=ArticlePhoto.objects.select_related("photo"),
            )
        )
        .order_by("published_at", "pk")
    )
    urls = [story_url(request, story) for story in stories]
    if not urls:  # no empty <urlset> (the schema wants a <url>), no endless months
        raise Http404("No stories that month")
    return xml_response("feeds/sitemap.xml", {"urls": urls})


def story_url(request, story) -> Url:
    absolute = request.build_absolute_uri
    url = Url(
        absolute(story.get_absolute_url()),
        max(story.published_at, story.updated_at),
        images=[absolute(largest_jpeg(use.photo)) for use in story.ordered_photos],
    )
    # Both editions name each other (and themselves), as Google asks; a
    # translation still under embargo is not named.
    other = story.translation
    if other is not None and other.is_public:
        url.alternates = alternates(
            {s.language: absolute(s.get_absolute_url()) for s in (story, other)}
        )
    return url


def largest_jpeg(photo) -> str:
    """The largest JPEG the story page itself offers (``pictures.picture``)."""
    width = crop_size(photo, "orig")[0]
    offered = OFFERED["orig"]
    largest = next((w for w in offered if w >= width), offered[-1])
    return rendition_url(photo, Spec("orig", largest, "jpg"))


# ---------------------------------------------------------------------------
# Home, section, reporter and tag pages, in both editions
# ---------------------------------------------------------------------------


@public_sitemap
def pages(request):
    newest = {
        (row["section_id"], row["language"]): row["lastmod"]
        for row in Article.objects.published()
        .values("section_id", "language")
        .annotate(lastmod=Max(CHANGED))
        .order_by()
    }
    urls = page_urls(request, "frontend:home", newest_of(newest))
    tree = Section.objects.tree()
    for section in tree.values():
        changed = newest_of(newest, section.descendant_ids(tree))
        urls += page_urls(request, "frontend:section", changed, slug=section.slug)
    for name, key in (("frontend:reporter", "reporters"), ("frontend:tag", "tags")):
        for slug, changed in shown_in_editions(key).items():
            urls += page_urls(request, name, changed, slug=slug)
    return xml_response("feeds/sitemap.xml", {"urls": urls})


def newest_of(newest: dict, sections=None) -> dict[str, datetime | None]:
    """Per edition, the newest change among the stories in ``sections`` (all)."""
    return {
        lang: max(
            (
                moment
                for (section, language), moment in newest.items()
                if language == lang and (sections is None or section in sections)
            ),
            default=None,
        )
        for lang in LANGUAGES
    }


def shown_in_editions(key: str) -> dict[str, dict[str, datetime]]:
    """Reporter or tag slugs → {language: newest story}, for the editions where
    a published story shows them (one query)."""
    shown: dict[str, dict[str, datetime]] = {}
    rows = (
        Article.objects.published()
        .filter(**{f"{key}__isnull": False})
        .values(f"{key}__slug", "language")
        .annotate(lastmod=Max(CHANGED))
        .order_by()
    )
    for row in rows:
        shown.setdefault(row[f"{key}__slug"], {})[row["language"]] = row["lastmod"]
    return dict(sorted(shown.items()))  # the same order on every database


def page_urls(request, name: str, changed: dict, **kwargs) -> list[Url]:
    """The page in each edition of ``changed``, each naming every edition."""
    versions = {
        lang: request.build_absolute_uri(localized(name, lang, **kwargs))
        for lang in LANGUAGES
    }
    pairs = alternates(versions)
    return [
        Url(versions[lang], changed[lang], alternates=pairs)
        for lang in LANGUAGES
        if lang in changed
    ]


# ---------------------------------------------------------------------------
# Google News: the last 48 hours
# ---------------------------------------------------------------------------


@require_safe
def news(request):
    # No ETag here: the window moves with the clock, not with the content.
    since = timezone.now() - NEWS_WINDOW
    stories = (
        Article.objects.published()
        .filter(published_at__gte=since)
        .only("pk", "language", "headline", "published_at")
        .newest_first()[:NEWS_LIMIT]
    )
    publication = Publication.current()
    urls = [
        Url(
            request.build_absolute_uri(story.get_absolute_url()),
            news={
                "name": publication.name(story.language),
                "language": story.language,
                "date": w3c(story.published_at),
                "title": story.headline,
            },
        )
        for story in stories
    ]
    response = xml_response("feeds/sitemap.xml", {"urls": urls})
    response.headers["Cache-Control"] = "public, max-age=0"
    return shared_cache(response)


# ---------------------------------------------------------------------------
# robots.txt
# ---------------------------------------------------------------------------


@require_safe
@cache_control(public=True, max_age=3600)
def robots(request):
    text = render_to_string(
        "feeds/robots.txt",
        {
            "languages": LANGUAGES,
            "sitemap": request.build_absolute_uri(reverse("sitemaps:index")),
        },
    )
    return HttpResponse(text, content_type="text/plain; charset=utf-8")
