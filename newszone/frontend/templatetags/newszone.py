"""Template helpers for bilingual fields, bylines, KST dates, pictures and
the page metadata (structured data, share cards, canonical and hreflang)."""

from django import template
from django.urls import NoReverseMatch, translate_url
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html, format_html_join
from django.utils.translation import get_language

from newszone.frontend import structured_data as sd
from newszone.frontend.pictures import picture as sources

register = template.Library()


@register.filter
def local(obj, field: str = "name"):
    """``{{ section|local }}`` → ``section.name(current language)``."""
    if obj is None:
        return ""
    return getattr(obj, field)(get_language())


def _reporter_link(reporter, language):
    name = reporter.display_name(language)
    if reporter.email:
        return format_html(
            '<a class="byline-name" href="mailto:{}">{}</a>', reporter.email, name
        )
    return format_html('<span class="byline-name">{}</span>', name)


@register.simple_tag
def byline(reporters, language=None):
    """“By Su-Yeol, Maeng” in English, “맹수열 기자” in Korean, mailto when known."""
    language = language or get_language()
    if not reporters:
        return ""
    names = [(_reporter_link(r, language),) for r in reporters]
    if language == "ko":
        joined = format_html_join("·", "{}", names)
        return format_html('<span class="byline">{} 기자</span>', joined)
    last = names[-1][0]
    others = format_html_join(", ", "{}", names[:-1])
    joined = format_html("{} and {}", others, last) if others else last
    return format_html('<span class="byline">By {}</span>', joined)


@register.simple_tag
def kst(value, with_time=True):
    """A datetime as Korean Standard Time, the paper's clock, in a <time>."""
    if not value:
        return ""
    local_value = timezone.localtime(value)
    fmt = "Y.m.d H:i" if with_time else "Y.m.d"
    shown = date_format(local_value, fmt)
    suffix = " KST" if with_time else ""
    return format_html(
        '<time datetime="{}">{}{}</time>', local_value.isoformat(), shown, suffix
    )


@register.simple_tag(takes_context=True)
def other_language_url(context, language):
    """The current page in ``language``: the translation for a story."""
    request = context["request"]
    story = context.get("article")
    if story is not None and not context.get("preview"):
        translation = context.get("translation")
        if translation is not None:
            return translation.get_absolute_url()
        return translate_url("/" + language + "/", language)
    try:
        return translate_url(request.get_full_path(), language)
    except NoReverseMatch:
        return "/" + language + "/"


@register.simple_tag
def tag_links(tags):
    return format_html_join(
        " ",
        '<li><a href="{}" rel="tag">#{}</a></li>',
        ((t.get_absolute_url(), t.name) for t in tags),
    )


# Page metadata: JSON-LD, OpenGraph, Twitter cards, canonical and hreflang,
# from what the page has already loaded (structured_data.py builds it).


@register.simple_tag(takes_context=True)
def article_structured_data(context, story):
    """The story's JSON-LD: its ``NewsArticle``, then its ``BreadcrumbList``."""
    request = context["request"]
    article = sd.news_article(request, story, context.get("publication"))
    trail = sd.breadcrumb_list(request, context.get("breadcrumb", ()), story.language)
    return format_html("{}{}", sd.ld_json(article), sd.ld_json(trail))


@register.simple_tag(takes_context=True)
def breadcrumb_structured_data(context):
    """A section page's ``BreadcrumbList``: home, then each section to this one."""
    trail = context.get("breadcrumb", ())
    return sd.ld_json(sd.breadcrumb_list(context["request"], trail, get_language()))


@register.simple_tag(takes_context=True)
def website_structured_data(context):
    """The home page's ``WebSite`` (with its search) and ``Organization``."""
    publication = context.get("publication")
    if publication is None:
        return ""
    return sd.ld_json(sd.website(context["request"], publication, get_language()))


@register.inclusion_tag("frontend/includes/page_meta.html", takes_context=True)
def article_meta(context, story):
    """Description, canonical, hreflang, OpenGraph and Twitter card of a story."""
    translation = context.get("translation")
    publication = context.get("publication")
    return {
        "meta": sd.article_meta(context["request"], story, translation, publication)
    }


@register.inclusion_tag("frontend/includes/page_meta.html", takes_context=True)
def page_meta(context, title="", description="", image=None, image_alt=""):
    """The same for a list page; ``image`` is a file (a reporter's portrait)."""
    request = context["request"]
    publication = context.get("publication")
    site_name = publication.name(get_language()) if publication else ""
    page = context.get("page")
    meta = sd.list_meta(
        request,
        title=title or site_name,
        description=description,
        site_name=site_name,
        page_number=getattr(page, "number", None),
        image=_file_image(request, image, image_alt),
    )
    return {"meta": meta}


def _file_image(request, file, alt):
    """A stored file (a portrait) as a share image; its size is not stored, and
    reading the file to learn it would be I/O on every page view."""
    if not file:
        return None
    return {"url": sd.absolute(request, file.url), "alt": alt, "large": False}


@register.inclusion_tag("frontend/includes/picture.html")
def picture(use, crop="orig", sizes="100vw", lazy=False):
    """``{% picture use crop="4x3" sizes="…" lazy=True %}``: a ``<picture>`` with
    WebP and JPEG sources for a story's photo (ArticlePhoto) or a Photo.
    No query: the URLs come from the photo row already loaded."""
    if not use:
        return {"picture": None}
    photo = getattr(use, "photo", use)
    alt = getattr(use, "shown_alt_text", None)
    if alt is None:
        alt = photo.alt_text or photo.caption
    return {
        "picture": sources(photo, crop),
        "sizes": sizes,
        "alt": alt,
        "lazy": bool(lazy),
    }
