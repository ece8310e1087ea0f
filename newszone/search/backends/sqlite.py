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
# Covers the lookup of a match's row by its key, with the flags checked there.
FLAGS_INDEX = (
    f"CREATE INDEX IF NOT EXISTS search_doc_flags ON {CONTENT} "
    "(id, language, has_photo)"
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


def match_expression(query: SearchQuery, tier: int | None = None) -> str:
    """The FTS5 query. Filter, reporter and headline tokens are namespaced, so
    only the body scope needs a column filter. ``tier`` 1 keeps the stories
    whose headline matches the words too, 0 those whose headline does not."""
    columns = SCOPE_COLUMNS.get(query.scope, SCOPE_COLUMNS["all"])
    text = text_expression(query, SCOPE_MARKS.get(query.scope, ""), columns)
    headline = text_expression(query, HEADLINE_MARK) if tier is not None else ""
    parts = [text] if text else []
    if tier == 1:
        parts.append(headline)
    parts += [f"({' OR '.join(tokens)})" for tokens in filters(query)]
    if not parts:
        parts.append("(v_1 OR v_0)")  # every document
    expression = " AND ".join(parts)
    if tier == 0:
        expression = f"({expression}) NOT {headline}"
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


def row_filters(query: SearchQuery) -> tuple[list[str], list]:
    """Conditions on the document row (``d``), read from the flags index."""
    conditions, params = [], []
    if query.language:
        conditions.append("d.language = %s")
        params.append(query.language)
    if query.photo:
        conditions.append("d.has_photo")
    return conditions, params


def tiers(query: SearchQuery) -> tuple:
    """The ranking tiers, first first: headline matches (1), the rest (0); or
    one (None) for a scope without tiers."""
    return (1, 0) if query.headline_tier else (None,)


def clauses(
    query: SearchQuery, tier: int | None = None, floor: int = 0
) -> tuple[str, str, list]:
    """``FROM`` and ``WHERE`` (with their parameters) for one search: of one
    headline ``tier`` only, and from the key ``floor`` up, when given."""
    where = [f"{TABLE} MATCH %s", f"{TABLE}.rowid >= %s", f"{TABLE}.rowid < %s"]
    low, high = key_bounds(query)
    params = [match_expression(query, tier), max(low, floor), high]
    source = TABLE
    conditions, values = row_filters(query)
    if conditions:
        source += (
            f" JOIN {CONTENT} d INDEXED BY search_doc_flags ON d.id = {TABLE}.rowid"
        )
        where += conditions
        params += values
    return source, " AND ".join(where), params


class SQLiteSearchBackend(BaseSearchBackend):
    vendor = "sqlite"

    def search(self, query: SearchQuery) -> SearchResults:
        source, where, params = clauses(query)
        if query.sort == "relevance":
            return self._ranked(query, source, where, params)
        select = f"SELECT {TABLE}.rowid FROM {source} WHERE {where}"
        cap = count_cap(query)
        direction = "DESC" if query.sort == "newest" else "ASC"
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
        if query.has_phrases:
            rows, total, exact = self._ranked_in_one_pass(query, source, where, params)
        else:
            rows, total, exact = self._ranked_by_tier(query, source, where, params)
        return SearchResults(
            total=total,
            hits=self._hits(rows),
            ranked_newest=None if exact else base.RANK_WINDOW,
            total_exact=exact,
        )

    def _ranked_in_one_pass(self, query, source, where, params):
        """A phrase (a compound's parts) costs a position check per candidate,
        and bm25 checks it once more over the whole index for its IDF: ranked
        and counted in one pass, the window read one match past its end to
        know whether there are more. The headline tier is a set lookup."""
        window = base.RANK_WINDOW
        tier, tier_params, order = "0", [], "score, rowid DESC"
        if query.headline_tier:
            tier = (
                f"{TABLE}.rowid IN (SELECT rowid FROM {TABLE} WHERE {TABLE} MATCH %s)"
            )
            tier_params = [text_expression(query, HEADLINE_MARK)]
            order = "tier DESC, " + order
        newest = (
            f"SELECT {TABLE}.rowid AS rowid, {BM25} AS score, {tier} AS tier "
            f"FROM {source} WHERE {where} ORDER BY {TABLE}.rowid DESC "
            f"LIMIT {window + 1}"
        )
        sql = base.ranked_window_sql(newest, "rowid", order, "rowid")
        select = f"SELECT {TABLE}.rowid FROM {source} WHERE {where}"
        with self.connection.cursor() as cursor:
            cursor.execute(sql, [*tier_params, *params, query.limit, query.offset])
            rows = cursor.fetchall()
            total, exact = base.ranked_total(rows, query, cursor, select, params)
        return [row[0] for row in rows], total, exact

    def _ranked_by_tier(self, query, source, where, params):
        """Words alone are cheap to find: count the window first (a common word
        stops at its end), then rank it tier by tier, each from the window's
        oldest key up, so a page of headline matches never pays bm25 for the
        rest of the window (장관 at 1,000,000 stories: 915 rows, not 20,000)."""
        window = base.RANK_WINDOW
        with self.connection.cursor() as cursor:
            counted, floor = base.newest_window(
                cursor,
                f"SELECT {TABLE}.rowid AS k FROM {source} WHERE {where}",
                f"{TABLE}.rowid",
                params,
            )
            total, exact = base.window_total(counted)
            if query.offset >= min(counted, window):
                return [], total, exact
            parts = {tier: clauses(query, tier, floor) for tier in tiers(query)}
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
                total = 0
                for name in shadows:  # aggregate=1: one row per table, no full scan
                    cursor.execute(
                        "SELECT coalesce(sum(pgsize), 0) FROM dbstat "
                        "WHERE name = %s AND aggregate = 1",
                        [name],
                    )
                    total += cursor.fetchone()[0]
                return total
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
