"""IPTC ninjs 2.3 for articles: ``?format=ninjs`` or ``Accept: application/ninjs+json``.

Valid against ``ninjs-schema_2.3.json`` (the tests validate several stories).
ninjs 2.x has no keyword or byline lists: reporters are ``people`` (rel
``author``) plus the ``by`` line, the section and the tags are ``subjects``
(rel ``section`` and ``keyword``), the deck is a ``summary`` description and
corrections are descriptions with the role ``correction`` or ``update``.
Photos and the translation are ``associations`` (IPTC user guide, "Associations").
"""

from __future__ import annotations

import html
import re

from django.utils.html import strip_tags
from django.utils.translation import override

from newszone.api.serializers import (
    absolute,
    api_url,
    copyright_line,
    iso,
    photo_renditions,
    web_url,
)
from newszone.articles.models import ArticleType, Status
from newszone.frontend.pictures import rendition_url
from newszone.publication.models import Publication

NINJS = "application/ninjs+json"
STANDARD = {
    "name": "ninjs",
    "version": "2.3",
    "schema": "http://www.iptc.org/std/ninjs/ninjs-schema_2.3.json",
}


def pubstatus(article) -> str:
    """usable when readers may use it; canceled once killed (for good);
    withheld otherwise (a draft, scheduled, unpublished: it may come back)."""
    if article.status == Status.KILLED:
        return "canceled"
    return "usable" if article.is_public else "withheld"


def embargoed(article):
    """For the desk: when a scheduled story may go out, or its embargo."""
    if article.status == Status.SCHEDULED:
        return article.goes_live_at
    return article.embargo_until


# Block elements end words ("…다.</p><p>둘째" is two words); inline ones do not.
_BLOCK_START = re.compile(
    r"<(?=/?(?:p|h[1-6]|li|ul|ol|blockquote|br|div|figure)\b)", re.I
)


def body(article) -> dict:
    spaced = _BLOCK_START.sub(" <", article.body)
    text = " ".join(html.unescape(strip_tags(spaced)).split())
    return {
        "role": "main",
        "contenttype": "text/html",
        "value": article.body,
        "charcount": len(text),
        "wordcount": len(text.split()),
    }


def person(reporter, language: str, request) -> dict:
    data = {
        "name": reporter.display_name(language),
        "rel": "author",
        "literal": reporter.slug,
        "uri": web_url(request, language, "reporter", slug=reporter.slug),
    }
    if reporter.email:
        data["contactinfo"] = [{"type": "email", "value": reporter.email}]
    return data


def subjects(article, request) -> list[dict]:
    language, section = article.language, article.section
    found = [
        {
            "name": section.name(language),
            "rel": "section",
            "literal": section.slug,
            "uri": web_url(request, language, "section", slug=section.slug),
        }
    ]
    found += [
        {
            "name": tag.name,
            "rel": "keyword",
            "literal": tag.slug,
            "uri": web_url(request, language, "tag", slug=tag.slug),
        }
        for tag in article.tags.all()
    ]
    return found


def picture(use, number: int, request) -> dict:
    """A photo in the story as a ``picture`` association with its renditions."""
    photo = use.photo
    data = {
        "name": f"picture{number}",
        "uri": api_url(request, "photos") + f"{photo.pk}/",
        "type": "picture",
        "representationtype": "partial",
        "version": photo.version,
        "descriptions": [
            {"role": role, "contenttype": "text/plain", "value": value}
            for role, value in (
                ("caption", use.shown_caption),
                ("alt", use.shown_alt_text),
            )
            if value
        ],
        "renditions": [
            {
                "name": spec.name,
                "href": absolute(request, rendition_url(photo, spec)),
                "contenttype": spec.content_type,
                "width": width,
                "height": height,
            }
            for spec, width, height in photo_renditions(photo)
        ],
    }
    optional = {
        "by": use.shown_credit,
        "copyrightnotice": photo.copyright_notice,
        "contentcreated": iso(photo.taken_at),
        "located": ", ".join(part for part in (photo.city, photo.country) if part),
    }
    data.update({key: value for key, value in optional.items() if value})
    if photo.creator:
        data["people"] = [{"name": photo.creator, "rel": "photographer"}]
    return data


def translation(article, request, desk: bool) -> dict | None:
    other = article.translation
    if other is None or not (desk or other.is_public):
        return None
    return {
        "name": "translation",
        "uri": api_url(request, "article", pk=other.pk),
        "type": "text",
        "representationtype": "partial",
        "version": str(other.version),
        "language": other.language,
        "headlines": [{"role": "main", "value": other.headline}],
    }


def article_ninjs(
    article, request, desk: bool = False, publication: Publication | None = None
) -> dict:
    """One story as a ninjs 2.3 news item."""
    publication = publication or Publication.current()
    language = article.language
    reporters = article.ordered_reporters
    photos = article.ordered_photos
    with override(language):
        genre = str(ArticleType(article.article_type).label)
    item = {
        "uri": api_url(request, "article", pk=article.pk),
        "standard": STANDARD,
        "type": "text",
        "representationtype": "full",
        "profile": "text-photo" if photos else "text-only",
        "version": str(article.version),
        "firstcreated": iso(article.published_at or article.created_at),
        "versioncreated": iso(article.updated_at),
        "pubstatus": pubstatus(article),
        "language": language,
        "copyrightholder": publication.name(language),
        "copyrightnotice": copyright_line(article, publication),
        "altids": [{"role": "newszone-id", "value": str(article.pk)}],
        "headlines": [{"role": "main", "value": article.headline}],
        "genres": [{"name": genre, "literal": article.article_type}],
        "subjects": subjects(article, request),
    }
    if article.alternate_headline:
        item["headlines"].append(
            {"role": "alternate", "value": article.alternate_headline}
        )
    descriptions = [{"role": "summary", "value": article.deck}] if article.deck else []
    descriptions += [
        {"role": note.kind, "value": note.text} for note in article.corrections.all()
    ]
    for entry in descriptions:
        entry["contenttype"] = "text/plain"
    if descriptions:
        item["descriptions"] = descriptions
    if article.body:
        item["bodies"] = [body(article)]
    if reporters:
        item["people"] = [person(r, language, request) for r in reporters]
        item["by"] = ", ".join(r.display_name(language) for r in reporters)
    associations = [picture(use, n, request) for n, use in enumerate(photos, 1)]
    other = translation(article, request, desk)
    if other:
        associations.append(other)
    if associations:
        item["associations"] = associations
    if desk and embargoed(article):
        item["embargoed"] = iso(embargoed(article))
    return item
