"""What the writer checks and computes per item, before any row is written."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import astuple

from newszone.core.text import storable, strings_in
from newszone.importers.items import ImportItem
from newszone.importers.resolve import ItemProblem
from newszone.taxonomy.models import Section

TEXT_LIMITS = {"headline": 200, "alternate_headline": 200, "copyright_line": 200}


def check_limits(item: ImportItem) -> None:
    if not item.headline.strip():
        raise ItemProblem("no headline")
    parts = [item.headline, item.alternate_headline, item.deck, item.body_html]
    parts += [item.copyright_line, *item.tags, *(astuple(r) for r in item.reporters)]
    parts += [astuple(ref) for ref in item.photos]
    parts.append(astuple(item.section) if item.section else "")
    if not all(storable(text) for text in strings_in(parts)):
        raise ItemProblem("text holds NUL characters or unpaired surrogates")
    for name, limit in TEXT_LIMITS.items():
        if len(getattr(item, name).strip()) > limit:
            raise ItemProblem(
                f"{name.replace('_', ' ')} longer than {limit} characters"
            )


def dropped(item: ImportItem) -> list[str]:
    if not item.dropped_lines:
        return []
    shown = "; ".join(f"“{line[:60]}”" for line in item.dropped_lines)
    return [f"dropped as site interface text: {shown}"]


def fingerprint(item: ImportItem, section: Section, language: str) -> str:
    """The source's content plus what the run decided (section, language)."""
    decided = f"{section.slug}|{language}"
    return hashlib.sha256(f"{item.fingerprint()}|{decided}".encode()).hexdigest()


def unique(rows: Iterable) -> list:
    seen, out = set(), []
    for row in rows:
        if id(row) not in seen:
            seen.add(id(row))
            out.append(row)
    return out


def why(error: Exception) -> str:
    messages = getattr(error, "messages", None)
    return " ".join(messages) if messages else str(error) or type(error).__name__
