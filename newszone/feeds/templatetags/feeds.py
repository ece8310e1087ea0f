"""``{% feed_links %}``: the feed autodiscovery ``<link>``s of a reader page.

The site's RSS, Atom and JSON Feed in the page's edition, and on a section,
reporter or tag page that subject's feeds too, read from the view's context
(``section``, ``reporter``, ``tag``). No query: names come from the rows
the page already loaded.
"""

from django import template
from django.urls import reverse
from django.utils.translation import get_language

from newszone.accounts.models import Reporter
from newszone.taxonomy.models import Section, Tag

register = template.Library()

FORMATS = (
    ("rss", "application/rss+xml", "RSS"),
    ("atom", "application/atom+xml", "Atom"),
    ("json", "application/feed+json", "JSON Feed"),
)


@register.inclusion_tag("feeds/links.html", takes_context=True)
def feed_links(context):
    language = get_language()
    publication = context.get("publication")
    site = publication.name(language) if publication is not None else ""
    links = _links("site", {}, site)
    subject = _subject(context, language)
    if subject is not None:
        kind, slug, name = subject
        title = f"{name} – {site}" if site else name
        links += _links(kind, {"slug": slug}, title)
    return {"links": links}


def _subject(context, language):
    section, reporter, tag = (context.get(k) for k in ("section", "reporter", "tag"))
    if isinstance(section, Section):
        return "section", section.slug, section.name(language)
    if isinstance(reporter, Reporter):
        return "reporter", reporter.slug, reporter.display_name(language)
    if isinstance(tag, Tag):
        return "tag", tag.slug, f"#{tag.name}"
    return None


def _links(kind: str, kwargs: dict, title: str) -> list[dict]:
    return [
        {
            "type": media_type,
            "href": reverse(f"feeds:{kind}-{fmt}", kwargs=kwargs or None),
            "title": f"{title} ({label})" if title else label,
        }
        for fmt, media_type, label in FORMATS
    ]
