"""Copy-desk checks: damage a sub-editor would catch, pointed out, never fixed
silently. Each finding carries a suggested fix that the desk applies only
when an editor asks (``apply_fix``).

Pure Python over precompiled patterns: the importers run it on every item.
The body is checked as stored HTML. No pattern can match ``<`` or ``>``, so
a match never crosses a tag; matches inside a tag (an attribute) are dropped.
A finding's ``find`` is therefore exact text of the stored value.

The name and phrase tables below are modest on purpose: a name missing from
them is a missed warning, never a wrong one.
"""

from __future__ import annotations

import hashlib
import html
import re
import unicodedata
from bisect import bisect_right
from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from django.utils.translation import gettext as _

from newszone.articles.copydesk_tables import (
    ALIASES,
    DOTS,
    GLUED_ALLOWED,
    INTERFACE_PHRASES,
    NAMES,
    SYLLABLES,
)

FIELDS = ("headline", "alternate_headline", "deck", "body")
EN_DASH = "\u2013"
EXCERPT_WIDTH = 30  # characters each side of the problem: ~60 with it


@dataclass(frozen=True)
class Finding:
    code: str  # glued-words | find-replace | country-mismatch | double-space | …
    field: str  # headline | alternate_headline | deck | body
    message: str  # translated: what is wrong and what the fix does
    excerpt: str  # plain text around the problem, for reports
    find: str  # exact text in the field's stored value (body: in the HTML)
    replace: str  # suggested replacement ("" deletes)

    @property
    def fixable(self) -> bool:
        """False when there is no safe one-click fix (``replace == find``)."""
        return self.find != self.replace

    @property
    def key(self) -> tuple[str, str, str]:
        """What names a finding across recomputations."""
        return (self.code, self.field, self.find)

    @property
    def token(self) -> str:
        """``key`` in 16 characters, for a form to post back (``find`` itself
        may hold HTML and line breaks, which browsers alter)."""
        return hashlib.sha256("\0".join(self.key).encode()).hexdigest()[:16]


@dataclass(frozen=True)
class _Rule:
    """A blind replace of ``was`` by ``became`` that also hit a longer word."""

    literal: str  # cheap test before the pattern runs
    pattern: re.Pattern
    was: str
    became: str
    fix: str  # when the story still says ``was`` somewhere
    fallback: str  # when it does not


def _rule(literal, pattern, was, became, fix, fallback="") -> _Rule:
    return _Rule(literal, re.compile(pattern), was, became, fix, fallback or fix)


_END = r"(?P<s>s?)(?![A-Za-z])"
REPLACE_RULES = {
    "en": (
        _rule(
            "s Republic of Korean",
            rf"Democratic People['’]s Republic of Korean{_END}",
            "North Korea",
            "Democratic People's Republic of Korea",
            "North Korean",
        ),
        _rule(
            "Republic of Korean",
            # Literal first, so the regex engine can search for it quickly.
            r"Republic of Korean(?<!People's Republic of Korean)"
            rf"(?<!People’s Republic of Korean){_END}",
            "South Korea",
            "Republic of Korea",
            "South Korean",
            "Korean",
        ),
        _rule(
            "Statesn", rf"United Statesn{_END}", "America", "United States", "American"
        ),
        _rule("U.S.n", rf"(?<![\w.])U\.S\.n{_END}", "America", "U.S.", "American"),
    ),
    "ko": (  # 한국 → 대한민국 everywhere also made 대한민국어, 대한민국전쟁
        _rule("대한민국", r"대한민국(?P<s>어|전쟁)", "한국", "대한민국", "한국"),
    ),
}


def _alternation(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def _is_latin(text: str) -> bool:
    return any(c.isalpha() and ord(c) < 0x250 for c in text)  # Latin scripts


def _compile_glued() -> re.Pattern:
    """A known name, then at once a name, a capitalised word or an acronym.
    It starts with the names themselves (no lookbehind) so the regex engine
    can skip ahead by first letter; what precedes is checked in code."""
    names = _alternation(NAMES)
    right = rf"(?:{names})(?![A-Za-z])|[A-Z][a-zß-öø-ÿ]+|[A-Z]{{2,}}(?![a-z])"
    return re.compile(rf"(?P<left>{names})(?P<right>{right})")


def _compile_interface() -> re.Pattern:
    """Nothing but interface phrases and separators ("Print | Share")."""
    phrases = sorted(INTERFACE_PHRASES, key=len, reverse=True)
    words = "|".join(r"\s*".join(map(re.escape, p.split())) for p in phrases)
    separator = r"[\s|/·ㆍ•,:;>\-–—()\[\]]"
    return re.compile(rf"{separator}*(?:(?:{words}){separator}*)+\Z", re.I)


def _compile_countries() -> re.Pattern:
    """Dotted Korean runs first, then Latin names (a name may follow a
    lower-case letter, as in a glued "KoreaTurkey"), then Korean names."""
    latin = [a for a in ALIASES if _is_latin(a)]
    words = _alternation(a for a in latin if any(c.islower() for c in a))
    acronyms = _alternation(a for a in latin if not any(c.islower() for c in a))
    korean = _alternation(a for a in ALIASES if not _is_latin(a))
    element = f"{korean}|[{''.join(SYLLABLES)}]"
    return re.compile(
        rf"(?P<dotted>(?:{element})(?:[{DOTS}](?:{element}))+)"
        rf"|(?<![A-Z])(?:{words})(?![a-z])|(?<![A-Z])(?:{acronyms})(?![A-Za-z])"
        rf"|{korean}"
    )


_GLUED = _compile_glued()
_INTERFACE = _compile_interface()
_COUNTRY = _compile_countries()
_TAG = re.compile(r"<[^>]*>")
_PARAGRAPH = re.compile(r"<p>([^<]*(?:<(?!/p>)[^<]*)*)</p>")
_SPACE = r"(?:[ \t\u00a0\u2000-\u200a\u202f\u3000]|&(?:nbsp|#160|#[xX][aA]0);)"
_SPACES = re.compile(rf"{_SPACE}{{2,}}")
_ODD_SPACE = re.compile("[\t\u00a0\u2000-\u200a\u202f\u3000]")
_NEXT_WORD = re.compile(r"(?:\s|&nbsp;)+[^\s<>&]{1,30}")
INTERFACE_MAX = 80  # longer paragraphs are prose, whatever words they hold


# -- public interface ------------------------------------------------------------


def check_fields(fields: Mapping[str, str], language: str) -> list[Finding]:
    """Every finding in ``fields`` (headline, alternate_headline, deck, body;
    the body as sanitised HTML), ordered by field then position, without
    duplicates. ``language`` picks the find-and-replace rules (all of them
    for an unknown language); the other checks read both languages, since
    Korean interface text turns up in English pages and the reverse."""
    values = {name: fields.get(name) or "" for name in FIELDS}
    said = " ".join(values.values())  # what the story says anywhere
    rules = REPLACE_RULES.get((language or "")[:2]) or tuple(
        rule for rules in REPLACE_RULES.values() for rule in rules
    )
    found: list[tuple[int, int, Finding]] = []
    for order, name in enumerate(FIELDS):
        if values[name]:
            text = _Text(name, values[name])
            found += [(order, at, f) for at, f in text.check(rules, said)]
    mismatch = _country_mismatch(values["headline"], values["alternate_headline"])
    if mismatch is not None:
        found.append((FIELDS.index("alternate_headline"), -1, mismatch))
    return _unique(found)


def check_article(article) -> list[Finding]:
    """``check_fields`` on an article (its text as stored, or as edited)."""
    fields = {name: getattr(article, name, "") or "" for name in FIELDS}
    return check_fields(fields, article.language)


def apply_fix(value: str, finding: Finding) -> str:
    """``value`` with ``finding``'s fix applied to every copy of its text.

    Raise ValueError if the text is no longer there (or there is no fix). In
    the body, plain text is replaced between tags only, never inside a tag.
    """
    if not finding.fixable:
        raise ValueError("This finding has no automatic fix.")
    if finding.field == "body" and "<" not in finding.find:
        parts = re.split(r"(<[^>]*>)", value)  # odd items are the tags
        new = "".join(
            part if index % 2 else part.replace(finding.find, finding.replace)
            for index, part in enumerate(parts)
        )
    else:
        new = value.replace(finding.find, finding.replace)
    if new == value:
        raise ValueError(f"{finding.find!r} is no longer in the {finding.field}.")
    return new


def _unique(found: list[tuple[int, int, Finding]]) -> list[Finding]:
    """Sorted by field and position; one finding per (code, field, find,
    replace): ``apply_fix`` fixes every copy of the text at once."""
    seen, result = set(), []
    for _order, _at, finding in sorted(found, key=lambda item: item[:2]):
        if (identity := (*finding.key, finding.replace)) not in seen:
            seen.add(identity)
            result.append(finding)
    return result


# -- one field -----------------------------------------------------------------


class _Text:
    """One field's stored value; for the body, where its tags are."""

    def __init__(self, field: str, value: str):
        self.field, self.value, self.is_html = field, value, field == "body"
        tags = [m.span() for m in _TAG.finditer(value)] if self.is_html else []
        self.tag_starts = [start for start, _end in tags]
        self.tag_ends = [end for _start, end in tags]
        self.stray = list(_interface_text(field, value))

    def check(self, rules, said: str) -> Iterator[tuple[int, Finding]]:
        yield from ((start, finding) for start, _end, finding in self.stray)
        yield from _glued_words(self)
        yield from _find_replace(self, rules, said)
        yield from _double_spaces(self)

    def run(self, start: int, end: int) -> tuple[int, int] | None:
        """The text run between tags holding ``value[start:end]``; None if
        the span is in a tag or in a paragraph that is interface text."""
        index = bisect_right(self.tag_starts, start)
        if index and self.tag_ends[index - 1] > start:
            return None
        first = self.tag_ends[index - 1] if index else 0
        last = self.tag_starts[index] if index < len(self.tag_starts) else None
        if last is not None and end > last:
            return None
        if any(a <= start < b for a, b, _f in self.stray):
            return None  # the whole paragraph goes: nothing in it to fix
        return first, len(self.value) if last is None else last

    def finding(self, code, message, span, change) -> tuple[int, Finding]:
        excerpt = _excerpt(self.value, span, self.run(*span), self.is_html)
        return span[0], Finding(code, self.field, message, excerpt, *change)


def _plain(text: str, is_html: bool) -> str:
    return html.unescape(text) if is_html else text


def _excerpt(value: str, span, run, is_html: bool) -> str:
    """Plain text around ``span`` within its run; positions map through
    entities because a match never starts or ends inside one."""
    text, start, end = value[run[0] : run[1]], span[0] - run[0], span[1] - run[0]
    plain = _plain(text, is_html)
    head = len(_plain(text[:start], is_html))
    tail = head + len(_plain(text[start:end], is_html))
    first, last = max(0, head - EXCERPT_WIDTH), min(len(plain), tail + EXCERPT_WIDTH)
    snippet = re.sub(r"[\r\n\t]", " ", plain[first:last])
    return ("…" if first else "") + snippet + ("…" if last < len(plain) else "")


def _shorten(text: str, width: int = 2 * EXCERPT_WIDTH) -> str:
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


# -- glued words: "Republic of KoreaTurkey Summit" ------------------------------


def _glued_words(text: _Text) -> Iterator[tuple[int, Finding]]:
    """A known name that ends a word, then at once a capital letter. Built
    around names, not case changes, so iPhone, McDonald or LinkedIn pass."""
    for match in _GLUED.finditer(text.value):
        left, right, (start, end) = match["left"], match["right"], match.span()
        run = text.run(start, end)
        if run is None or match[0] in GLUED_ALLOWED:
            continue
        before = text.value[start - 1] if start > run[0] else " "
        if before.isalnum() or before in "_.@#/&":
            continue  # inside a word, a URL, a handle or a hashtag
        if right.isupper() and right not in NAMES and not left[-1].islower():
            continue  # "UNESCO", "USAF": one acronym, not two
        message, change = _unglue(match[0], left, right)
        yield text.finding("glued-words", message, (start, end), change)


def _unglue(found: str, left: str, right: str) -> tuple[str, tuple[str, str]]:
    if right in NAMES:  # two names: a lost dash or slash
        fix = f"{left}{EN_DASH}{right}"
        message = _(
            "“%(found)s” looks like two names run together (a lost dash or "
            "slash). The fix puts an en dash between them: “%(fix)s”."
        )
    else:  # a name and an ordinary word: a lost space
        fix = f"{left} {right}"
        message = _(
            "“%(found)s” looks like two words run together. The fix puts a "
            "space between them: “%(fix)s”."
        )
    return message % {"found": found, "fix": fix}, (found, fix)


# -- damage from a blind find-and-replace: "Republic of Korean President" -------


def _find_replace(text: _Text, rules, said: str) -> Iterator[tuple[int, Finding]]:
    for rule in rules:
        if rule.literal not in text.value:
            continue
        for match in rule.pattern.finditer(text.value):
            if text.run(*match.span()) is None:
                continue
            fix = (rule.fix if rule.was in said else rule.fallback) + match["s"]
            # With the next word, each place is a finding (and a fix) of its own.
            tail = _NEXT_WORD.match(text.value, match.end())
            tail = tail[0] if tail and text.run(match.start(), tail.end()) else ""
            message = _(
                "“%(found)s” looks like damage from replacing “%(was)s” with "
                "“%(became)s” everywhere, which also changed a longer word. "
                "The fix changes it to “%(fix)s”."
            ) % {"found": match[0], "was": rule.was, "became": rule.became, "fix": fix}
            change = (match[0] + tail, fix + tail)
            yield text.finding("find-replace", message, match.span(), change)


# -- doubled spaces --------------------------------------------------------------

WORD_LIMIT = 30  # characters of the words either side kept in ``find``


def _double_spaces(text: _Text) -> Iterator[tuple[int, Finding]]:
    """Two or more spaces (non-breaking too) between two words of one run."""
    value = text.value
    if "  " not in value and "&" not in value and not _ODD_SPACE.search(value):
        return  # the usual case, decided without the slower pattern
    for match in _SPACES.finditer(value):
        start, end = match.span()
        run = text.run(start, end)
        if run is None or start == run[0] or end == run[1]:
            continue  # at the edge of a paragraph, not between two words
        first, last = _word_start(value, start), _word_end(value, end)
        change = (value[first:last], value[first:start] + " " + value[end:last])
        message = _("Two or more spaces in a row. The fix leaves one space.")
        yield text.finding("double-space", message, (start, end), change)


def _word_start(value: str, index: int) -> int:
    first = index
    while first > 0 and index - first < WORD_LIMIT and _in_word(value[first - 1]):
        first -= 1
    return first


def _word_end(value: str, index: int) -> int:
    last = index
    while last < len(value) and last - index < WORD_LIMIT and _in_word(value[last]):
        last += 1
    return last


def _in_word(char: str) -> bool:
    return not (char.isspace() or char in "<>&;")  # stop short of tags, entities


# -- stray interface text: "게시물 검색 설정", "Print | Share" --------------------


def is_interface_text(plain: str) -> bool:
    """A line made only of a news site's interface words ("게시물 검색 설정")."""
    text = " ".join(unicodedata.normalize("NFC", plain).split())
    return bool(text) and len(text) <= INTERFACE_MAX and bool(_INTERFACE.match(text))


def _interface_text(field: str, value: str) -> Iterator[tuple[int, int, Finding]]:
    """Whole paragraphs (or a whole deck or alternate headline) made only of
    the old site's interface words. The headline is left alone: deleting it
    would leave the story without one."""
    if field in ("alternate_headline", "deck") and is_interface_text(value):
        yield 0, len(value), _stray(field, value.strip(), value)
    if field != "body":
        return
    for match in _PARAGRAPH.finditer(value):
        if len(match[1]) > 4 * INTERFACE_MAX:
            continue  # far too long: prose (and no unescaping to pay for)
        plain = " ".join(html.unescape(_TAG.sub(" ", match[1])).split())
        if is_interface_text(plain):
            yield *match.span(), _stray(field, plain, match[0])


def _stray(field: str, plain: str, find: str) -> Finding:
    shown = _shorten(plain)
    message = _(
        "“%(text)s” is text from the old site's interface, not part of the "
        "story. The fix deletes it."
    ) % {"text": shown}
    return Finding("interface-text", field, message, shown, find, "")


# -- headline and alternate headline name different countries ------------------


@dataclass(frozen=True)
class _Mention:
    codes: frozenset[str]
    start: int
    end: int
    text: str


def _countries(text: str) -> list[_Mention]:
    if _is_latin(text) and text == text.upper():
        return []  # ALL CAPS: "US" may be the pronoun; better no opinion
    mentions = []
    for match in _COUNTRY.finditer(text):
        if not match["dotted"]:
            codes = ALIASES[match[0]]
            mentions.append(_Mention(codes, match.start(), match.end(), match[0]))
            continue
        for part in re.finditer(rf"[^{DOTS}]+", match[0]):
            codes = ALIASES.get(part[0]) or frozenset({SYLLABLES[part[0]]})
            start = match.start() + part.start()
            mentions.append(_Mention(codes, start, start + len(part[0]), part[0]))
    return mentions


def _codes(mentions: list[_Mention]) -> set[str]:
    return set().union(*(m.codes for m in mentions))


def _names(mentions: list[_Mention], codes: set[str]) -> str:
    names = dict.fromkeys(m.text for m in mentions if m.codes & codes)
    return ", ".join(f"“{name}”" for name in names)


def _country_mismatch(headline: str, alternate: str) -> Finding | None:
    """Fires only when each headline names a country the other does not: an
    alternate that leaves a country out is a shorter headline, not an error."""
    if not (headline.strip() and alternate.strip()):
        return None
    ours, theirs = _countries(headline), _countries(alternate)
    only_ours, only_theirs = (
        _codes(ours) - _codes(theirs),
        _codes(theirs) - _codes(ours),
    )
    if not (only_ours and only_theirs):
        return None
    message = _(
        "The headline names %(ours)s but the alternate headline names "
        "%(theirs)s: both should be about the same countries."
    ) % {"ours": _names(ours, only_ours), "theirs": _names(theirs, only_theirs)}
    swapped = _swap_country(ours, theirs, only_ours, only_theirs, alternate)
    if swapped is None:
        message += " " + _("Rewrite one of them: there is no safe automatic fix.")
    else:
        message += " " + _("The fix makes the alternate headline “%(fix)s”.") % {
            "fix": swapped
        }
    excerpt = _shorten(f"{headline} | {alternate}", 4 * EXCERPT_WIDTH)
    change = (alternate, swapped or alternate)  # find == replace: no fix
    return Finding("country-mismatch", "alternate_headline", message, excerpt, *change)


def _swap_country(ours, theirs, only_ours, only_theirs, alternate: str) -> str | None:
    """The alternate headline with its one odd country named as the headline
    names it, or None when that is not a clean one-for-one swap."""
    if len(only_ours) != 1 or len(only_theirs) != 1:
        return None
    wanted = next((m for m in ours if m.codes == only_ours), None)
    odd = [m for m in theirs if m.codes & only_theirs]
    if wanted is None or any(m.codes != only_theirs for m in odd):
        return None  # named only inside a compound such as 한미
    if any(_is_latin(m.text) != _is_latin(wanted.text) for m in odd):
        return None  # do not put an English name into a Korean headline
    for mention in reversed(odd):
        alternate = alternate[: mention.start] + wanted.text + alternate[mention.end :]
    return alternate
