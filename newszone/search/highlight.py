"""Mark matched words in the original text, for titles and snippets.

Latin words are matched by their analysed term (talks → talk); Korean terms
by where they stand in the text (송영무 inside 송영무는), which needs no
second run of the analyser.
"""

from __future__ import annotations

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from newszone.search.analyzers import HANGUL, LATIN, is_join, latin_term
from newszone.search.query import Groups

ELLIPSIS = "…"


def query_terms(*groupings: Groups) -> set[str]:
    """The words to mark (a compound's join tokens stand for no text)."""
    return {
        term
        for groups in groupings
        for group in groups
        for alt in group
        for term in alt
        if not is_join(term)
    }


def spans(text: str, terms: set[str]) -> list[tuple[int, int]]:
    found = [m.span() for m in LATIN.finditer(text) if latin_term(m.group()) in terms]
    folded = text.casefold()
    for term in (t for t in terms if HANGUL.search(t)):
        stem = term[:-1] if term.endswith("다") and len(term) > 2 else term
        start = folded.find(stem)
        while start != -1:
            found.append((start, start + len(stem)))
            start = folded.find(stem, start + len(stem))
    merged: list[tuple[int, int]] = []
    for start, end in sorted(found):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def mark(text: str, terms: set[str]) -> SafeString:
    """All of ``text``, escaped, with matches in <mark>."""
    return _render(text, spans(text, terms), 0, len(text))


def snippet(text: str, terms: set[str], length: int = 220) -> SafeString:
    """About ``length`` characters around the first matches, escaped and marked."""
    text = " ".join(text.split())
    found = spans(text, terms)
    start = max(0, found[0][0] - length // 4) if found else 0
    if start:
        space = text.find(" ", start)
        start = space + 1 if 0 <= space < found[0][0] else start
    end = min(len(text), start + length)
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > start else end
    html = _render(text, found, start, end)
    prefix = ELLIPSIS if start else ""
    suffix = ELLIPSIS if end < len(text) else ""
    return mark_safe(prefix + html + suffix)  # noqa: S308 - _render escapes


def _render(text: str, found, start: int, end: int) -> SafeString:
    out, cursor = [], start
    for left, right in found:
        left, right = max(left, start), min(right, end)
        if left >= right:
            continue
        out.append(escape(text[cursor:left]))
        out.append(f"<mark>{escape(text[left:right])}</mark>")
        cursor = right
    out.append(escape(text[cursor:end]))
    return mark_safe("".join(out))  # noqa: S308 - every piece is escaped
