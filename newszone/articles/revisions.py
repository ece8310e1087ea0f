"""Revisions: a whole story as data, a word diff between two, a restore."""

from __future__ import annotations

import difflib
import re

from django.utils.html import escape, strip_tags
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext_lazy as _

from newszone.articles.models import Article, ArticlePhoto, ArticleReporter

TEXT_FIELDS = [
    "language",
    "section_id",
    "article_type",
    "headline",
    "alternate_headline",
    "deck",
    "body",
    "copyright_line",
    "featured",
    "translation_id",
]
LABELS = {
    "language": _("language"),
    "section_id": _("section"),
    "article_type": _("type of work"),
    "headline": _("headline"),
    "alternate_headline": _("alternate headline"),
    "deck": _("deck"),
    "body": _("body"),
    "copyright_line": _("copyright line"),
    "featured": _("top story"),
    "translation_id": _("translation"),
    "reporters": _("byline"),
    "tags": _("tags"),
    "photos": _("photos"),
}
WORDS = re.compile(r"\s+|\w+|[^\w\s]")


def snapshot(article: Article) -> dict:
    """Every editable field of ``article`` as JSON-ready data."""
    photos = article.article_photos.order_by("position", "pk")
    return snapshot_data(
        article,
        reporter_ids=article.article_reporters.order_by("position", "pk").values_list(
            "reporter_id", flat=True
        ),
        tag_names=article.tags.values_list("name", flat=True),
        photos=[
            {
                "photo": p.photo_id,
                "caption": p.caption,
                "credit": p.credit,
                "alt_text": p.alt_text,
            }
            for p in photos
        ],
    )


def snapshot_data(
    article: Article, reporter_ids, tag_names, photos: list[dict]
) -> dict:
    """``snapshot`` from links already in hand (importers write thousands)."""
    data = {name: getattr(article, name) for name in TEXT_FIELDS}
    data["reporters"] = list(reporter_ids)
    data["tags"] = sorted(tag_names)
    data["photos"] = list(photos)
    return data


def apply(article: Article, data: dict) -> None:
    """Write ``data`` (a snapshot) back onto ``article`` and its links."""
    from newszone.taxonomy.models import Tag

    for name in TEXT_FIELDS:
        if name in data:
            setattr(article, name, data[name])
    article.save()
    article.article_reporters.all().delete()
    ArticleReporter.objects.bulk_create(
        ArticleReporter(article=article, reporter_id=rid, position=i)
        for i, rid in enumerate(data.get("reporters", []))
    )
    article.tags.set(Tag.objects.get_or_create(name=n)[0] for n in data.get("tags", []))
    article.article_photos.all().delete()
    ArticlePhoto.objects.bulk_create(
        ArticlePhoto(article=article, position=i, **{**p, "photo_id": p["photo"]})
        for i, p in enumerate(data.get("photos", []))
    )


def _text(field: str, value) -> str:
    if field == "body":
        value = re.sub(r"</(p|h\d|li|blockquote)>", "\n", value or "")
        return strip_tags(value).strip()
    if isinstance(value, list):
        return "\n".join(
            ", ".join(f"{k}: {v}" for k, v in item.items())
            if isinstance(item, dict)
            else str(item)
            for item in value
        )
    return "" if value is None else str(value)


def word_diff(old: str, new: str) -> SafeString:
    """``old`` → ``new`` as escaped HTML with <del> and <ins> around changes."""
    a, b = WORDS.findall(old), WORDS.findall(new)
    out = []
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            out.append(escape("".join(a[i1:i2])))
            continue
        if i2 > i1:
            out.append(f"<del>{escape(''.join(a[i1:i2]))}</del>")
        if j2 > j1:
            out.append(f"<ins>{escape(''.join(b[j1:j2]))}</ins>")
    return mark_safe("".join(out))  # noqa: S308 - every piece escaped above


def diff(old: dict, new: dict) -> list[tuple[str, SafeString]]:
    """The changed fields between two snapshots: (label, marked-up diff)."""
    changes = []
    for field, label in LABELS.items():
        before, after = _text(field, old.get(field)), _text(field, new.get(field))
        if before != after:
            changes.append((str(label), word_diff(before, after)))
        elif old.get(field) != new.get(field):
            changes.append((str(label), escape(_("(formatting only)"))))
    return changes
