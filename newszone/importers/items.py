"""What every importer produces: one ``ImportItem`` per story, or a ``Failure``.

A parser (``text.py``, ``wxr.py``, ``ninjs.py``) only reads its format; the
writer (``writer.py``) matches reporters and sections, runs the copy-desk
checks and writes each item atomically. ``source_key`` is what makes a run
idempotent: the same key updates the same article, never a duplicate.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import astuple, dataclass, field, fields
from datetime import datetime
from pathlib import Path

# Hangul syllables and jamo: a name written in them is a Korean name.
HANGUL = re.compile(r"[\u1100-\u11ff\u3130-\u318f\uac00-\ud7a3]")


def script_of(name: str) -> str:
    """``"ko"`` for a name written in Hangul (맹수열), else ``"en"``."""
    return "ko" if HANGUL.search(name) else "en"


@dataclass
class ReporterRef:
    """A byline as the source gives it; matched by e-mail, then by name."""

    name: str
    email: str = ""
    language: str = ""  # the script of ``name``: "ko" (맹수열) or "en" (Su-Yeol, Maeng)


@dataclass
class SectionRef:
    """A section as the source names it (either language), under ``parent``."""

    name: str
    parent: str = ""
    slug: str = ""


@dataclass
class PhotoRef:
    """A picture to attach: a file on disk, with what the source says of it."""

    source_key: str
    path: Path
    caption: str = ""
    credit: str = ""
    alt_text: str = ""
    creator: str = ""


@dataclass
class ImportItem:
    source_key: str  # "text:000_abd…", "wxr:<guid>", "ninjs:<uri>"
    origin: str  # where it came from, for reports: "file.txt", "export.xml:item 12"
    headline: str
    body_html: str = ""  # sanitised again on save
    language: str = ""  # "ko" | "en"; "" → detected from the text
    alternate_headline: str = ""
    deck: str = ""
    copyright_line: str = ""
    article_type: str = "news"
    section: SectionRef | None = None
    reporters: list[ReporterRef] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    photos: list[PhotoRef] = field(default_factory=list)
    status: str = ""  # "" → the run's --status (draft by default)
    published_at: datetime | None = None
    # Lines dropped as site interface ("게시물 검색 설정"): reported, not kept.
    dropped_lines: list[str] = field(default_factory=list)
    # What the parser wants the desk to know (a draft's reason, a lost photo).
    notes: list[str] = field(default_factory=list)

    def fingerprint(self) -> str:
        """Changes exactly when the source's content does (not its origin)."""
        data = [getattr(self, name) for name in FINGERPRINTED]
        data += [
            [astuple(ref) for ref in self.reporters],
            [astuple(ref) for ref in self.photos],
            astuple(self.section) if self.section else None,
        ]
        raw = json.dumps(data, default=str, ensure_ascii=False)
        return hashlib.sha256(raw.encode()).hexdigest()


# Plain fields that make up the content (the origin and dropped lines do not).
FINGERPRINTED = [
    f.name
    for f in fields(ImportItem)
    if f.name
    not in ("origin", "dropped_lines", "notes", "reporters", "photos", "section")
]


@dataclass
class Failure:
    """An item that could not be read: reported, skipped, the run goes on."""

    origin: str  # "file.txt", "file.xml:line 120 (item 7, post 1234)", "a.json"
    reason: str
