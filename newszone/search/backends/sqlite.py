"""SQLite FTS5 over the stored analysed terms (the embedded default).

An external-content FTS5 table mirrors ``search_searchdocument`` through
triggers (migration 0002). Its rowid is the document's sort key, so newest
first is an index walk and a date range is a rowid range. Sections and
reporters are tokens in the ``meta`` column, matched inside FTS5: few stories
hold each, so their lists are short; so is the list of non-public ones (v_0),
which public search excludes. Language and photo are held by most stories; as
tokens, bm25 would read their whole lists for an IDF on every search (K-9 in
Korean with a photo: 48 ms at 1,000,000 stories), so they are checked on the
document row instead, through a covering index (15 ms).
"""

from __future__ import annotations

from collections.abc import Callable

from newszone.search.backends import base
from newszone.search.backends.base import (
    BaseSearchBackend,
    capped_count,
    count_cap,
)
from newszone.search.documents import key_bounds
from newszone.search.models import SearchDocument
from newszone.search.query import Groups, Hit, SearchQuery, SearchResults

TABLE = "search_fts"
CONTENT = "search_searchdocument"
SOURCE = "search_fts_source"  # a view: FTS5 reads its columns by name
# Reporter tokens live in their own namespace, as filter tokens do (l_ko,
# s_12): analysed terms never hold "_", so a search over headline and body
# needs no column filter, which costs a third of a common word's time. The
# headline's terms are also in the title column a second time, namespaced, so
# that the headline scope needs none either (as PostgreSQL's ^term lexemes).
REPORTER_MARK = "w_"
HEADLINE_MARK = "h_"


def _marked(sql: str, mark: str) -> str:
    """SQL: every space-separated token of ``sql`` with ``mark`` in front."""
    return f"'{mark}' || replace(trim({sql}), ' ', ' {mark}')"


# Between a field's terms and its extras, a token no analysed term can be, so
# that a phrase never runs from the one into the other (PostgreSQL leaves a
# gap in the positions there).
PART_BREAK = "_"
_TITLE = f"{{row}}.title_terms || ' {PART_BREAK} ' || {{row}}.title_extra"
# FTS5 column → SQL over a document row. Terms and extras share a column:
# bm25 costs per column per row, and four columns rank ~2x faster than six.
COLUMNS = {
    "title": f"{_TITLE} || ' ' || {_marked(_TITLE, HEADLINE_MARK)}",
    "body": f"{{row}}.body_terms || ' {PART_BREAK} ' || {{row}}.body_extra",
    "reporter": _marked("{row}.reporter_terms", REPORTER_MARK),
    "meta": "{row}.meta_terms",
}
# bm25 weights, column by column: headline above body; the rest never scores.
WEIGHTS = (10.0, 1.0, 0.0, 0.0)
BM25 = f"bm25({TABLE}, {', '.join(map(str, WEIGHTS))})"
# Covers the lookup of a match's row by its key, with the filters checked
# there: by every search for language and photo, and by the ranking
# statements for all of them (see rank_clauses).
FLAGS_INDEX = (
    f"CREATE INDEX IF NOT EXISTS search_doc_flags ON {CONTENT} "
    "(id, language, has_photo, is_public, section_ids, reporter_ids)"
)
SCOPE_COLUMNS = {"all": "", "headline": "", "body": "body", "reporter": ""}
SCOPE_MARKS = {"headline": HEADLINE_MARK, "reporter": REPORTER_MARK}


def fts5_available(connection) -> bool:
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA compile_options")
        return any("FTS5" in row[0] for row in cursor.fetchall())


def quote(phrase: list[str]) -> str:
    """An FTS5 string: terms inside double quotes, quotes doubled."""
    return '"' + " ".join(phrase).replace('"', '""') + '"'


def group_expression(groups: Groups) -> str:
    return " AND ".join(
        "(" + " OR ".join(quote(alt) for alt in group) + ")" for group in groups
    )


def marked_groups(groups: Groups, mark: str) -> Groups:
    return [[[mark + t for t in alt] for alt in group] for group in groups]


def text_expression(query: SearchQuery, mark: str = "", columns: str = "") -> str:
    """The words of ``query`` (both keywords, joined by its ``op``), each term
    namespaced by ``mark``, in ``columns`` only when given; "" without words."""
    prefix = f"{{{columns}}}: " if columns else ""
    text = [
        f"{prefix}({group_expression(marked_groups(g, mark))})"
        for g in (query.groups, query.groups2)
        if g
    ]
    return "(" + f" {query.op.upper()} ".join(text) + ")" if text else ""


def match_expression(query: SearchQuery, text: str | None = None) -> str:
    """The FTS5 query (with ``text`` for the words, when given). Filter,
    reporter and headline tokens are namespaced, so only the body scope needs
    a column filter."""
    if text is None:
        columns = SCOPE_COLUMNS.get(query.scope, SCOPE_COLUMNS["all"])
        text = text_expression(query, SCOPE_MARKS.get(query.scope, ""), columns)
    parts = [text] if text else []
    parts += [f"({' OR '.join(tokens)})" for tokens in filters(query)]
    if not parts:
        parts.append("(v_1 OR v_0)")  # every document
    expression = " AND ".join(parts)
    if query.public_only:  # drafts are few: a short list, and no join
        expression = f"({expression}) NOT v_0"
    return expression


def filters(query: SearchQuery) -> list[list[str]]:
    """FTS5 tokens: each inner list is ORed; the lists are ANDed."""
    found = []
    if query.section_ids is not None:
        found.append([f"s_{pk}" for pk in query.section_ids] or ["s_none"])
    if query.reporter_ids is not None:
        found.append([f"r_{pk}" for pk in query.reporter_ids] or ["r_none"])
    return found


def row_filters(query: SearchQuery, all_filters: bool = False) -> tuple[list, list]:
    """Conditions on the document row (``d``), read from the flags index:
    language and photo; with ``all_filters`` sections, reporters and
    visibility too, which are otherwise FTS5 tokens."""
    conditions, params = [], []
    if query.language:
        conditions.append("d.language = %s")
        params.append(query.language)
    if query.photo:
        conditions.append("d.has_photo")
    if not all_filters:
        return conditions, params
    for column, ids in (
        ("section_ids", query.section_ids),
        ("reporter_ids", query.reporter_ids),
    ):
        if ids is not None:  # space-separated ids: " 2 " inside " 1 2 5 "
            marks = " OR ".join([f"instr(' ' || d.{column} || ' ', %s)"] * len(ids))
            conditions.append(f"({marks})" if ids else "0")
            params += [f" {pk} " for pk in ids]
    if query.public_only:
        conditions.append("d.is_public")
    return conditions, params


def tiers(query: SearchQuery) -> tuple:
    """The ranking tiers, first first: headline matches (1), the rest (0); or
    one (None) for a scope without tiers."""
    return (1, 0) if query.headline_tier else (None,)


def clauses(query: SearchQuery) -> tuple[str, str, list]:
    """``FROM`` and ``WHERE`` (with their parameters) that find a search's
    matches: filters inside FTS5 where their lists are short."""
    return _clauses(match_expression(query), key_bounds(query), row_filters(query))


def rank_clauses(query: SearchQuery, tier: int | None, floor: int):
    """``FROM`` and ``WHERE`` for bm25 over one headline ``tier`` of the
    window (the keys from ``floor`` up).

    bm25 reads the whole list of every token in the expression once more, for
    its IDF (at 1,000,000 stories, 장관: 14 ms; section 2's token: 8 ms). The
    headline tier is few rows, so its expression holds only the marked
    headline words, which imply the words themselves (the headline is in the
    title column both ways), and its filters are checked on each row (~2 µs
    a row): within that tier bm25 weighs the headline's words, not the
    body's; the tier is the stories the words are the subject of. The rest
    of the window, or a whole window without tiers, is too many rows to look
    up one by one: its filters stay tokens (장관 in section 2 in 2019, the
    headline tier: 12.5 ms with the tokens, 4.5 ms with the rows; 국방 in the
    headline scope, 20,000 rows: 39 against 74 ms)."""
    low, high = key_bounds(query)
    bounds = (max(low, floor), high)
    if tier is None:
        return _clauses(match_expression(query), bounds, row_filters(query))
    columns = SCOPE_COLUMNS.get(query.scope, SCOPE_COLUMNS["all"])
    text = text_expression(query, SCOPE_MARKS.get(query.scope, ""), columns)
    headline = text_expression(query, HEADLINE_MARK)
    if tier == 0:
        expression = match_expression(query, f"({text} NOT {headline})")
        return _clauses(expression, bounds, row_filters(query))
    expression = headline if query.scope == "all" else f"{text} AND {headline}"
    if query.section_ids is None and query.reporter_ids is None:
        # Only the drafts' token: a short list, cheaper than a row check on
        # each of the tier's rows (talk's headline tier: 12.3 against 10.7 ms).
        return _clauses(match_expression(query, expression), bounds, row_filters(query))
    return _clauses(expression, bounds, row_filters(query, all_filters=True))


def _clauses(expression: str, bounds: tuple, filters: tuple) -> tuple[str, str, list]:
    where = [f"{TABLE} MATCH %s", f"{TABLE}.rowid >= %s", f"{TABLE}.rowid < %s"]
    params = [expression, *bounds]
    source = TABLE
    conditions, values = filters
    if conditions:
        # CROSS JOIN: the matches lead and each looks up its row, never the
        # rows of the key range looking up FTS5 one by one (the planner's
        # choice for a wide range: the headline scope of 국방, 38 -> 96 ms).
        source += (
            f" CROSS JOIN {CONTENT} d INDEXED BY search_doc_flags "
            f"ON d.id = {TABLE}.rowid"
        )
        where += conditions
        params += values
    return source, " AND ".join(where), params


class SQLiteSearchBackend(BaseSearchBackend):
    vendor = "sqlite"

    def search(self, query: SearchQuery) -> SearchResults:
        source, where, params = clauses(query)
        if query.sort == "relevance" and (query.groups or query.groups2):
            return self._ranked(query, source, where, params)
        select = f"SELECT {TABLE}.rowid FROM {source} WHERE {where}"
        cap = count_cap(query)
        # Relevance without words to rank by (a reporter-only browse): newest.
        direction = "ASC" if query.sort == "oldest" else "DESC"
        with self.connection.cursor() as cursor:
            counted, total, exact = capped_count(cursor, select, params, cap)
            if not counted or query.offset >= counted:
                return SearchResults(total=total, hits=[], total_exact=exact)
            cursor.execute(
                f"{select} ORDER BY {TABLE}.rowid {direction} LIMIT %s OFFSET %s",
                [*params, query.limit, query.offset],
            )
            keys = [row[0] for row in cursor.fetchall()]
        return SearchResults(total=total, hits=self._hits(keys), total_exact=exact)

    def _ranked(
        self, query: SearchQuery, source: str, where: str, params: list
    ) -> SearchResults:
        """bm25 over the newest RANK_WINDOW matches (all of them when fewer),
        stories whose headline matches the words first (``headline_tier``)."""
        rows, total, exact = self._ranked_by_tier(query, source, where, params)
        return SearchResults(
            total=total,
            hits=self._hits(rows),
            ranked_newest=None if exact else base.RANK_WINDOW,
            total_exact=exact,
        )

    def _ranked_by_tier(self, query, source, where, params):
        """Count the window first, without bm25 (a common word stops at its
        end), then rank it tier by tier, each from the window's oldest key up,
        so a page of headline matches never pays bm25 for the rest of the
        window (장관 at 1,000,000 stories: 915 rows, not 20,000)."""
        window = base.RANK_WINDOW
        with self.connection.cursor() as cursor:
            select = f"SELECT {TABLE}.rowid AS k FROM {source} WHERE {where}"
            counted, floor = self._window(cursor, query, select, params)
            total, exact = base.window_total(counted)
            if query.offset >= min(counted, window):
                return [], total, exact
            parts = {tier: rank_clauses(query, tier, floor) for tier in tiers(query)}
            keys = base.page_by_tier(
                query,
                list(parts),
                lambda tier, limit, offset: self._rank_page(
                    cursor, *parts[tier], limit, offset
                ),
                lambda tier: self._tier_size(cursor, *parts[tier]),
            )
        return [row[0] for row in keys], total, exact

    @staticmethod
    def _window(cursor, query, select: str, params: list) -> tuple[int, int]:
        """(matches counted to RANK_WINDOW + 1, the key to rank from). A
        phrase is mostly rare, and FTS5 walks its candidates faster oldest
        first (방산협력 at 1,000,000 stories: 11.6 against 16.3 ms): when
        they fit the window, that walk is the answer."""
        if query.has_phrases:
            cursor.execute(
                f"SELECT count(*), min(k) FROM ({select} ORDER BY {TABLE}.rowid "
                f"LIMIT {base.RANK_WINDOW + 1}) AS w",
                params,
            )
            counted, oldest = cursor.fetchone()
            if counted <= base.RANK_WINDOW:
                return counted, oldest
        return base.newest_window(cursor, select, f"{TABLE}.rowid", params)

    @staticmethod
    def _rank_page(cursor, source, where, params, limit, offset) -> list:
        """One page of bm25 order over the rows of ``where``."""
        cursor.execute(
            f"SELECT rowid FROM (SELECT {TABLE}.rowid AS rowid, {BM25} AS score "
            f"FROM {source} WHERE {where}) AS r ORDER BY score, rowid DESC "
            "LIMIT %s OFFSET %s",
            [*params, limit, offset],
        )
        return cursor.fetchall()

    @staticmethod
    def _tier_size(cursor, source, where, params) -> int:
        # Counted apart, and only when needed: count(*) OVER () on the ranked
        # rows costs more (headline 국방, 20,000 rows: 53 against 38 ms).
        cursor.execute(f"SELECT count(*) FROM {source} WHERE {where}", params)
        return cursor.fetchone()[0]

    def _hits(self, keys: list[int]) -> list[Hit]:
        if not keys:
            return []
        marks = ", ".join(["%s"] * len(keys))
        with self.connection.cursor() as cursor:  # plain SQL: this is the hot path
            cursor.execute(
                f"SELECT id, object_id FROM {CONTENT} WHERE id IN ({marks})", keys
            )
            objects = dict(cursor.fetchall())
        return [Hit(object_id=objects[k], key=k) for k in keys if k in objects]

    def rebuild(
        self, progress: Callable[[int], None] | None = None, from_terms: bool = False
    ) -> int:
        """Rebuild from the stored terms: no merging while loading, one at the end
        (and the flags index beside it). FTS5 keeps nothing but the terms, so
        ``from_terms`` changes nothing."""
        with self.connection.cursor() as cursor:
            cursor.execute("PRAGMA cache_size")
            (cache_size,) = cursor.fetchone()
            cursor.execute("PRAGMA cache_size = -262144")  # 256 MiB for the build
            cursor.execute(
                f"INSERT INTO {TABLE}({TABLE}, rank) VALUES ('automerge', 0)"
            )
            try:
                cursor.execute("DROP INDEX IF EXISTS search_doc_flags")
                cursor.execute(FLAGS_INDEX)
                cursor.execute(f"INSERT INTO {TABLE}({TABLE}) VALUES ('rebuild')")
                cursor.execute(f"INSERT INTO {TABLE}({TABLE}) VALUES ('optimize')")
            finally:
                cursor.execute(
                    f"INSERT INTO {TABLE}({TABLE}, rank) VALUES ('automerge', 4)"
                )
                cursor.execute(f"PRAGMA cache_size = {int(cache_size)}")
        count = SearchDocument.objects.using(self.alias).count()
        if progress:
            progress(count)
        return count

    def index_size(self) -> int:
        from django.db import DatabaseError

        shadows = [f"{TABLE}_{part}" for part in ("data", "idx", "docsize", "config")]
        try:
            with self.connection.cursor() as cursor:
                cursor.execute("PRAGMA page_size")
                (page_size,) = cursor.fetchone()
                pages = 0
                for name in shadows:
                    # aggregate=1: one row per table, its page count in
                    # ``pageno`` (its ``pgsize`` overflows past 2 GiB in
                    # SQLite 3.40: -2,046,705,664 for a 2,144 MiB table).
                    cursor.execute(
                        "SELECT coalesce(sum(pageno), 0) FROM dbstat "
                        "WHERE name = %s AND aggregate = 1",
                        [name],
                    )
                    pages += cursor.fetchone()[0]
                return pages * page_size
        except DatabaseError:  # SQLite built without the dbstat table
            return -1


def create_sql() -> list[str]:
    """DDL for the FTS5 table, its source view, and the mirroring triggers."""
    names = ", ".join(COLUMNS)
    view = ", ".join(
        f"{sql.format(row=CONTENT)} AS {name}" for name, sql in COLUMNS.items()
    )
    new = ", ".join(sql.format(row="new") for sql in COLUMNS.values())
    old = ", ".join(sql.format(row="old") for sql in COLUMNS.values())
    delete = (
        f"INSERT INTO {TABLE}({TABLE}, rowid, {names}) "
        f"VALUES ('delete', old.id, {old});"
    )
    insert = f"INSERT INTO {TABLE}(rowid, {names}) VALUES (new.id, {new});"
    return [
        f"CREATE VIEW {SOURCE} AS SELECT id, {view} FROM {CONTENT}",
        f"CREATE VIRTUAL TABLE {TABLE} USING fts5({names}, "
        f"content='{SOURCE}', content_rowid='id', "
        # Terms are already analysed; '-', '.' and '_' keep k-9, u.s, s_12 whole.
        "tokenize=\"unicode61 remove_diacritics 0 tokenchars '-._'\")",
        f"CREATE TRIGGER search_doc_ai AFTER INSERT ON {CONTENT} BEGIN {insert} END",
        f"CREATE TRIGGER search_doc_ad AFTER DELETE ON {CONTENT} BEGIN {delete} END",
        f"CREATE TRIGGER search_doc_au AFTER UPDATE ON {CONTENT} "
        f"BEGIN {delete} {insert} END",
        FLAGS_INDEX,
    ]


def drop_sql() -> list[str]:
    return [f"DROP TRIGGER IF EXISTS search_doc_{t}" for t in ("ai", "ad", "au")] + [
        f"DROP TABLE IF EXISTS {TABLE}",
        f"DROP VIEW IF EXISTS {SOURCE}",
        "DROP INDEX IF EXISTS search_doc_flags",
    ]
