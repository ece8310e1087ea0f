"""Template helpers for bilingual fields, bylines, KST dates and pictures."""

from django import template
from django.urls import NoReverseMatch, translate_url
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html, format_html_join
from django.utils.translation import get_language

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


@register.simple_tag(takes_context=True)
def article_structured_data(context, story):
    """The story's JSON-LD ``<script>``, with the publication already loaded."""
    from newszone.frontend.structured_data import ld_json, news_article

    return ld_json(news_article(context["request"], story, context.get("publication")))


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
