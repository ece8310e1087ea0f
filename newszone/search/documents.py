"""Turn source documents into stored, analysed SearchDocuments, and keep the
engine's index in step (SQLite's triggers, or PostgreSQL's vector written with
the terms, do the rest)."""

from __future__ import annotations

import zlib
from collections.abc import Callable, Iterable
from datetime import UTC, datetime

from django.db import transaction
from django.utils import timezone

from newszone.search.analyzers import ANALYSIS_VERSION, analyze
from newszone.search.backends import get_backend
from newszone.search.models import SearchDocument
from newszone.search.registry import SourceDocument, get_source

KEY_SLOTS = 1024  # sort keys per second of publication time


def sort_key(moment: datetime, object_id: int = 0) -> int:
    """The sort key for ``moment``: seconds × 1024 + a tie-breaker from the id."""
    seconds = int(moment.astimezone(UTC).timestamp())
    return seconds * KEY_SLOTS + object_id % KEY_SLOTS


def key_range_start(moment: datetime) -> int:
    return int(moment.astimezone(UTC).timestamp()) * KEY_SLOTS


def period_lexeme(year: int, month: int | None = None) -> str:
    """A year's lexeme (y_2024), or a month's (m_202403): analysed terms have
    no underscore."""
    return f"y_{year}" if month is None else f"m_{year}{month:02d}"


def key_period(key: int) -> list[str]:
    """The year and month of a sort key (UTC) as lexemes. PostgreSQL's
    vectors hold them, so that GIN answers a key range itself
    (backends/postgres.py)."""
    moment = datetime.fromtimestamp(key // KEY_SLOTS, UTC)
    return [period_lexeme(moment.year), period_lexeme(moment.year, moment.month)]


def key_bounds(query) -> tuple[int, int]:
    """The sort-key range a query may match: its dates, and never the future
    for public search (scheduled stories are not out yet)."""
    low = key_range_start(query.date_from) if query.date_from else 0
    high = key_range_start(query.date_to) if query.date_to else 2**62
    if query.public_only:
        high = min(high, key_range_start(timezone.now()) + KEY_SLOTS)
    return low, high


def quote_lexeme(term: str) -> str:
    """A term as a tsvector/tsquery literal: quotes doubled, backslashes escaped."""
    return "'" + term.replace("\\", "\\\\").replace("'", "''") + "'"


def meta_terms(doc: SourceDocument) -> str:
    """Filter facts as tokens: language, visibility, photo, sections, reporters."""
    tokens = [f"l_{doc.language}", "v_1" if doc.is_public else "v_0"]
    tokens.append("p_1" if doc.has_photo else "p_0")
    tokens += [f"s_{pk}" for pk in sorted(set(doc.section_ids))]
    tokens += [f"r_{pk}" for pk in sorted(set(doc.reporter_ids))]
    return " ".join(tokens)


def analysed_fields(doc: SourceDocument) -> dict:
    title = analyze(doc.title, groups=False)
    body = analyze(doc.body, groups=False)
    names = analyze(" ".join(doc.reporter_names), groups=False)
    raw_names = [
        n.replace(" ", "").replace(",", "").casefold() for n in doc.reporter_names
    ]
    return {
        "language": doc.language,
        "is_public": doc.is_public,
        "has_photo": doc.has_photo,
        "section_ids": " ".join(map(str, sorted(set(doc.section_ids)))),
        "reporter_ids": " ".join(map(str, sorted(set(doc.reporter_ids)))),
        "title_terms": " ".join(title.terms),
        "title_extra": " ".join(title.extras),
        "body_terms": " ".join(body.terms),
        "body_extra": " ".join(body.extras),
        "reporter_terms": " ".join(names.terms + names.extras + raw_names),
        "meta_terms": meta_terms(doc),
    }


MAX_POSITION = 16383  # PostgreSQL's limits on tsvector positions
MAX_POSITIONS_PER_LEXEME = 255


def tsvector_literal(*weighted: tuple[str, str]) -> str:
    """``("a b a", "A"), ("c", "C")`` → ``'a':1A,3A 'b':2A 'c':4C``.

    Positions run on across the parts, so a phrase never spans two of them
    unless they touch; quotes are doubled and backslashes escaped.
    """
    positions: dict[str, list[str]] = {}
    position = 0
    for text, weight in weighted:
        for term in text.split():
            position = min(position + 1, MAX_POSITION)
            slots = positions.setdefault(term, [])
            if len(slots) < MAX_POSITIONS_PER_LEXEME:
                slots.append(f"{position}{weight}")
        position = min(position + 1, MAX_POSITION)  # a gap between parts
    return " ".join(
        quote_lexeme(term) + ":" + ",".join(slots) for term, slots in positions.items()
    )


# The parts of a document's terms a vector gives positions to, in order,
# with their weights: headline (A) to body extras (D). No phrase spans two.
WEIGHTED_PARTS = (
    ("title_terms", "A"),
    ("title_extra", "B"),
    ("body_terms", "C"),
    ("body_extra", "D"),
)

# Each headline term once more, marked and without positions, so that a
# headline-scoped search is an exact GIN lookup: a weight-restricted tsquery
# ('term':AB) makes PostgreSQL re-read every matching row's vector instead.
HEADLINE_MARK = "^"


def vector_for(fields: dict, key: int) -> str:
    """The weighted tsvector literal of a document's terms and its key's
    period (PostgreSQL stores it as its vector). A change to what it writes
    must raise analyzers.ANALYSIS_VERSION, so the rebuild writes every vector
    anew, or be made by a migration (0013 adds the period in SQL)."""
    literal = tsvector_literal(*((fields[part], w) for part, w in WEIGHTED_PARTS))
    headline = sorted(set(f"{fields['title_terms']} {fields['title_extra']}".split()))
    marks = " ".join(quote_lexeme(HEADLINE_MARK + term) for term in headline)
    period = " ".join(map(quote_lexeme, key_period(key)))
    return f"{literal} {marks} {period}".strip()


def headline_vector_for(fields: dict) -> str:
    """The headline's part of ``vector_for`` (weights A and B, the same
    positions), which ranks the headline tier: a few lexemes in the row,
    where the whole vector is ~3 KB read out of TOAST."""
    return tsvector_literal((fields["title_terms"], "A"), (fields["title_extra"], "B"))


# Each story's signature of the pairs of terms that stand side by side in it
# (a Bloom filter: each pair sets two of its bits). PostgreSQL's GIN index
# finds the stories that hold a phrase's words, not where they stand; each
# of those (12,099 for "defense talks" at 1,000,000 stories, 2,115 with the
# phrase) had its vector read out of TOAST to look (~10 µs each). A story
# whose signature lacks a bit of one of the phrase's pairs cannot hold it,
# and is passed over without reading its vector (backends/postgres.py,
# phrase_prefilter). 64 bytes, in the row: an English story (~120 pairs) sets
# ~37 % of the bits, so ~14 % of stories without the phrase still pass.
PAIR_BITS = 512


def pair_positions(left: str, right: str) -> tuple[int, int]:
    """The two bits of the pair ``left right`` (bit n: byte n // 8, bit n % 8
    from the lowest, as PostgreSQL's get_bit counts)."""
    digest = zlib.crc32(f"{left} {right}".encode())
    return digest % PAIR_BITS, (digest >> 9) % PAIR_BITS


def pair_bits(fields: dict) -> bytes:
    """The pair signature of a document's terms: the pairs side by side in
    each of the parts vector_for gives positions to (no phrase spans two)."""
    bits = bytearray(PAIR_BITS // 8)
    for part, _weight in WEIGHTED_PARTS:
        terms = fields[part].split()
        for pair in zip(terms, terms[1:], strict=False):
            for bit in pair_positions(*pair):
                bits[bit >> 3] |= 1 << (bit & 7)
    return bytes(bits)


def vectors_for(fields: dict, key: int) -> dict:
    """What PostgreSQL stores beside a document's terms (``key``: its sort
    key): its vectors and its pair signature."""
    return {
        "vector": vector_for(fields, key),
        "headline_vector": headline_vector_for(fields),
        "pair_bits": pair_bits(fields),
    }


def _free_key(wanted: int, source: str, object_id: int) -> int:
    """``wanted``, or the next key in the same second not used by another object."""
    key = wanted
    while (
        SearchDocument.objects.filter(pk=key)
        .exclude(source=source, object_id=object_id)
        .exists()
    ):
        key += 1
    return key


@transaction.atomic
def store(source: str, doc: SourceDocument) -> SearchDocument:
    """Analyse ``doc`` and replace its stored document (and so its index entry)."""
    fields = analysed_fields(doc)
    SearchDocument.objects.filter(source=source, object_id=doc.object_id).delete()
    key = _free_key(sort_key(doc.sort_time, doc.object_id), source, doc.object_id)
    if get_backend().stores_vector:
        fields |= vectors_for(fields, key)
    return SearchDocument.objects.create(
        pk=key,
        source=source,
        object_id=doc.object_id,
        analysis_version=ANALYSIS_VERSION,
        **fields,
    )


def index_objects(source_name: str, ids: Iterable[int]) -> int:
    """(Re)index these objects of a source; those that no longer exist are removed."""
    ids = list(ids)
    source = get_source(source_name)
    seen = set()
    for doc in source.documents(ids):
        store(source_name, doc)
        seen.add(doc.object_id)
    gone = set(ids) - seen
    if gone:
        remove(source_name, gone)
    return len(seen)


def remove(source: str, ids: Iterable[int]) -> None:
    SearchDocument.objects.filter(source=source, object_id__in=list(ids)).delete()


def set_public(source: str, object_id: int, is_public: bool) -> None:
    """Flip visibility at once, without re-analysing (unpublish must not wait)."""
    for doc in SearchDocument.objects.filter(source=source, object_id=object_id):
        tokens = doc.meta_terms.split()
        tokens[1] = "v_1" if is_public else "v_0"
        doc.is_public = is_public
        doc.meta_terms = " ".join(tokens)
        doc.save(update_fields=["is_public", "meta_terms"])


def reanalyse_all(
    source_name: str, progress: Callable[[int], None] | None = None
) -> int:
    """Re-run the analyser over every object of a source (slow: Kiwi)."""
    source = get_source(source_name)
    done = 0
    known = set(
        SearchDocument.objects.filter(source=source_name).values_list(
            "object_id", flat=True
        )
    )
    for doc in source.documents(None):
        store(source_name, doc)
        known.discard(doc.object_id)
        done += 1
        if progress:
            progress(1)
    remove(source_name, known)
    return done
