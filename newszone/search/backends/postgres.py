"""PostgreSQL full-text search over the same stored analysed terms.

Each story's vector is stored as a ``tsvector`` (the ``vector`` column, the
literal documents.vector_for writes when the story is indexed): lexemes with
positions, weighted A (headline) to D (body extras), and its key's year and
month, under a GIN index, which so answers a key range too. The rows are
kept narrow (long values out of line), for the pages GIN's matches visit.
Each story's pair signature (``pair_bits``, in the row) lets a phrase
pass over the stories that hold its words but cannot hold it, without
reading their vectors. Reporter names are indexed through an expression
over their stored terms.
No text-search configuration touches either: they are analysed already.
Ranking is ``ts_rank`` (its default weights put A far above D), stories
whose headline matches the words first.
"""

from __future__ import annotations

import bisect
import json
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import replace
from datetime import UTC, datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from newszone.search.backends import base
from newszone.search.backends.base import (
    BaseSearchBackend,
    capped_count,
    count_cap,
)
from newszone.search.documents import (
    HEADLINE_MARK,
    KEY_SLOTS,
    PAIR_BITS,
    key_bounds,
    key_range_start,
    pair_positions,
    period_lexeme,
    quote_lexeme,
)
from newszone.search.query import Groups, Hit, SearchQuery, SearchResults

TABLE = "search_searchdocument"
# Reporter names need no positions: their terms as a vector, indexed (GIN)
# as this expression, which the reporter scope repeats to use the index.
REPORTER_VECTOR = (
    "(array_to_tsvector(array_remove(string_to_array(reporter_terms, ' '), '')))"
)
SCOPE_WEIGHTS = {"all": "", "headline": "AB", "body": "CD", "reporter": ""}
# Below this many matches, date order reads them through the GIN index; above,
# walking the primary key backwards finds a page sooner (planner pitfall, see
# shared/research/korean-search.md §4.2).
BITMAP_LIMIT = 5_000


def lexeme(term: str, weights: str) -> str:
    quoted = quote_lexeme(term)
    return f"{quoted}:{weights}" if weights else quoted


def tsquery(groups: Groups, weights: str) -> str:
    def alternative(phrase: list[str]) -> str:
        return "(" + " <-> ".join(lexeme(t, weights) for t in phrase) + ")"

    return " & ".join(
        "(" + " | ".join(alternative(alt) for alt in group) + ")" for group in groups
    )


def headline_tsquery(groups: Groups) -> str:
    """Headline scope through the marked headline lexemes (exact in GIN); a
    phrase also checks its positions, on the few rows the marks let through."""

    def alternative(phrase: list[str]) -> str:
        marked = " & ".join(quote_lexeme(HEADLINE_MARK + t) for t in phrase)
        if len(phrase) == 1:
            return marked
        return f"({marked} & {tsquery([[phrase]], SCOPE_WEIGHTS['headline'])})"

    return " & ".join(
        "(" + " | ".join(alternative(alt) for alt in group) + ")" for group in groups
    )


def text_match(query: SearchQuery, ranking: bool = False) -> tuple[str, str, list[str]]:
    """The vector column, ``(q1 && q2)`` with placeholders, and the tsqueries
    (to find the rows, or with ``ranking`` to score them by weight; the
    headline scope ranks by the headline's own vector, in the row)."""
    column = REPORTER_VECTOR if query.scope == "reporter" else "vector"
    if query.scope == "headline" and ranking:
        column = "headline_vector"
    weights = SCOPE_WEIGHTS.get(query.scope, "")
    if query.scope == "headline" and not ranking:
        texts = [headline_tsquery(g) for g in (query.groups, query.groups2) if g]
    else:
        texts = [tsquery(g, weights) for g in (query.groups, query.groups2) if g]
    return column, joined_placeholders(query, len(texts)), texts


def joined_placeholders(query: SearchQuery, count: int) -> str:
    """``(%s::tsquery && %s::tsquery)`` for ``count`` tsqueries, the words
    and the second keyword's, joined as ``op`` says."""
    joiner = " || " if query.op == "or" else " && "
    return "(" + joiner.join(["%s::tsquery"] * count) + ")"


def period_lexemes(low: int, high: int) -> list[str]:
    """The fewest year and month lexemes (documents.key_period) that cover
    the keys from ``low`` up to ``high``; none for a range without a first
    day or a last (all of history, or the future unbounded)."""
    if low <= 0 or high > key_range_start(timezone.now() + timedelta(days=366)):
        return []
    first = datetime.fromtimestamp(low // KEY_SLOTS, UTC)
    last = datetime.fromtimestamp((high - 1) // KEY_SLOTS, UTC)
    lexemes, year, month = [], first.year, first.month
    while (year, month) <= (last.year, last.month):
        if month == 1 and (year < last.year or last.month == 12):  # whole year
            lexemes.append(period_lexeme(year))
            year += 1
            continue
        lexemes.append(period_lexeme(year, month))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return lexemes


def key_condition(query: SearchQuery, low: int, high: int, through_gin: bool):
    """``WHERE`` clause (and parameters) of the keys from ``low`` up to
    ``high``. ``through_gin`` (words asked, not the reporter scope): the
    range is looked up through GIN, by the year and month lexemes each
    vector holds, and the key is checked on the rows GIN gives, as an
    expression no index answers. Offered the primary key's range, the
    planner may scan it alone and read each row's vector out of TOAST to
    check the words, which it prices as nothing (1,000,000 stories on
    narrow rows: 국방's ranking window, 99,527 vectors read, 352 ms; talk
    in a section over a year, counted, 100,000 read, 530 ms). Walking the
    keys newest first (date order) needs them as keys."""
    words = query.groups or query.groups2
    if not (through_gin and words) or query.scope == "reporter":
        return "id >= %s AND id < %s", [low, high]
    sql, params = "id + 0 >= %s AND id + 0 < %s", [low, high]
    lexemes = period_lexemes(low, high)
    if lexemes:
        sql += " AND vector @@ %s::tsquery"
        params.append(" | ".join(lexemes))
    return sql, params


def gin_tsquery(groups: Groups, marked: bool) -> str:
    """What GIN answers exactly of ``groups``: a phrase's words all there
    (not where they stand), no weights; ``marked``: in the headline (the
    marked headline lexemes, as headline_tsquery)."""
    mark = HEADLINE_MARK if marked else ""
    return " & ".join(
        "("
        + " | ".join(
            "(" + " & ".join(quote_lexeme(mark + t) for t in phrase) + ")"
            for phrase in group
        )
        + ")"
        for group in groups
    )


def pair_condition(groups: Groups) -> str | None:
    """SQL that holds for each story that may hold ``groups``, by its pair
    signature (documents.pair_bits: a story without one may hold anything);
    None when any story may (a group with a single word among its
    alternatives)."""
    conditions = []
    for group in groups:
        alternatives = []
        for phrase in group:
            if len(phrase) < 2:
                break
            bits = {
                bit
                for pair in zip(phrase, phrase[1:], strict=False)
                for bit in pair_positions(*pair)
            }
            alternatives.append(
                " AND ".join(f"get_bit(pair_bits, {bit}) = 1" for bit in sorted(bits))
            )
        else:
            conditions.append(" OR ".join(f"({a})" for a in alternatives))
    if not conditions:
        return None
    # A signature of another size (written with another PAIR_BITS) counts
    # as none: get_bit past its end would be an error.
    size = PAIR_BITS // 8
    return (
        f"(pair_bits IS NULL OR octet_length(pair_bits) <> {size} OR ("
        + ") AND (".join(conditions)
        + "))"
    )


def phrase_prefilter(query: SearchQuery) -> str | None:
    """The pair signature's condition for the query's phrases (None: none
    to check). Its stories are then checked against their vectors."""
    sides = [pair_condition(g) for g in (query.groups, query.groups2) if g]
    if query.op == "or":
        return None if None in sides else " OR ".join(sides)
    sides = [side for side in sides if side]
    return " AND ".join(sides) or None


def words_clauses(query: SearchQuery, prefilter: bool) -> tuple[list, list]:
    """``WHERE`` clauses (and parameters) of the query's words. A phrase
    is found through GIN by its words alone (exact: no vector is read), and
    only the stories whose pair signature may hold it are checked against
    their vectors (``prefilter``; written as a ``CASE``, so the signature
    is looked at first: 1,000,000 stories, "defense talks": 12,099 stories
    with both words, ~10 µs each to check, and 2,115 with the phrase)."""
    column, match, texts = text_match(query)
    if not (texts and prefilter):
        return ([f"{column} @@ {match}"], texts) if texts else ([], [])
    sides = [g for g in (query.groups, query.groups2) if g]
    joined = joined_placeholders(query, len(sides))
    if query.scope == "headline":
        if not query.has_phrases:
            return [f"{column} @@ {match}"], texts
        # The marks through GIN (exact), the phrase on the headline's own
        # vector, held in the row (headline_match), not on the story's.
        found = [gin_tsquery(g, marked=True) for g in sides]
        plain, plain_texts = headline_match(query)
        return [f"vector @@ {joined}", plain], [*found, *plain_texts]
    condition = phrase_prefilter(query) if column == "vector" else None
    if not condition:
        return [f"{column} @@ {match}"], texts
    found = [gin_tsquery(g, marked=False) for g in sides]
    clauses = [
        f"vector @@ {joined}",
        f"CASE WHEN {condition} THEN vector @@ {match} ELSE FALSE END",
    ]
    return clauses, [*found, *texts]


def headline_match(query: SearchQuery) -> tuple[str, list]:
    """The condition (and parameters) that the headline holds the words,
    checked on the headline's vector, in the row (the same terms, with their
    positions, as the marked lexemes and the A and B weights of the story's
    vector, which is ~3 KB out of TOAST)."""
    sides = [tsquery(g, "") for g in (query.groups, query.groups2) if g]
    return f"headline_vector @@ {joined_placeholders(query, len(sides))}", sides


def where_clause(
    query: SearchQuery, through_gin: bool = False, prefilter: bool = True
) -> tuple[str, list]:
    """``WHERE`` (and parameters) of the query's matches (``through_gin``:
    see key_condition; ``prefilter``: see words_clauses)."""
    clauses, params = words_clauses(query, prefilter)
    if query.language:
        clauses.append("language = %s")
        params.append(query.language)
    if query.public_only:
        clauses.append("is_public")
    if query.photo:
        clauses.append("has_photo")
    for name, ids in (
        ("section_ids", query.section_ids),
        ("reporter_ids", query.reporter_ids),
    ):
        if ids is not None:
            clauses.append(f"string_to_array({name}, ' ')::bigint[] && %s::bigint[]")
            params.append(list(ids))
    keys, key_params = key_condition(query, *key_bounds(query), through_gin)
    clauses.append(keys)
    params += key_params
    return " AND ".join(clauses), params


BITMAP_ONLY = {"enable_indexscan": "off", "enable_seqscan": "off"}


def estimate(cursor, select_sql: str, params: list) -> tuple[float, float]:
    """(matches the planner expects for ``select_sql``, rows in the table)."""
    cursor.execute(f"EXPLAIN (FORMAT JSON) {select_sql}", params)
    plan = cursor.fetchone()[0]
    plan = json.loads(plan) if isinstance(plan, str) else plan
    cursor.execute("SELECT reltuples FROM pg_class WHERE oid = %s::regclass", [TABLE])
    return plan[0]["Plan"]["Plan Rows"], max(cursor.fetchone()[0], 1)


def expected_matches(cursor, query: SearchQuery) -> tuple[float, float]:
    """(matches the query is expected to have, rows in the table). The
    planner takes words as independent, and words asked together are not
    (북한 미사일 at 1,000,000 stories: 20,555 expected, 35,443 found), so
    a query of several words is estimated with exponential backoff (as
    SQL Server's estimator does): the rarest word's share in full, the
    next one's square root, the next one's fourth root... (45,200). Too
    high an estimate costs one more, small, range (newest_counted); too
    low, a range far too wide, or none."""
    # The phrase as the planner can estimate it (not the pair signature's CASE).
    plain, params = where_clause(query, prefilter=False)
    expected, rows = estimate(cursor, f"SELECT 1 FROM {TABLE} WHERE {plain}", params)
    groups = [*query.groups, *query.groups2] if query.op == "and" else []
    if len(groups) < 2:
        return expected, rows
    shares = []
    for group in groups:
        column, match, texts = text_match(replace(query, groups=[group], groups2=[]))
        alone = estimate(
            cursor, f"SELECT 1 FROM {TABLE} WHERE {column} @@ {match}", texts
        )
        shares.append(min(max(alone[0], 1.0) / rows, 1.0))
    # The planner multiplied the shares; each after the rarest is taken
    # back to its 2^-i-th power.
    for i, share in enumerate(sorted(shares)[1:], start=1):
        expected *= share ** (2.0**-i - 1)
    return expected, rows


# Every search statement's settings (transaction-local): no prefetch advice.
# A bitmap heap scan asks the kernel ahead for each page it will visit
# (``posix_fadvise``), a system call a page that only pays when pages come
# from disk; a search's pages are in memory (the OS cache, if not shared
# buffers), where it costs: 1,000,000 stories, 36,329 matches of minister
# counted in 146 ms with the advice, 122 ms without. A server whose index
# and rows are on disk, not in memory, sets NEWSZONE_SEARCH_PREFETCH.
READ_SETTINGS = {
    "effective_io_concurrency": str(getattr(settings, "NEWSZONE_SEARCH_PREFETCH", 0))
}


# The ranking pass's settings (transaction-local). Enough memory that the
# GIN bitmap stays exact: a lossy one re-reads whole pages of vectors. And
# the GIN bitmap, never a walk of the primary key newest first: the pass
# checks keys as expressions (key_condition), so a walk would start at the
# newest story whatever the range asked, and it reads each row's vector out
# of TOAST (~5 µs) until the window is full, which the planner prices as
# nothing. On wide rows the walk had won for words in more than ~sqrt(4 ×
# window × rows) stories (국방, 31 % of 1,000,000: 517 against 589 ms); on
# narrow rows GIN bounds the range itself and the bitmap visits fewer pages.
RANKING_SETTINGS = {"work_mem": "64MB"} | BITMAP_ONLY | READ_SETTINGS


# The newest window of a common word lies among the newest keys: asked for
# the words and the range's years and months (key_condition), GIN gives only
# that range's matches, whose heap pages are visited (stories are stored
# about in key order), not every match's, and walking the keys newest first,
# which reads each row's vector, is not needed (국방 at 1,000,000 stories:
# 727 ms walking to the window, 293 ms in a range ANDed with the primary key
# on wide rows, 29 ms through GIN on narrow ones). The range is sized from the
# planner's estimates (expected_matches) with this much to spare; when it
# holds too few, the range below it is counted too (newest_counted), so a
# shortfall costs one more statement, not the range again, and little is
# spared. Past 90 % of what is left a range saves too little: the rest is
# counted whole (a phrase's estimate, which GIN's statistics cannot make, is
# often ten times too high). With the vector's statistics kept for 10,000
# lexemes (VECTOR_STATISTICS) a word's estimate is near its count (talk:
# 48,470 against 48,502; at the default 1,000 it is not kept, and the
# estimate is a guess of 5,003).
RANGE_SLACK = 1.03
RANGE_MAX_SHARE = 0.9
RANGE_TRIES = 3


def key_histogram(cursor) -> list[int]:
    """The planner's histogram of sort keys (ANALYZE; [] before the first)."""
    cursor.execute(
        "SELECT histogram_bounds::text::bigint[] FROM pg_stats "
        "WHERE schemaname = current_schema() AND tablename = %s AND attname = 'id'",
        [TABLE],
    )
    row = cursor.fetchone()
    return list(row[0]) if row and row[0] else []


def key_position(bounds: list[int], key: int) -> float:
    """Where ``key`` falls in the histogram, in buckets from the bottom."""
    last = len(bounds) - 1
    if key <= bounds[0]:
        return 0.0
    if key >= bounds[last]:
        return float(last)
    i = bisect.bisect_right(bounds, key) - 1
    width = bounds[i + 1] - bounds[i]
    return i + ((key - bounds[i]) / width if width else 0.0)


def key_below(bounds: list[int], high: int, below: float, rows: float) -> int | None:
    """The key with about ``below`` rows between it and ``high``, by the
    histogram (rows added since ANALYZE only widen the range); None when
    that reaches past the oldest key."""
    if len(bounds) < 2:
        return None
    buckets = len(bounds) - 1
    target = key_position(bounds, high) - below * buckets / rows
    if target <= 0:
        return None
    i = min(int(target), buckets - 1)
    return int(bounds[i] + (target - i) * (bounds[i + 1] - bounds[i]))


def rows_between(bounds: list[int], low: int, high: int, rows: float) -> float:
    """About how many rows have keys from ``low`` up to ``high`` (histogram)."""
    buckets = len(bounds) - 1
    return (key_position(bounds, high) - key_position(bounds, low)) * rows / buckets


def newest_counted(cursor, query: SearchQuery, estimates: tuple, count):
    """(matches counted to RANK_WINDOW + 1, the key to rank from: see
    base.newest_window), counted newest first range by range.
    ``count(condition, params, room)`` counts the matches that also meet
    ``condition`` to ``room`` + 1 (base.newest_window). The first range is
    sized from the planner's estimate; when it holds too few, the next one
    reaches down from where it began, sized from the matches seen so far,
    and the counts add up: a range that held too few is not counted again
    (so little is spared: RANGE_SLACK). After RANGE_TRIES ranges,
    or when the next would be most of what is left, the rest of the keys."""
    expected, rows = estimates
    window = base.RANK_WINDOW
    low, high = key_bounds(query)
    counted, upper, density = 0, high, max(expected, 1.0) / rows
    first = (window + 1) / density * RANGE_SLACK
    bounds = key_histogram(cursor) if first <= rows * RANGE_MAX_SHARE else []
    for _ in range(RANGE_TRIES):
        span = (window + 1 - counted) / density * RANGE_SLACK
        start = key_below(bounds, upper, span, rows)
        left = rows_between(bounds, low, upper, rows) if bounds else 0
        if start is None or start <= low or span > left * RANGE_MAX_SHARE:
            break
        found, floor = count(
            *key_condition(query, start, upper, through_gin=True), window - counted
        )
        counted += found
        if counted > window:
            return counted, floor
        density = max(counted, 1) / max(rows_between(bounds, start, high, rows), 1.0)
        upper = start
    rest = ("TRUE", [])
    if upper < high:  # the rest's years and months, from the oldest story's
        cursor.execute(f"SELECT min(id) FROM {TABLE}")
        oldest = cursor.fetchone()[0]
        rest = key_condition(query, max(low, oldest or 0), upper, through_gin=True)
    found, floor = count(*rest, window - counted)
    return counted + found, floor


def headline_where(query: SearchQuery) -> tuple[str, list]:
    """``WHERE`` (and parameters) of the stories whose headline matches the
    words, through the marked headline lexemes, with the search's filters."""
    return where_clause(replace(query, scope="headline"), through_gin=True)


def tiers(query: SearchQuery, where: str, params: list) -> list[tuple[str, list]]:
    """``WHERE`` clauses (and parameters) of the ranking tiers, first first.

    Headline matches are found through the marked headline lexemes with the
    search's own filters; in the whole story they are matches already, in the
    body scope they must match there too. The rest are the other matches."""
    if not query.headline_tier:
        return [(where, params)]
    headline, headline_params = headline_where(query)
    first = (headline, headline_params)
    if query.scope != "all":
        first = (f"{headline} AND {where}", [*headline_params, *params])
    in_headline, texts = headline_match(query)
    rest = (f"{where} AND NOT {in_headline}", [*params, *texts])
    return [first, rest]


def set_local(cursor, settings: dict) -> None:
    cursor.execute(
        "SELECT " + ", ".join(["set_config(%s, %s, true)"] * len(settings)),
        [item for pair in settings.items() for item in pair],
    )


class PostgresSearchBackend(BaseSearchBackend):
    vendor = "postgresql"
    stores_vector = True

    def search(self, query: SearchQuery) -> SearchResults:
        if query.sort == "relevance" and (query.groups or query.groups2):
            return self._ranked(query)
        cap = count_cap(query)
        if query.sort != "relevance":
            cap = max(cap, BITMAP_LIMIT + 1)  # knowing the size picks the plan
        # Counted, and few matches read, through GIN; many walked by key.
        found = where_clause(query, through_gin=True)
        with self._local(READ_SETTINGS) as cursor:
            counted, total, exact = capped_count(
                cursor, f"SELECT 1 FROM {TABLE} WHERE {found[0]}", found[1], cap
            )
            if not counted or query.offset >= counted:
                return SearchResults(total=total, hits=[], total_exact=exact)
            where, params = found if exact else where_clause(query)
            sql = self._ordered(query, where, exact)
            cursor.execute(sql, [*params, query.limit, query.offset])
            rows = cursor.fetchall()
        hits = [Hit(object_id=object_id, key=key) for key, object_id in rows]
        return SearchResults(total=total, hits=hits, total_exact=exact)

    def _ranked(self, query: SearchQuery) -> SearchResults:
        """ts_rank over the newest RANK_WINDOW matches (all when fewer), stories
        whose headline matches the words first (``headline_tier``)."""
        window = base.RANK_WINDOW
        where, params = where_clause(query, through_gin=True)
        # A scope without tiers ranks its whole window in one pass; words and
        # phrases alike rank tier by tier (a phrase is checked on few
        # candidates: a compound's join tokens are rare).
        one_pass = not query.headline_tier
        with self._local(RANKING_SETTINGS) as cursor:
            # The planner's estimate of the matches, from the keys as keys.
            estimates = expected_matches(cursor, query)
            if one_pass:
                ranked = []

                def count(condition, extra, room):
                    found = self._ranked_in_one_pass(
                        cursor,
                        query,
                        f"{where} AND {condition}",
                        [*params, *extra],
                        room,
                    )
                    ranked.extend(found)
                    return (found[0][-1] if found else 0), None

                counted, _ = newest_counted(cursor, query, estimates, count)
                ranked.sort(key=lambda row: (-row[2], -row[0]))
                rows = ranked[query.offset : query.offset + query.limit]
                total, exact = base.window_total(counted)
            else:

                def count(condition, extra, room):
                    return base.newest_window(
                        cursor,
                        f"SELECT id AS k FROM {TABLE} WHERE {where} AND {condition}",
                        "id",
                        [*params, *extra],
                        room,
                    )

                newest = newest_counted(cursor, query, estimates, count)
                rows, total, exact = self._ranked_by_tier(
                    cursor, query, where, params, newest
                )
        return SearchResults(
            total=total,
            hits=[Hit(object_id=row[1], key=row[0]) for row in rows],
            ranked_newest=None if exact else window,
            total_exact=exact,
        )

    @contextmanager
    def _local(self, values: dict):
        """A cursor in a transaction with these settings (SET LOCAL), set back
        to the defaults after, should an outer transaction go on."""
        with transaction.atomic(using=self.alias), self.connection.cursor() as cursor:
            set_local(cursor, values)
            yield cursor
            cursor.execute("; ".join(f"SET LOCAL {name} TO DEFAULT" for name in values))

    @staticmethod
    def _ranked_in_one_pass(cursor, query, where, params, room) -> list:
        """A scope without tiers (headline, reporter) ranks its whole window,
        range by range (newest_counted): the newest ``room`` matches of
        ``where`` ranked and counted in one pass, by a vector held in the
        row (the headline's, or the reporter names'). Its best rows to the
        end of the asked page, (key, object_id, rank, matches counted to
        ``room`` + 1), for the ranges' rows to be merged."""
        column, rank_query, texts = text_match(query, ranking=True)
        # Ranked as the rows are read, so that sorting the window by key
        # moves a number, not each row's vector (the headline scope of 국방
        # at 1,000,000 stories: 13 MB sorted; ranks a few more rows).
        inner = (
            f"SELECT id, object_id, ts_rank({column}, {rank_query}) AS r "
            f"FROM {TABLE} WHERE {where} ORDER BY id DESC LIMIT {room + 1}"
        )
        sql = base.ranked_window_sql(
            inner, "id", "r DESC, id DESC", "id, object_id, r", room
        )
        cursor.execute(sql, [*texts, *params, query.offset + query.limit, 0])
        return cursor.fetchall()

    def _ranked_by_tier(self, cursor, query, where, params, newest):
        """Words: the window was found and counted first (``newest``: the
        count and its oldest key), without ranking; that key bounds each tier,
        ranked in turn from it up. A tier is found through GIN (the marked
        headline lexemes), so a page of headline matches reads only their
        vectors out of TOAST, not the whole window's (defense talks at
        1,000,000 stories: 770, not 11,855)."""
        window = base.RANK_WINDOW
        counted, floor = newest
        total, exact = base.window_total(counted)
        if query.offset >= min(counted, window):
            return [], total, exact
        column, rank_query, texts = text_match(query, ranking=True)
        found = tiers(query, where, params)
        # The headline tier is ranked by the headline's vector (in the row),
        # as SQLite ranks it by the headline's words: no vector out of TOAST.
        columns = ["headline_vector", column] if len(found) > 1 else [column]
        keys, key_params = "TRUE", []  # every match is in the window
        if not exact:
            keys, key_params = key_condition(
                query, floor, key_bounds(query)[1], through_gin=True
            )
        parts = [
            (f"{tier_where} AND {keys}", [*tier_params, *key_params], rank_column)
            for (tier_where, tier_params), rank_column in zip(
                found, columns, strict=True
            )
        ]

        def rank_page(part, limit, offset):
            cursor.execute(
                f"SELECT id, object_id FROM {TABLE} WHERE {part[0]} "
                f"ORDER BY ts_rank({part[2]}, {rank_query}) DESC, id DESC "
                "LIMIT %s OFFSET %s",
                [*part[1], *texts, limit, offset],
            )
            return cursor.fetchall()

        def tier_size(part):
            cursor.execute(f"SELECT count(*) FROM {TABLE} WHERE {part[0]}", part[1])
            return cursor.fetchone()[0]

        rows = base.page_by_tier(query, parts, rank_page, tier_size)
        return rows, total, exact

    def _ordered(self, query: SearchQuery, where: str, exact: bool) -> str:
        page = "LIMIT %s OFFSET %s"
        if query.sort in ("newest", "oldest"):
            direction = "DESC" if query.sort == "newest" else "ASC"
            sql = f"SELECT id, object_id FROM {TABLE} WHERE {where} "
            if exact:  # few matches: read them all through GIN, then sort them
                sql = f"WITH m AS MATERIALIZED ({sql}) SELECT id, object_id FROM m "
            return sql + f"ORDER BY id {direction} {page}"
        # Relevance without words to rank by (a reporter-only browse): newest.
        newest = SearchQuery(**{**query.__dict__, "sort": "newest"})
        return self._ordered(newest, where, exact)

    def rebuild(
        self, progress: Callable[[int], None] | None = None, from_terms: bool = False
    ) -> int:
        """Build the GIN indexes again from the stored vectors (first made
        anew from the stored terms where they differ, with ``from_terms``).

        A vector is written with its story's terms (documents.store), by the
        analysis that made them: one written by an older analysis or way of
        writing vectors has an older ``analysis_version``, and the command
        analyses it again before this (raise ANALYSIS_VERSION with any change
        to ``vector_for``).

        Outside a transaction each index is built beside the one in use
        (``CONCURRENTLY``) and swapped in: search keeps its index, and stories
        go on being indexed, while the new one is built."""
        if from_terms:
            write_vectors(self.connection)
        concurrently = not self.connection.in_atomic_block
        with self.connection.cursor() as cursor:
            cursor.execute(f"SELECT count(*) FROM {TABLE}")
            (done,) = cursor.fetchone()
            for name in INDEXES:
                if not concurrently:
                    cursor.execute(f"DROP INDEX IF EXISTS {name}")
                    cursor.execute(index_sql(name))
                    continue
                fresh = f"{name}_fresh"
                # One left by an interrupted rebuild is invalid: made anew.
                cursor.execute(f"DROP INDEX CONCURRENTLY IF EXISTS {fresh}")
                cursor.execute(
                    f"CREATE INDEX CONCURRENTLY {fresh} ON {TABLE} "
                    f"USING {INDEXES[name]}"
                )
                cursor.execute(f"DROP INDEX CONCURRENTLY IF EXISTS {name}")
                cursor.execute(f"ALTER INDEX {fresh} RENAME TO {name}")
        if progress:
            progress(done)
        return done

    def index_size(self) -> int:
        with self.connection.cursor() as cursor:
            cursor.execute(
                "SELECT coalesce(sum(pg_relation_size(indexrelid)), 0) FROM pg_index "
                "WHERE indrelid = %s::regclass",
                [TABLE],
            )
            return cursor.fetchone()[0]


def write_vectors(
    connection, columns: tuple = ("vector", "headline_vector", "pair_bits")
) -> None:
    """Each stored vector (of ``columns``) that differs from what its stored
    terms give written anew; a row whose vectors are current is only read (a
    rewrite is a new row version). Either layout: ``vector`` as tsvector, or
    as the literal's text (before migration 0008, which is also before
    ``headline_vector``: migration 0003 asks for ``vector`` alone); it is
    compared as a tsvector there too. ``pair_bits`` (the pair signature,
    migration 0014) is bytes."""
    from newszone.search.documents import WEIGHTED_PARTS, vectors_for

    terms = [part for part, _weight in WEIGHTED_PARTS]
    types = {c: "bytea" if c == "pair_bits" else "tsvector" for c in columns}
    sets = ", ".join(f"{c} = f.{c}::{types[c]}" for c in columns)
    differs = " OR ".join(
        f"d.{c}::{types[c]} IS DISTINCT FROM f.{c}::{types[c]}" for c in columns
    )
    arrays = ", ".join(
        "%s::bytea[]" if types[c] == "bytea" else "%s::text[]" for c in columns
    )
    last = -1
    with connection.cursor() as cursor:
        while True:
            cursor.execute(
                f"SELECT id, {', '.join(terms)} FROM {TABLE} "
                "WHERE id > %s ORDER BY id LIMIT 2000",
                [last],
            )
            rows = cursor.fetchall()
            if not rows:
                return
            made = [
                vectors_for(dict(zip(terms, r[1:], strict=True)), r[0]) for r in rows
            ]
            cursor.execute(
                f"UPDATE {TABLE} AS d SET {sets} "
                f"FROM unnest(%s::bigint[], {arrays}) AS f(id, {', '.join(columns)}) "
                f"WHERE d.id = f.id AND ({differs})",
                [[r[0] for r in rows], *([v[c] for v in made] for c in columns)],
            )
            last = rows[-1][0]


# A story's vector (~3 KB of lexemes and positions) does not compress: pglz
# tried on each and stored every one as it was (2,016 of 2,016 sampled at
# 1,000,000 stories). Stored out of line uncompressed, it is written without
# the try and read as before (migration 0006: the old generated column was
# 7-8 % faster to compute).
VECTOR_STORAGE = "ALTER COLUMN vector SET STORAGE EXTERNAL"
INDEXES = {
    "search_doc_tsv": "gin (vector)",
    "search_doc_rtsv": f"gin ({REPORTER_VECTOR})",
}


def index_sql(name: str) -> str:
    return f"CREATE INDEX IF NOT EXISTS {name} ON {TABLE} USING {INDEXES[name]}"


def create_sql() -> list[str]:
    """The engine's layout, from the table Django makes (``vector`` as text)
    or from what these statements made already (then only missing indexes)."""
    return [
        # The vectors as tsvector, cast from the literals once, in place.
        f"""DO $$ BEGIN
          IF (SELECT atttypid = 'text'::regtype FROM pg_attribute
              WHERE attrelid = '{TABLE}'::regclass AND attname = 'vector') THEN
            ALTER TABLE {TABLE} ALTER COLUMN vector DROP DEFAULT,
              ALTER COLUMN vector TYPE tsvector USING vector::tsvector,
              ALTER COLUMN vector SET DEFAULT '',
              {VECTOR_STORAGE};
          END IF;
        END $$""",
        NARROW_ROWS,
        VECTOR_STATISTICS,
        *map(index_sql, INDEXES),
    ]


# Rows written from now on keep their long values out of line from this
# many bytes (PostgreSQL's default: ~2 KB), so a page holds ~16 stories'
# rows, not six (1,000,000 stories: 558 MiB of rows, not 1,412, at 512
# bytes), and finding a word's matches visits fewer pages. What search reads
# from the row stays in it (``MAIN``: out of line only past ~8 KB): the
# headline's vector (~250 bytes), which ranks the headline tier and scope,
# the pair signature (64 bytes), which a phrase looks at on every candidate
# (at 512 bytes, as ``EXTENDED``, it went out of line in 54 % of rows, each
# then read out of TOAST), and the reporter names' terms (~50 bytes), from
# which the reporter scope ranks. PostgreSQL toasts only a row longer than
# ~2 KB, whatever the target; nearly every story's is.
TOAST_TARGET = 256
IN_ROW = ("headline_vector", "pair_bits", "reporter_terms")
NARROW_ROWS = f"""DO $$ DECLARE name text; BEGIN
  ALTER TABLE {TABLE} SET (toast_tuple_target = {TOAST_TARGET});
  FOREACH name IN ARRAY ARRAY{list(IN_ROW)} LOOP
    IF EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = '{TABLE}'::regclass
        AND attname = name AND NOT attisdropped) THEN
      EXECUTE 'ALTER TABLE {TABLE} ALTER COLUMN ' || quote_ident(name)
        || ' SET STORAGE MAIN';
    END IF;
  END LOOP;
END $$"""
# See RANGE_SLACK; ANALYZE takes ~20 s at 1,000,000 stories, not ~5.
VECTOR_STATISTICS = f"ALTER TABLE {TABLE} ALTER COLUMN vector SET STATISTICS 1000"


def period_sql(key: str) -> str:
    """documents.key_period in SQL: the key's year and month lexemes."""
    moment = f"(to_timestamp(floor({key} / {KEY_SLOTS}.0)) AT TIME ZONE 'UTC')"
    return (
        f"ARRAY['y_' || to_char({moment}, 'YYYY'), 'm_' || to_char({moment}, 'YYYYMM')]"
    )


def drop_sql() -> list[str]:
    """The engine's indexes (the vectors stay), and the columns of the layout
    before migration 0008 (generated ``tsv`` and ``rtsv``)."""
    return [
        "DROP INDEX IF EXISTS search_doc_tsv",
        "DROP INDEX IF EXISTS search_doc_rtsv",
        f"ALTER TABLE {TABLE} DROP COLUMN IF EXISTS tsv",
        f"ALTER TABLE {TABLE} DROP COLUMN IF EXISTS rtsv",
        'DROP FUNCTION IF EXISTS newszone_terms(text, "char")',
    ]
