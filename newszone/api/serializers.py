"""Plain JSON for the API: articles, photos, sections, reporters, tags.

Built from rows the views already loaded (``for_listing()`` plus tags,
corrections and the translation), so a list runs a fixed number of queries.
Times are ISO 8601 in UTC; links are absolute. Desk-only fields (the
schedule and the embargo) appear only when ``desk`` is true.
"""

from __future__ import annotations

from datetime import UTC, datetime
from urllib.parse import urlencode

from django.urls import reverse
from django.utils.translation import override

from newszone.frontend.pictures import crop_size, rendition_url, scaled
from newszone.photos.renditions import Spec, full_set
from newszone.publication.models import Publication


def iso(moment: datetime | None) -> str | None:
    """``2026-03-01T09:00:00.123456Z``: one spelling for every time we send."""
    if moment is None:
        return None
    return moment.astimezone(UTC).isoformat().replace("+00:00", "Z")


def absolute(request, path: str) -> str:
    return request.build_absolute_uri(path)


def api_url(request, name: str, **kwargs) -> str:
    return absolute(request, reverse(f"api:{name}", kwargs=kwargs or None))


def web_url(request, language: str, name: str, **kwargs) -> str:
    """A reader page in one edition (``/ko/…`` or ``/en/…``), whatever the
    request's own language: API answers must not vary with Accept-Language."""
    with override(language):
        return absolute(request, reverse(f"frontend:{name}", kwargs=kwargs or None))


def web_urls(request, name: str, **kwargs) -> dict[str, str]:
    """The reader page in both editions: ``{"ko": …, "en": …}``."""
    return {lang: web_url(request, lang, name, **kwargs) for lang in ("ko", "en")}


# -- photos ----------------------------------------------------------------------


def photo_renditions(photo) -> list[tuple[Spec, int, int]]:
    """Every rendition made on upload with its size, computed without a query.

    A photo smaller than a width gets that width at its own size (renditions
    are never upscaled), so such repeats are listed once.
    """
    seen, found = set(), []
    for spec in full_set():
        width, height = scaled(crop_size(photo, spec.crop), spec.width)
        if (spec.crop, spec.ext, width) in seen:
            continue
        seen.add((spec.crop, spec.ext, width))
        found.append((spec, width, height))
    return found


def rendition_urls(photo, request) -> dict[str, str]:
    return {
        spec.name: absolute(request, rendition_url(photo, spec))
        for spec, _width, _height in photo_renditions(photo)
    }


def article_photo_json(use, request) -> dict:
    """A photo as one story uses it (its caption there may differ)."""
    photo = use.photo
    return {
        "id": photo.pk,
        "caption": use.shown_caption,
        "credit": use.shown_credit,
        "alt_text": use.shown_alt_text,
        "width": photo.width,
        "height": photo.height,
        "renditions": rendition_urls(photo, request),
    }


def photo_json(photo, request) -> dict:
    """A library photo and the metadata read from its file (upload answer)."""
    return {
        "id": photo.pk,
        "caption": photo.caption,
        "creator": photo.creator,
        "credit": photo.credit,
        "copyright": photo.copyright_notice,
        "alt_text": photo.alt_text,
        "taken_at": iso(photo.taken_at),
        "city": photo.city,
        "country": photo.country,
        "width": photo.width,
        "height": photo.height,
        "renditions": rendition_urls(photo, request),
    }


# -- articles --------------------------------------------------------------------


def reporter_byline_json(reporter, language: str, request) -> dict:
    return {
        "id": reporter.pk,
        "slug": reporter.slug,
        "name": reporter.display_name(language),
        "email": reporter.email,
        "url": web_url(request, language, "reporter", slug=reporter.slug),
    }


def translation_json(article, request, desk: bool) -> dict | None:
    other = article.translation
    if other is None or not (desk or other.is_public):
        return None
    return {
        "id": other.pk,
        "language": other.language,
        "headline": other.headline,
        "url": api_url(request, "article", pk=other.pk),
        "web_url": web_url(request, other.language, "article", pk=other.pk),
    }


def copyright_line(article, publication: Publication) -> str:
    return article.copyright_line or publication.copyright(article.language)


def article_json(
    article, request, desk: bool = False, publication: Publication | None = None
) -> dict:
    """One story as plain JSON (see the OpenAPI ``Article`` schema)."""
    publication = publication or Publication.current()
    language = article.language
    data = {
        "id": article.pk,
        "url": api_url(request, "article", pk=article.pk),
        "web_url": web_url(request, language, "article", pk=article.pk),
        "language": language,
        "headline": article.headline,
        "alternate_headline": article.alternate_headline,
        "deck": article.deck,
        "body_html": article.body,
        "section": {
            "slug": article.section.slug,
            "name": article.section.name(language),
            "url": api_url(request, "section", slug=article.section.slug),
        },
        "reporters": [
            reporter_byline_json(reporter, language, request)
            for reporter in article.ordered_reporters
        ],
        "tags": [tag.name for tag in article.tags.all()],
        "type": article.article_type,
        "copyright": copyright_line(article, publication),
        "status": article.status,
        "published_at": iso(article.published_at),
        "updated_at": iso(article.updated_at),
        "version": article.version,
        "translation": translation_json(article, request, desk),
        "photos": [article_photo_json(use, request) for use in article.ordered_photos],
        "corrections": [
            {"kind": note.kind, "text": note.text, "created_at": iso(note.created_at)}
            for note in article.corrections.all()
        ],
    }
    if desk:
        data["publish_at"] = iso(article.publish_at)
        data["embargo_until"] = iso(article.embargo_until)
    return data


# -- sections, reporters, tags ---------------------------------------------------


def section_json(section, request, tree: dict, counts: dict[int, int]) -> dict:
    """A section with its parent and its count of public stories, those of
    its subsections included (as the ``section`` filter counts them)."""
    parent = tree.get(section.parent_id)
    below = section.descendant_ids(tree)
    return {
        "slug": section.slug,
        "name_ko": section.name_ko,
        "name_en": section.name_en,
        "parent": parent.slug if parent else None,
        "position": section.position,
        "url": api_url(request, "section", slug=section.slug),
        "web_urls": web_urls(request, "section", slug=section.slug),
        "articles": articles_link(request, section=section.slug),
        "article_count": sum(counts.get(pk, 0) for pk in below),
    }


def reporter_json(reporter, request, count: int) -> dict:
    return {
        "id": reporter.pk,
        "slug": reporter.slug,
        "name_ko": reporter.name_ko,
        "name_en": reporter.name_en,
        "email": reporter.email,
        "bio_ko": reporter.bio_ko,
        "bio_en": reporter.bio_en,
        "url": api_url(request, "reporter", slug=reporter.slug),
        "web_urls": web_urls(request, "reporter", slug=reporter.slug),
        "articles": articles_link(request, reporter=reporter.slug),
        "article_count": count,
    }


def tag_json(tag, request, count: int) -> dict:
    return {
        "name": tag.name,
        "slug": tag.slug,
        "web_urls": web_urls(request, "tag", slug=tag.slug),
        "articles": articles_link(request, tag=tag.name),
        "article_count": count,
    }


def articles_link(request, **query) -> str:
    return api_url(request, "articles") + "?" + urlencode(query)
