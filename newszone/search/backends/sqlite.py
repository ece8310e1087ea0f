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

Ranking the headline (the headline tier, the headline scope) reads a second,
contentless FTS5 table of the headline's terms and the filter tokens, kept
without column sizes (``columnsize=0``): bm25 looks a row's size up with a
statement of its own (~2 µs a row, the bulk of ranking 20,000 rows), and
without sizes it weighs the words' frequency and rarity alone, as Lucene
does for short fields with norms omitted and as PostgreSQL's ``ts_rank``
does by default (the headline scope of 국방 at 1,000,000 stories: 54 → 6 ms).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

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
# headline scope reads the headline's own table (HEADLINE_TABLE).
REPORTER_MARK = "w_"


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
    "title": _TITLE,
    "body": f"{{row}}.body_terms || ' {PART_BREAK} ' || {{row}}.body_extra",
    "reporter": _marked("{row}.reporter_terms", REPORTER_MARK),
    "meta": "{row}.meta_terms",
}
# bm25 weights, column by column: headline above body; the rest never scores.
WEIGHTS = (10.0, 1.0, 0.0, 0.0)
BM25 = f"bm25({TABLE}, {', '.join(map(str, WEIGHTS))})"
# The headline's own table (contentless: its rows are written by the same
# triggers, from the same row): its terms, and the filter tokens. It finds
# the headline scope's matches and the headline tier, and ranks them.
HEADLINE_TABLE = "search_fts_headline"
HEADLINE_COLUMNS = {"headline": _TITLE, "meta": COLUMNS["meta"]}
HEADLINE_BM25 = f"bm25({HEADLINE_TABLE}, 1.0, 0.0)"
SCORES = {TABLE: BM25, HEADLINE_TABLE: HEADLINE_BM25}
TABLES = tuple(SCORES)
TOKENIZE = "tokenize=\"unicode61 remove_diacritics 0 tokenchars '-._'\""
# Covers the lookup of a match's row by its key, with the filters checked
# there: by every search for language and photo, and by the ranking
# statements for all of them (see rank_clauses).
FLAGS_INDEX = (
    f"CREATE INDEX IF NOT EXISTS search_doc_flags ON {CONTENT} "
    "(id, language, has_photo, is_public, section_ids, reporter_ids)"
)
SCOPE_COLUMNS = {"all": "", "headline": "", "body": "body", "reporter": ""}
SCOPE_MARKS = {"reporter": REPORTER_MARK}


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
    """The FTS5 query (with ``text`` for the words, when given). Filter and
    reporter tokens are namespaced, so only the body scope needs a column
    filter; the headline scope's is the same on the headline's table."""
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


def table_for(query: SearchQuery) -> str:
    """The FTS5 table a search's matches are found in: the headline's own for
    the headline scope (its words there are those of the whole story's)."""
    return HEADLINE_TABLE if query.scope == "headline" else TABLE


def clauses(query: SearchQuery, bounds: tuple | None = None):
    """The table, ``FROM`` and ``WHERE`` (with their parameters) that find a
    search's matches (with keys in ``bounds``, when given, else the search's):
    filters inside FTS5 where their lists are short."""
    table = table_for(query)
    words = replace(query, scope="all") if table == HEADLINE_TABLE else query
    bounds = bounds or key_bounds(query)
    return _clauses(table, match_expression(words), bounds, row_filters(query))


def headline_keys(query: SearchQuery, bounds: tuple) -> tuple[str, list]:
    """SQL (and its parameters): the keys within ``bounds`` of the stories
    whose headline matches the words."""
    sql = (
        f"SELECT rowid FROM {HEADLINE_TABLE} WHERE {HEADLINE_TABLE} MATCH %s "
        "AND rowid >= %s AND rowid < %s"
    )
    return sql, [text_expression(replace(query, scope="all")), *bounds]


def rank_clauses(query: SearchQuery, tier: int | None, floor: int):
    """The table, ``FROM`` and ``WHERE`` for bm25 over one headline ``tier``
    of the window (the keys from ``floor`` up).

    bm25 reads the whole list of every token in the expression once more, for
    its IDF (at 1,000,000 stories, 장관: 14 ms; section 2's token: 8 ms). The
    headline tier is few rows, so its expression holds only the headline
    words, on the headline's own table (HEADLINE_TABLE), and its section and
    reporter filters are checked on each row (~2 µs a row): within that tier
    bm25 weighs the headline's words, not the body's; the tier is the stories
    the words are the subject of. The rest of the window, or a whole window
    without tiers, is too many rows to look up one by one: its filters stay
    tokens (장관 in section 2 in 2019, the headline tier: 12.5 ms with the
    tokens, 4.5 ms with the rows; 국방 in the headline scope, 20,000 rows:
    39 against 74 ms). The rest of the window is the story's matches whose
    key is not among the headline's (a list SQLite makes once)."""
    low, high = key_bounds(query)
    bounds = (max(low, floor), high)
    if tier is None:  # a scope without tiers: its own matches
        return clauses(query, bounds)
    if tier == 1 and query.scope == "all":  # the headline scope's matches
        if query.section_ids is None and query.reporter_ids is None:
            # Only the drafts' token (with no section or reporter asked): a
            # short list, cheaper than a row check on each of the tier's rows
            # (talk's headline tier: 12.3 against 10.7 ms).
            return clauses(replace(query, scope="headline"), bounds)
        expression = text_expression(query)
        filters = row_filters(query, all_filters=True)
        return _clauses(HEADLINE_TABLE, expression, bounds, filters)
    # The rest of the window (0), or the body scope's headline tier (1).
    sql, params = headline_keys(query, bounds)
    keys = (f"{TABLE}.rowid {'IN' if tier else 'NOT IN'} ({sql})", params)
    return _clauses(TABLE, match_expression(query), bounds, row_filters(query), keys)


def _clauses(
    table: str, expression: str, bounds: tuple, filters: tuple, keys: tuple = ()
) -> tuple[str, str, str, list]:
    """``keys``: a condition on the key that needs no row, and its parameters."""
    where = [f"{table} MATCH %s", f"{table}.rowid >= %s", f"{table}.rowid < %s"]
    params = [expression, *bounds]
    if keys:
        where.append(keys[0])
        params += keys[1]
    source = table
    conditions, values = filters
    if conditions:
        # CROSS JOIN: the matches lead and each looks up its row, never the
        # rows of the key range looking up FTS5 one by one (the planner's
        # choice for a wide range: the headline scope of 국방, 38 -> 96 ms).
        source += (
            f" CROSS JOIN {CONTENT} d INDEXED BY search_doc_flags "
            f"ON d.id = {table}.rowid"
        )
        where += conditions
        params += values
    return table, source, " AND ".join(where), params


class SQLiteSearchBackend(BaseSearchBackend):
    vendor = "sqlite"

    def search(self, query: SearchQuery) -> SearchResults:
        table, source, where, params = clauses(query)
        if query.sort == "relevance" and (query.groups or query.groups2):
            return self._ranked(query, table, source, where, params)
        select = f"SELECT {table}.rowid FROM {source} WHERE {where}"
        cap = count_cap(query)
        # Relevance without words to rank by (a reporter-only browse): newest.
        direction = "ASC" if query.sort == "oldest" else "DESC"
        with self.connection.cursor() as cursor:
            counted, total, exact = capped_count(cursor, select, params, cap)
            if not counted or query.offset >= counted:
                return SearchResults(total=total, hits=[], total_exact=exact)
            cursor.execute(
                f"{select} ORDER BY {table}.rowid {direction} LIMIT %s OFFSET %s",
                [*params, query.limit, query.offset],
            )
            keys = [row[0] for row in cursor.fetchall()]
        return SearchResults(total=total, hits=self._hits(keys), total_exact=exact)

    def _ranked(
        self, query: SearchQuery, table: str, source: str, where: str, params: list
    ) -> SearchResults:
        """bm25 over the newest RANK_WINDOW matches (all of them when fewer),
        stories whose headline matches the words first (``headline_tier``)."""
        rows, total, exact = self._ranked_by_tier(query, table, source, where, params)
        return SearchResults(
            total=total,
            hits=self._hits(rows),
            ranked_newest=None if exact else base.RANK_WINDOW,
            total_exact=exact,
        )

    def _ranked_by_tier(self, query, table, source, where, params):
        """Count the window first, without bm25 (a common word stops at its
        end), then rank it tier by tier, each from the window's oldest key up,
        so a page of headline matches never pays bm25 for the rest of the
        window (장관 at 1,000,000 stories: 915 rows, not 20,000)."""
        window = base.RANK_WINDOW
        with self.connection.cursor() as cursor:
            select = f"SELECT {table}.rowid AS k FROM {source} WHERE {where}"
            counted, floor = self._window(cursor, query, table, select, params)
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
    def _window(
        cursor, query, table: str, select: str, params: list
    ) -> tuple[int, int]:
        """(matches counted to RANK_WINDOW + 1, the key to rank from). A
        phrase is mostly rare, and FTS5 walks its candidates faster oldest
        first (방산협력 at 1,000,000 stories: 11.6 against 16.3 ms): when
        they fit the window, that walk is the answer."""
        if query.has_phrases:
            cursor.execute(
                f"SELECT count(*), min(k) FROM ({select} ORDER BY {table}.rowid "
                f"LIMIT {base.RANK_WINDOW + 1}) AS w",
                params,
            )
            counted, oldest = cursor.fetchone()
            if counted <= base.RANK_WINDOW:
                return counted, oldest
        return base.newest_window(cursor, select, f"{table}.rowid", params)

    @staticmethod
    def _rank_page(cursor, table, source, where, params, limit, offset) -> list:
        """One page of bm25 order over the rows of ``where``."""
        cursor.execute(
            f"SELECT rowid FROM (SELECT {table}.rowid AS rowid, {SCORES[table]} AS "
            f"score FROM {source} WHERE {where}) AS r ORDER BY score, rowid DESC "
            "LIMIT %s OFFSET %s",
            [*params, limit, offset],
        )
        return cursor.fetchall()

    @staticmethod
    def _tier_size(cursor, table, source, where, params) -> int:
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
            for table in TABLES:
                cursor.execute(
                    f"INSERT INTO {table}({table}, rank) VALUES ('automerge', 0)"
                )
            try:
                cursor.execute("DROP INDEX IF EXISTS search_doc_flags")
                cursor.execute(FLAGS_INDEX)
                cursor.execute(f"INSERT INTO {TABLE}({TABLE}) VALUES ('rebuild')")
                # Contentless: emptied, then filled from the rows.
                cursor.execute(
                    f"INSERT INTO {HEADLINE_TABLE}({HEADLINE_TABLE}) "
                    "VALUES ('delete-all')"
                )
                cursor.execute(headline_fill_sql())
                for table in TABLES:
                    cursor.execute(f"INSERT INTO {table}({table}) VALUES ('optimize')")
            finally:
                for table in TABLES:
                    cursor.execute(
                        f"INSERT INTO {table}({table}, rank) VALUES ('automerge', 4)"
                    )
                cursor.execute(f"PRAGMA cache_size = {int(cache_size)}")
        count = SearchDocument.objects.using(self.alias).count()
        if progress:
            progress(count)
        return count

    def index_size(self) -> int:
        from django.db import DatabaseError

        shadows = [
            f"{table}_{part}"
            for table in TABLES
            for part in ("data", "idx", "docsize", "config")
        ]
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


def _writes(table: str, columns: dict) -> tuple[str, str]:
    """Trigger statements: (delete the old row's entry, insert the new one)."""
    names = ", ".join(columns)
    new = ", ".join(sql.format(row="new") for sql in columns.values())
    old = ", ".join(sql.format(row="old") for sql in columns.values())
    delete = (
        f"INSERT INTO {table}({table}, rowid, {names}) "
        f"VALUES ('delete', old.id, {old});"
    )
    insert = f"INSERT INTO {table}(rowid, {names}) VALUES (new.id, {new});"
    return delete, insert


def headline_fill_sql() -> str:
    """Fill the headline table from every document row."""
    names = ", ".join(HEADLINE_COLUMNS)
    values = ", ".join(sql.format(row=CONTENT) for sql in HEADLINE_COLUMNS.values())
    return (
        f"INSERT INTO {HEADLINE_TABLE}(rowid, {names}) "
        f"SELECT id, {values} FROM {CONTENT}"
    )


def create_sql() -> list[str]:
    """DDL for the FTS5 tables, the story table's source view, and the
    mirroring triggers."""
    view = ", ".join(
        f"{sql.format(row=CONTENT)} AS {name}" for name, sql in COLUMNS.items()
    )
    story_delete, story_insert = _writes(TABLE, COLUMNS)
    headline_delete, headline_insert = _writes(HEADLINE_TABLE, HEADLINE_COLUMNS)
    delete = f"{story_delete} {headline_delete}"
    insert = f"{story_insert} {headline_insert}"
    return [
        f"CREATE VIEW {SOURCE} AS SELECT id, {view} FROM {CONTENT}",
        f"CREATE VIRTUAL TABLE {TABLE} USING fts5({', '.join(COLUMNS)}, "
        f"content='{SOURCE}', content_rowid='id', "
        # Terms are already analysed; '-', '.' and '_' keep k-9, u.s, s_12 whole.
        f"{TOKENIZE})",
        # Contentless, without column sizes (see the module's docstring).
        f"CREATE VIRTUAL TABLE {HEADLINE_TABLE} USING "
        f"fts5({', '.join(HEADLINE_COLUMNS)}, content='', columnsize=0, {TOKENIZE})",
        f"CREATE TRIGGER search_doc_ai AFTER INSERT ON {CONTENT} BEGIN {insert} END",
        f"CREATE TRIGGER search_doc_ad AFTER DELETE ON {CONTENT} BEGIN {delete} END",
        f"CREATE TRIGGER search_doc_au AFTER UPDATE ON {CONTENT} "
        f"BEGIN {delete} {insert} END",
        FLAGS_INDEX,
    ]


def drop_sql() -> list[str]:
    return [f"DROP TRIGGER IF EXISTS search_doc_{t}" for t in ("ai", "ad", "au")] + [
        f"DROP TABLE IF EXISTS {TABLE}",
        f"DROP TABLE IF EXISTS {HEADLINE_TABLE}",
        f"DROP VIEW IF EXISTS {SOURCE}",
        "DROP INDEX IF EXISTS search_doc_flags",
    ]
