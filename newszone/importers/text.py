"""Scraped article pages in the old site's text format (the sample's).

A page, top to bottom (blank lines separate blocks)::

    News Zone                          navigation (optional, root first)
    Photo News                         the section
    Republic of Korea–Turkey …         the headline
    On August 6, …                     body paragraphs
    By Su-Yeol, Maeng < >              byline (or "맹수열 기자 < e-mail >")
    <Copyright The Korea Defense …>    copyright line (or "<저작권자 © …>")
    South Korea–Turkey …               alternate headline (optional)
    게시물 검색 설정                     site interface: dropped, and reported

The header ends where the first paragraph begins: the first block that ends
a sentence or is longer than a headline may be. Nothing is "fixed" here: the
text is kept as printed, and the copy-desk checks point out its damage.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from django.utils.html import escape

from newszone.articles.copydesk import is_interface_text
from newszone.importers.items import Failure, ImportItem, ReporterRef, SectionRef

MAX_FILE_BYTES = (
    2 * 1024 * 1024
)  # a news page is a few KB; anything this big is not one
HEADLINE_MAX = 200
# A paragraph ends a sentence with a full stop (closing quotes may follow);
# headlines may ask ("…resume?") or quote, but news style gives them no period.
SENTENCE_END = re.compile(r"[.。][’”\"')\]]*$")
COPYRIGHT = re.compile(
    r"^<\s*((?:copyright|저작권자|ⓒ|©|\(c\)).*?)\s*>$", re.IGNORECASE
)
BYLINE_EN = re.compile(r"^By\s+(?P<names>.+?)\s*<\s*(?P<email>[^<>]*?)\s*>$")
BYLINE_KO = re.compile(r"^(?P<names>[^<>]+?)\s*기자\s*<\s*(?P<email>[^<>]*?)\s*>$")
BYLINE_NO_EMAIL_EN = re.compile(r"^By\s+(?P<names>[^<>]{2,80})$")
BYLINE_NO_EMAIL_KO = re.compile(r"^(?P<names>[가-힣·,\s]{2,40}?)\s*기자$")
HANGUL = re.compile(r"[가-힣]")
LATIN = re.compile(r"[A-Za-z]")


class PageError(ValueError):
    """The page does not have the expected shape; the message says where."""


@dataclass
class Page:
    """A page's blocks, each a list of (line number, text)."""

    name: str
    blocks: list[list[tuple[int, str]]]


def read_paths(paths: Iterable[Path]) -> Iterator[ImportItem | Failure]:
    """Every ``*.txt`` page under ``paths`` (files or folders), in name order."""
    return read_files(page_files(paths))


def read_files(files: Iterable[Path]) -> Iterator[ImportItem | Failure]:
    seen: dict[str, str] = {}
    for path in files:
        item = read_file(path)
        if isinstance(item, ImportItem):
            first = seen.setdefault(item.source_key, item.origin)
            if first != item.origin:
                item = Failure(item.origin, f"same page name as {first}")
        yield item


def page_files(paths: Iterable[Path]) -> Iterator[Path]:
    for path in paths:
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*.txt") if p.is_file())
        else:
            yield path


def read_file(path: Path) -> ImportItem | Failure:
    origin = str(path)
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            return Failure(origin, "larger than 2 MB: not a news page")
        raw = path.read_bytes()
        return parse_page(decode(raw), path.stem, origin)
    except OSError as error:
        return Failure(origin, error.strerror or str(error))
    except PageError as error:
        return Failure(origin, str(error))


def decode(raw: bytes) -> str:
    """UTF-8 (with or without BOM); old Korean sites also saved CP949."""
    for encoding in ("utf-8-sig", "cp949"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise PageError("not UTF-8 or CP949 text")


def blocks_of(text: str) -> list[list[tuple[int, str]]]:
    blocks, current = [], []
    for number, line in enumerate(text.splitlines(), start=1):
        line = line.rstrip()
        if "\x00" in line:
            raise PageError(f"line {number}: binary data, not text")
        if line.strip():
            current.append((number, line.strip()))
        elif current:
            blocks.append(current)
            current = []
    if current:
        blocks.append(current)
    return blocks


def parse_page(text: str, name: str, origin: str) -> ImportItem:
    blocks = blocks_of(text)
    if not blocks:
        raise PageError("empty page")
    footer, dropped, blocks = split_footer(blocks)
    header, body = split_header(blocks)
    headline = header[-1]
    # Interface lines above the headline ("로그인", "전체메뉴") are no navigation.
    dropped = [line for line in header[:-1] if is_interface_text(line)] + dropped
    header = [line for line in header[:-1] if not is_interface_text(line)] + [headline]
    item = ImportItem(
        source_key=f"text:{name}",
        origin=origin,
        headline=headline,
        body_html="".join(f"<p>{escape(p)}</p>" for p in body),
        language=detect_language(headline + " " + " ".join(body)),
        section=section_ref(header[:-1]),
        dropped_lines=dropped,
        **footer,
    )
    return item


def paragraph(block: list[tuple[int, str]]) -> str:
    """A block's lines as one paragraph (scrapers wrap long lines)."""
    return " ".join(text for _number, text in block)


def split_header(blocks) -> tuple[list[str], list[str]]:
    """(navigation + section + headline, body paragraphs)."""
    index = next(
        (i for i, block in enumerate(blocks) if starts_body(block)), len(blocks)
    )
    if index == 0:
        number = blocks[0][0][0]
        raise PageError(f"line {number}: no headline before the first paragraph")
    header = [paragraph(b) for b in blocks[:index]]
    body = [paragraph(b) for b in blocks[index:]]
    if not body:
        raise PageError("no body paragraphs after the headline")
    return header, body


def starts_body(block: list[tuple[int, str]]) -> bool:
    """A paragraph, not a header line: several lines, too long, or a sentence."""
    text = paragraph(block)
    return len(block) > 1 or len(text) > HEADLINE_MAX or bool(SENTENCE_END.search(text))


def section_ref(lines: list[str]) -> SectionRef | None:
    """The line above the headline names the section; the one above, its parent."""
    if not lines:
        return None
    return SectionRef(name=lines[-1], parent=lines[-2] if len(lines) > 1 else "")


def split_footer(blocks) -> tuple[dict, list[str], list]:
    """Byline, copyright and alternate headline from the end; what was dropped."""
    lines = [line for block in blocks for line in block]
    for position in range(len(lines) - 1, -1, -1):
        match = COPYRIGHT.match(lines[position][1])
        if match:
            break
    else:
        raise PageError("no copyright line (“<Copyright …>” or “<저작권자 © …>”)")
    footer = {"copyright_line": match.group(1)}
    after = [text for _number, text in lines[position + 1 :]]
    kept = [text for text in after if not is_interface_text(text)]
    dropped = [text for text in after if is_interface_text(text)]
    if kept:
        footer["alternate_headline"] = kept[0]
        dropped += kept[1:]
    before = [b for b in cut_blocks(blocks, lines[position][0]) if b]
    byline_block = before.pop() if before else []
    footer["reporters"] = byline(byline_block)
    return footer, dropped, before


def cut_blocks(blocks, stop_line: int) -> list[list[tuple[int, str]]]:
    """``blocks`` up to (not including) line number ``stop_line``."""
    return [[(n, t) for n, t in block if n < stop_line] for block in blocks]


def byline(block: list[tuple[int, str]]) -> list[ReporterRef]:
    if len(block) != 1:
        number = block[0][0] if block else 0
        raise PageError(f"line {number}: no byline above the copyright line")
    number, text = block[0]
    for pattern, language in (
        (BYLINE_EN, "en"),
        (BYLINE_KO, "ko"),
        (BYLINE_NO_EMAIL_EN, "en"),
        (BYLINE_NO_EMAIL_KO, "ko"),
    ):
        match = pattern.match(text)
        if match:
            email = match.groupdict().get("email") or ""
            return [
                ReporterRef(name=name, email=email if i == 0 else "", language=language)
                for i, name in enumerate(split_names(match.group("names"), language))
            ]
    raise PageError(f"line {number}: not a byline: “{text[:80]}”")


def split_names(names: str, language: str) -> list[str]:
    """ "A and B" / "A·B": several reporters. English names keep their comma
    ("Su-Yeol, Maeng" is one person, printed family name last)."""
    if language == "ko":
        parts = re.split(r"\s*[·,/]\s*|\s+기자\s*", names)
    else:
        parts = re.split(r"\s+(?:and|&)\s+|\s*;\s*", names)
    return [part.strip() for part in parts if part.strip()]


def detect_language(text: str) -> str:
    """Korean when a third of the letters are Hangul (English names and
    codes are common in Korean stories; the reverse is rare). The first
    2,000 characters tell as well as the whole story."""
    text = text[:2000]
    hangul = len(HANGUL.findall(text))
    latin = len(LATIN.findall(text))
    return "ko" if hangul and hangul * 3 >= hangul + latin else "en"
