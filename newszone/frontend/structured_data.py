"""Machine-readable metadata for reader pages: schema.org JSON-LD, OpenGraph
and Twitter cards, the canonical address and its language versions.

Everything is built from rows the view already loaded, so no page runs an
extra query, and only from what readers may see: views load stories through
``published()`` and pass a translation only when it is public.
"""

from __future__ import annotations

import json
from datetime import datetime

from django.conf import settings
from django.templatetags.static import static
from django.urls import reverse, translate_url
from django.utils import timezone
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language, gettext, override

from newszone.frontend.pictures import (
    crop_size,
    rendition_url,
    scaled,
    structured_data_images,
)
from newszone.photos.renditions import STRUCTURED_DATA_WIDTH, Spec

# The publisher logo: a static default (no publication has a logo of its own
# yet). 60 pixels high and at most 600 wide: the box Google's AMP-era article
# guidance gave publisher logos; an SVG, so it stays sharp at any size.
LOGO = ("newszone/logo.svg", 384, 60)
# og:locale wants language_TERRITORY: https://ogp.me/#optional
OG_LOCALES = {"ko": "ko_KR", "en": "en_US"}
SHARE_CROP = "16x9"  # og:image: the wide crop, 1200 wide, as share cards show it

# JSON inside <script>: these could close the element or start a comment.
_SCRIPT_SAFE = {ord("<"): "\\u003c", ord(">"): "\\u003e", ord("&"): "\\u0026"}


def ld_json(data: dict) -> SafeString:
    text = json.dumps(data, ensure_ascii=False).translate(_SCRIPT_SAFE)
    return format_html(
        '<script type="application/ld+json">{}</script>',
        mark_safe(text),  # noqa: S308 - escaped for <script> above
    )


def iso(value: datetime | None) -> str | None:
    """ISO 8601 on the paper's clock (KST, ``+09:00``): Google wants the offset."""
    if value is None:
        return None
    return timezone.localtime(value).isoformat(timespec="seconds")


def absolute(request, path: str) -> str:
    return request.build_absolute_uri(path)


def home_url(request, language: str) -> str:
    with override(language):
        return absolute(request, reverse("frontend:home"))


def _compact(data: dict) -> dict:
    """Without empty properties: an absent property, not an empty one."""
    return {key: value for key, value in data.items() if value not in (None, "", [])}


# schema.org JSON-LD ------------------------------------------------------


def organization(request, publication, language: str) -> dict:
    """The paper as an ``Organization``; one ``@id`` for both editions."""
    logo, width, height = LOGO
    other = next(code for code, _name in settings.LANGUAGES if code != language)
    return _compact(
        {
            "@type": "Organization",
            "@id": absolute(request, "/") + "#organization",
            "name": publication.name(language),
            "alternateName": publication.name(other),
            "url": home_url(request, language),
            "logo": {
                "@type": "ImageObject",
                "url": absolute(request, static(logo)),
                "width": width,
                "height": height,
            },
        }
    )


def news_article(request, story, publication) -> dict:
    """A ``NewsArticle`` with Google's recommended properties and more."""
    url = absolute(request, story.get_absolute_url())
    language = story.language
    publisher = organization(request, publication, language) if publication else None
    lead = story.lead_photo
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "mainEntityOfPage": url,
        "url": url,
        "headline": story.headline,
        "alternativeHeadline": story.alternate_headline,
        "description": story.deck,
        # Three ratios at 1200 wide, as Google asks of article images; the
        # original (which may carry GPS) is never linked.
        "image": structured_data_images(request, lead.photo) if lead else None,
        "datePublished": iso(story.published_at),
        "dateModified": iso(modified_at(story)),
        "author": authors(request, story) or publisher,
        "publisher": publisher,
        "inLanguage": language,
        "articleSection": story.section.name(language),
        "keywords": [tag.name for tag in story.tags.all()],
        "isAccessibleForFree": True,
        **copyright_of(story, publication, publisher),
        "correction": corrections(story),
    }
    return _compact(data)


def modified_at(story) -> datetime:
    """``updated_at``, never before ``published_at`` (a story saved before its
    publication time comes round was not modified before it came out)."""
    if story.published_at and story.published_at > story.updated_at:
        return story.published_at
    return story.updated_at


def authors(request, story) -> list[dict]:
    """Every reporter in byline order, each a ``Person`` with their page."""
    with override(story.language):
        return [
            {
                "@type": "Person",
                "name": reporter.display_name(story.language),
                "url": absolute(request, reporter.get_absolute_url()),
            }
            for reporter in story.ordered_reporters
        ]


def copyright_of(story, publication, publisher) -> dict:
    """The line printed under the story; the paper holds the copyright unless
    the story carries a line of its own (a wire story: its holder is named in
    free text only, so none is claimed)."""
    own = story.copyright_line
    notice = own or (publication.copyright(story.language) if publication else "")
    data = {"copyrightNotice": notice}
    if story.published_at:
        data["copyrightYear"] = timezone.localtime(story.published_at).year
    if not own and publisher:
        # The publisher, by reference: its full node is in ``publisher``.
        data["copyrightHolder"] = {
            key: publisher[key] for key in ("@type", "@id", "name", "url")
        }
    return data


def corrections(story) -> list[dict]:
    return [
        {
            "@type": "CorrectionComment",
            "text": note.text,
            "datePublished": iso(note.created_at),
        }
        for note in story.corrections.all()
    ]


def breadcrumb_list(request, sections, language: str) -> dict:
    """Home, then each section from the top down (the page's breadcrumb)."""
    with override(language):
        crumbs = [(gettext("Home"), home_url(request, language))]
        crumbs += [
            (section.name(language), absolute(request, section.get_absolute_url()))
            for section in sections
        ]
    return {
        "@context": "https://schema.org",
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": position, "name": name, "item": url}
            for position, (name, url) in enumerate(crumbs, start=1)
        ],
    }


def website(request, publication, language: str) -> dict:
    """The home page: the edition as a ``WebSite`` that can be searched, and
    the paper that publishes it."""
    paper = organization(request, publication, language)
    with override(language):
        search = absolute(request, reverse("frontend:search"))
    home = home_url(request, language)
    site = {
        "@type": "WebSite",
        "@id": home + "#website",
        "url": home,
        "name": publication.name(language),
        "inLanguage": language,
        "publisher": {"@id": paper["@id"]},
        "potentialAction": {
            "@type": "SearchAction",
            "target": {
                "@type": "EntryPoint",
                "urlTemplate": search + "?q={search_term_string}",
            },
            "query-input": "required name=search_term_string",
        },
    }
    return {"@context": "https://schema.org", "@graph": [site, paper]}


# OpenGraph, Twitter cards, canonical and hreflang -------------------------


def article_meta(request, story, translation, publication) -> dict:
    """Page metadata for a story: its versions are itself and its translation."""
    language = story.language
    canonical = absolute(request, story.get_absolute_url())
    versions = {language: canonical}
    if translation is not None:
        versions[translation.language] = absolute(
            request, translation.get_absolute_url()
        )
    lead = story.lead_photo
    meta = page_meta(
        language=language,
        title=story.headline,
        description=story.deck or story.headline,
        canonical=canonical,
        versions=versions,
        site_name=publication.name(language) if publication else "",
        image=share_image(request, lead) if lead else None,
        og_type="article",
    )
    meta["og"] += article_properties(request, story)
    return meta


def article_properties(request, story) -> list[tuple[str, str]]:
    """OpenGraph's ``article:*`` properties: https://ogp.me/#type_article"""
    pairs = [
        ("article:published_time", iso(story.published_at)),
        ("article:modified_time", iso(modified_at(story))),
        ("article:section", story.section.name(story.language)),
    ]
    pairs += [("article:tag", tag.name) for tag in story.tags.all()]
    pairs += [("article:author", person["url"]) for person in authors(request, story)]
    return [(name, value) for name, value in pairs if value]


def share_image(request, use) -> dict:
    """The lead photo's wide crop at 1200, the size it is served in."""
    photo = use.photo
    width, height = scaled(crop_size(photo, SHARE_CROP), STRUCTURED_DATA_WIDTH)
    spec = Spec(SHARE_CROP, STRUCTURED_DATA_WIDTH, "jpg")
    return {
        "url": absolute(request, rendition_url(photo, spec)),
        "width": width,
        "height": height,
        "alt": use.shown_alt_text,
        "large": True,
    }


def list_meta(request, *, title, description, site_name, page_number, image):
    """Page metadata for a list page (home, section, reporter, tag, search,
    corrections): its versions are the same address in each edition.

    The canonical address is the path, with ``?page=N`` past the first page
    and nothing else: not tracking parameters, and not a search's terms (a
    results page is ``noindex``; its canonical is the search page, and the
    reader's words stay out of the links).
    """
    language = get_language()
    versions = {
        code: absolute(request, translate_url(request.path, code))
        for code, _name in settings.LANGUAGES
    }
    if page_number and page_number > 1:
        # Only this edition's: page N of the other lists other stories.
        versions[language] += f"?page={page_number}"
    return page_meta(
        language=language,
        title=title,
        description=description,
        canonical=versions[language],
        versions=versions,
        site_name=site_name,
        image=image,
        og_type="website",
    )


def page_meta(
    *, language, title, description, canonical, versions, site_name, image, og_type
) -> dict:
    """Everything ``includes/page_meta.html`` prints, as ordered pairs.

    ``versions`` maps each edition's language to its address; x-default is
    the Korean one, as ``/`` sends a reader of any other language to Korean.
    """
    others = [OG_LOCALES[code] for code in versions if code != language]
    og = [
        ("og:type", og_type),
        ("og:title", title),
        ("og:description", description),
        ("og:url", canonical),
        ("og:site_name", site_name),
        ("og:locale", OG_LOCALES[language]),
        *(("og:locale:alternate", locale) for locale in others),
        *image_properties(image),
    ]
    # A large card for a story's wide photo; a portrait stays a thumbnail.
    card = "summary_large_image" if image and image.get("large") else "summary"
    twitter = [("twitter:card", card)]
    if image:
        twitter += [
            ("twitter:image", image["url"]),
            ("twitter:image:alt", image["alt"]),
        ]
    twitter += [("twitter:title", title), ("twitter:description", description)]
    default = versions.get(settings.LANGUAGE_CODE, canonical)
    return {
        "description": description,
        "canonical": canonical,
        "alternates": [*versions.items(), ("x-default", default)],
        "og": _filled(og),
        "twitter": _filled(twitter),
    }


def image_properties(image) -> list[tuple[str, object]]:
    if not image:
        return []
    keys = ("width", "height", "alt")  # each follows og:image, which it describes
    return [("og:image", image["url"])] + [
        (f"og:image:{k}", image.get(k)) for k in keys
    ]


def _filled(pairs):
    return [(key, value) for key, value in pairs if value not in (None, "")]
