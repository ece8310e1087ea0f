"""schema.org JSON-LD for reader pages (the distribution issue extends it)."""

from __future__ import annotations

import json

from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

from newszone.frontend.pictures import structured_data_images

# JSON inside <script>: these could close the element or start a comment.
_SCRIPT_SAFE = {ord("<"): "\\u003c", ord(">"): "\\u003e", ord("&"): "\\u0026"}


def ld_json(data: dict) -> SafeString:
    text = json.dumps(data, ensure_ascii=False).translate(_SCRIPT_SAFE)
    return format_html(
        '<script type="application/ld+json">{}</script>',
        mark_safe(text),  # noqa: S308 - escaped for <script> above
    )


def news_article(request, story, publication) -> dict:
    """A ``NewsArticle`` with its corrections as ``CorrectionComment``s."""
    url = request.build_absolute_uri(story.get_absolute_url())
    language = story.language
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "mainEntityOfPage": url,
        "url": url,
        "headline": story.headline,
        "inLanguage": language,
        "articleSection": story.section.name(language),
        "datePublished": story.published_at.isoformat() if story.published_at else None,
        "dateModified": story.updated_at.isoformat(),
        "author": [
            {
                "@type": "Person",
                "name": reporter.display_name(language),
                "url": request.build_absolute_uri(reporter.get_absolute_url()),
            }
            for reporter in story.ordered_reporters
        ],
        "isAccessibleForFree": True,
    }
    if story.alternate_headline:
        data["alternativeHeadline"] = story.alternate_headline
    if story.deck:
        data["description"] = story.deck
    if publication is not None:
        data["publisher"] = {
            "@type": "Organization",
            "name": publication.name(language),
        }
    lead = story.lead_photo
    if lead is not None:
        # Three ratios at 1200 wide, as Google asks of article images; the
        # original (which may carry GPS) is never linked.
        data["image"] = structured_data_images(request, lead.photo)
    corrections = list(story.corrections.all())
    if corrections:
        data["correction"] = [
            {
                "@type": "CorrectionComment",
                "text": note.text,
                "datePublished": note.created_at.isoformat(),
            }
            for note in corrections
        ]
    return {k: v for k, v in data.items() if v is not None}
