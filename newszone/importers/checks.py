"""What the writer checks and computes per item, before any row is written."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import astuple

from newszone.core.text import normalize_space, storable, strings_in
from newszone.importers.items import ImportItem, SectionRef
from newszone.importers.resolve import Resolver
from newszone.taxonomy.models import Section


class ItemProblem(ValueError):
    """This item cannot be written as it is; the message says why."""


REPORTER_NAME_MAX = 60  # a new reporter's name fills name_ko (60) and name_en (80)
SECTION_NAME_MAX = 60
TAG_MAX = 60
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


def check_new_names(item: ImportItem, resolver: Resolver, own_section: bool) -> None:
    """The names the resolver would have to make rows for, checked before it
    makes any: a refused item leaves no section, reporter or tag behind."""
    ref = item.section
    if own_section and ref and not resolver.known_section(ref):
        check_section_name(ref.name)
        if ref.parent and not resolver.known_section(SectionRef(name=ref.parent)):
            check_section_name(ref.parent)
    for reporter in item.reporters:
        # A stored address is a valid one: no need to validate before looking.
        if not resolver.known_reporter(reporter, reporter.email.strip()):
            check_reporter_name(normalize_space(reporter.name))
    for tag in filter(None, map(normalize_space, item.tags)):
        if len(tag) > TAG_MAX:
            raise ItemProblem(f"tag longer than {TAG_MAX} characters: “{tag[:40]}…”")


def check_section_name(name: str) -> None:
    name = normalize_space(name)
    if not name or len(name) > SECTION_NAME_MAX:
        raise ItemProblem(f"section name empty or over {SECTION_NAME_MAX}: “{name}”")


def check_reporter_name(name: str) -> None:
    if not name:
        raise ItemProblem("a byline without a name")
    if len(name) > REPORTER_NAME_MAX:
        limit = REPORTER_NAME_MAX
        raise ItemProblem(f"reporter name longer than {limit}: “{name[:40]}…”")


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
