from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable

from django.conf import settings
from django.db import connections

from newszone.search.query import SearchQuery, SearchResults

# Ranking runs over every match up to this many; past it, over the newest ones
# (bm25/ts_rank cost grows with it: see bench/search.py).
RANK_WINDOW: int = getattr(settings, "NEWSZONE_SEARCH_RANK_WINDOW", 20_000)
# Date order needs no full count: counting stops here ("more than 1,000").
DATE_COUNT_CAP = 1_000


def count_cap(query) -> int:
    """How far to count: past the ranking window, or past the asked page."""
    if query.sort == "relevance":
        return RANK_WINDOW + 1
    return max(DATE_COUNT_CAP + 1, query.offset + query.limit + 1)


def capped_count(cursor, select_sql: str, params: list, cap: int):
    """Count the rows of ``select_sql`` up to ``cap``: (counted, shown total, exact)."""
    cursor.execute(f"SELECT count(*) FROM ({select_sql} LIMIT {cap}) AS capped", params)
    counted = cursor.fetchone()[0]
    exact = counted < cap
    return counted, (counted if exact else cap - 1), exact


def ranked_window_sql(
    inner: str, key: str, order: str, columns: str, room: int | None = None
) -> str:
    """Rank and count in one pass. ``inner`` selects the newest matches,
    ``ORDER BY key DESC LIMIT room + 1`` (``room``: RANK_WINDOW unless
    said): the one past the room says there are more, and is left out of
    the ranking. Every row carries the count ``n`` (at most room + 1)."""
    room = RANK_WINDOW if room is None else room
    return (
        f"SELECT {columns}, n FROM (SELECT *, count(*) OVER () AS n, "
        f"min({key}) OVER () AS oldest FROM ({inner}) w) c "
        f"WHERE n <= {room} OR {key} > oldest ORDER BY {order} "
        "LIMIT %s OFFSET %s"
    )


def newest_window(
    cursor, select_sql: str, key: str, params: list, room: int | None = None
) -> tuple[int, int]:
    """(matches counted to ``room`` + 1, the key to rank from) for
    ``select_sql``, which selects the sort ``key`` AS k: the oldest of the
    newest ``room`` (RANK_WINDOW unless said), or of all when fewer."""
    room = RANK_WINDOW if room is None else room
    cursor.execute(
        f"SELECT count(*), min(k) FROM ({select_sql} ORDER BY {key} DESC "
        f"LIMIT {room + 1}) AS w",
        params,
    )
    counted, oldest = cursor.fetchone()
    return counted, (oldest + 1 if counted > room else oldest)


def page_by_tier(
    query,
    tiers: list,
    rank_page: Callable[[object, int, int], list],
    tier_size: Callable[[object], int],
) -> list:
    """One page over ranked tiers, first first: ``rank_page(tier, limit,
    offset)`` ranks inside one; ``tier_size(tier)`` is asked only when the
    page begins past a tier's end."""
    rows, offset = [], query.offset
    for tier in tiers:
        page = rank_page(tier, query.limit - len(rows), offset)
        rows += page
        if len(rows) == query.limit:
            break
        # The next tier's page starts at its top, unless the page began
        # past this tier's end.
        offset = 0 if page else offset - tier_size(tier)
    return rows


def window_total(counted: int) -> tuple[int, bool]:
    """(shown total, exact) for ``counted`` matches, counted to RANK_WINDOW + 1."""
    exact = counted <= RANK_WINDOW
    return (counted if exact else RANK_WINDOW), exact


class BaseSearchBackend(ABC):
    """One search engine over the stored SearchDocuments.

    Capabilities are flags, so callers ask rather than check engine names.
    """

    vendor = ""
    supports_phrases = True
    supports_relevance = True
    stores_vector = False  # wants SearchDocument.vector filled at indexing

    def __init__(self, alias: str = "default"):
        self.alias = alias

    @property
    def connection(self):
        return connections[self.alias]

    @abstractmethod
    def search(self, query: SearchQuery) -> SearchResults:
        """Matching keys in the asked order, the total, and the ranking window."""

    @abstractmethod
    def rebuild(
        self, progress: Callable[[int], None] | None = None, from_terms: bool = False
    ) -> int:
        """Rebuild the engine's index from the stored analysed terms.

        ``from_terms``: also make anew what the engine keeps of each document
        beside its terms, for documents not written by documents.store (a
        restored archive: one from SQLite has no PostgreSQL vectors)."""

    @abstractmethod
    def index_size(self) -> int:
        """Bytes the engine's index takes (for the benchmark and the desk)."""
