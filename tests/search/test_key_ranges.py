"""PostgreSQL finds the newest ranking window inside a key range sized from
the planner's statistics; whatever the estimate, the window is the same."""

from datetime import UTC, datetime, timedelta

import pytest
from django.db import connection

from newszone.search import documents
from newszone.search.backends import base as backend_base
from newszone.search.backends import get_backend, postgres
from newszone.search.query import SearchQuery, parse
from tests.factories import make_article

BOUNDS = [0, 100, 200, 400, 800]  # four buckets of equal row counts


@pytest.mark.parametrize(
    ("key", "position"),
    [(-5, 0.0), (0, 0.0), (150, 1.5), (300, 2.5), (800, 4.0), (10_000, 4.0)],
)
def test_key_position_interpolates_inside_a_bucket(key, position):
    assert postgres.key_position(BOUNDS, key) == position


def test_key_below_counts_rows_down_from_the_top():
    rows = 400.0  # 100 a bucket
    assert postgres.key_below(BOUNDS, 800, 100, rows) == 400
    assert postgres.key_below(BOUNDS, 800, 150, rows) == 300
    assert postgres.key_below(BOUNDS, 600, 100, rows) == 300  # from 600 down
    # Keys newer than the histogram (added since ANALYZE) count as its top,
    # so the range only grows.
    assert postgres.key_below(BOUNDS, 5_000, 100, rows) == 400


def test_key_below_gives_up_past_the_oldest_key_or_without_statistics():
    assert postgres.key_below(BOUNDS, 800, 400, 400.0) is None
    assert postgres.key_below(BOUNDS, 800, 10_000, 400.0) is None
    assert postgres.key_below([], 800, 10, 400.0) is None
    assert postgres.key_below([7], 800, 10, 400.0) is None


needs_postgres = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="PostgreSQL's key ranges"
)


@pytest.fixture
def radar_archive(db, monkeypatch):
    """Forty stories, one in two about radar (every fourth in its headline),
    an hour apart; planner statistics taken; a ranking window of three, so
    the range to look in is under a quarter of the table."""
    monkeypatch.setattr(backend_base, "RANK_WINDOW", 3)
    for n in range(40):
        body = "<p>The radar sweep went on.</p>" if n % 2 else "<p>Quiet day.</p>"
        headline = "Radar upgrade" if n % 4 == 1 else f"Story {n}"
        article = make_article(headline=headline, body=body, hours_ago=n + 1)
        documents.index_objects("articles", [article.pk])
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE search_searchdocument")


def ranked(q: str, **options):
    results = get_backend().search(SearchQuery(groups=parse(q), **options))
    hits = [hit.object_id for hit in results.hits]
    return hits, results.total, results.total_exact, results.ranked_newest


def without_ranges(q: str, monkeypatch, **options):
    with monkeypatch.context() as patch:
        patch.setattr(postgres, "key_histogram", lambda cursor: [])
        return ranked(q, **options)


def recording_ranges(monkeypatch) -> list:
    """The range starts tried, in order (None: none could be sized)."""
    tried = []
    key_below = postgres.key_below

    def record(*args):
        tried.append(key_below(*args))
        return tried[-1]

    monkeypatch.setattr(postgres, "key_below", record)
    return tried


@needs_postgres
def test_a_common_word_is_looked_for_in_a_key_range(radar_archive, monkeypatch):
    expected = without_ranges("radar", monkeypatch)
    tried = recording_ranges(monkeypatch)
    assert ranked("radar") == expected
    assert tried and tried[0] is not None  # sized from the planner's estimate
    assert expected[1:] == (3, False, 3)


# The same, whatever the planner's estimate: words are counted, then ranked
# by tier; phrases are ranked and counted in one pass, pages past the end
# counted apart.
@needs_postgres
@pytest.mark.parametrize(
    ("q", "scope"), [("radar", "all"), ('"radar sweep"', "all"), ("radar", "headline")]
)
@pytest.mark.parametrize("offset", [0, 2, 3, 20])
def test_the_window_found_in_a_key_range_is_the_newest(
    radar_archive, monkeypatch, q, scope, offset
):
    expected = without_ranges(q, monkeypatch, offset=offset, limit=2, scope=scope)
    monkeypatch.setattr(postgres, "RANGE_MAX_SHARE", 1.0)
    tried = recording_ranges(monkeypatch)
    assert ranked(q, offset=offset, limit=2, scope=scope) == expected
    assert tried and tried[0] is not None  # the range was used
    assert expected[1:] == (3, False, 3)


@needs_postgres
@pytest.mark.parametrize(
    ("q", "scope"), [("radar", "all"), ('"radar sweep"', "all"), ("radar", "headline")]
)
@pytest.mark.parametrize("offset", [0, 1, 2, 3])
def test_a_range_too_narrow_is_widened(radar_archive, monkeypatch, q, scope, offset):
    """Ranges below the first are counted (and, for a scope ranked in one
    pass, ranked) too, and their rows merged: the same page."""
    expected = without_ranges(q, monkeypatch, scope=scope, offset=offset, limit=2)
    monkeypatch.setattr(postgres, "RANGE_MAX_SHARE", 1.0)
    monkeypatch.setattr(postgres, "RANGE_SLACK", 0.2)  # far too few rows
    tried = recording_ranges(monkeypatch)
    assert ranked(q, scope=scope, offset=offset, limit=2) == expected
    assert len(tried) >= 2 and tried[0] > tried[1]  # widened: further back


@needs_postgres
def test_too_few_matches_for_any_range_rank_them_all(radar_archive, monkeypatch):
    monkeypatch.setattr(backend_base, "RANK_WINDOW", 50)
    tried = recording_ranges(monkeypatch)
    hits, total, exact, ranked_newest = ranked("radar", limit=50)
    assert (len(hits), total, exact, ranked_newest) == (20, 20, True, None)
    assert tried in ([], [None])  # no range: every match ranked


@needs_postgres
def test_a_date_range_bounds_the_key_range(radar_archive, monkeypatch):
    from datetime import timedelta

    from django.utils import timezone

    date_to = timezone.now() - timedelta(hours=10)
    expected = without_ranges("radar", monkeypatch, date_to=date_to)
    assert ranked("radar", date_to=date_to) == expected
    assert all(
        documents.key_range_start(date_to) > key for key in documents_keys(expected[0])
    )


def documents_keys(object_ids):
    from newszone.search.models import SearchDocument

    return SearchDocument.objects.filter(object_id__in=object_ids).values_list(
        "pk", flat=True
    )


def keys(*moments: str) -> list[int]:
    return [
        documents.key_range_start(datetime.fromisoformat(m).replace(tzinfo=UTC))
        for m in moments
    ]


@pytest.mark.parametrize(
    ("low", "high", "lexemes"),
    [
        # Months, and whole years where a range holds them.
        (
            "2023-11-15",
            "2024-03-10",
            ["m_202311", "m_202312", "m_202401"] + ["m_202402", "m_202403"],
        ),
        ("2022-12-31T23:00", "2025-01-01", ["m_202212", "y_2023", "y_2024"]),
        ("2023-01-01", "2024-01-01", ["y_2023"]),
        ("2023-01-01", "2023-01-01T00:00:01", ["m_202301"]),
        ("2024-02-29", "2024-03-01", ["m_202402"]),  # up to, not including
    ],
)
def test_period_lexemes_cover_a_key_range(low, high, lexemes):
    assert postgres.period_lexemes(*keys(low, high)) == lexemes


def test_period_lexemes_of_all_history_or_the_unbounded_future_are_none():
    (low,) = keys("2023-11-15")
    assert postgres.period_lexemes(0, low) == []
    assert postgres.period_lexemes(low, 2**62) == []


@pytest.fixture
def yearly_archive(db):
    """Thirty stories about radar, two weeks apart (over a year boundary, and
    some in the future: scheduled); planner statistics taken."""
    for n in range(-4, 26):
        article = make_article(
            headline=f"Radar {n}", body="<p>The radar sweep.</p>", hours_ago=n * 336
        )
        documents.index_objects("articles", [article.pk])
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE search_searchdocument")


@needs_postgres
@pytest.mark.parametrize("public_only", [True, False])
@pytest.mark.parametrize("days", [(None, None), (100, 30), (200, None), (None, 50)])
@pytest.mark.parametrize("window", [5, 1_000])
@pytest.mark.parametrize("sort", ["relevance", "newest"])
def test_search_finds_a_date_range_through_its_years_and_months(
    yearly_archive, monkeypatch, public_only, days, window, sort
):
    from django.utils import timezone

    monkeypatch.setattr(backend_base, "RANK_WINDOW", window)
    monkeypatch.setattr(postgres, "RANGE_MAX_SHARE", 1.0)  # ranges are tried
    now = timezone.now()
    date_from, date_to = (now - timedelta(days=d) if d else None for d in days)
    options = {"date_from": date_from, "date_to": date_to, "limit": 40, "sort": sort}
    options["public_only"] = public_only
    lexemes = postgres.period_lexemes
    with monkeypatch.context() as patch:  # the keys alone, checked on each row
        patch.setattr(postgres, "period_lexemes", lambda low, high: [])
        expected = ranked("radar", **options)
    asked = []
    monkeypatch.setattr(
        postgres, "period_lexemes", lambda *a: asked.append(lexemes(*a)) or asked[-1]
    )
    assert ranked("radar", **options) == expected
    if days == (100, 30):  # 42 to 98 days ago
        assert len(expected[0]) == 5
    # Through GIN wherever the range has a last key and a first: the date
    # asked or, ranking more matches than the window, the range tried or the
    # window's oldest match, which bounds the tiers.
    first = date_from or (sort == "relevance" and window == 5)
    assert any(asked) == bool((public_only or date_to) and first)


class OldestKey:
    """A cursor that knows the table's oldest key, as newest_counted asks."""

    def execute(self, sql, params=None):
        assert sql.startswith("SELECT min(id)")

    def fetchone(self):
        return (1,)


class FakeCount:
    """base.newest_window over ``matches`` (keys), for the key range each
    condition asks (its first two parameters), as newest_counted calls it."""

    def __init__(self, matches):
        self.matches, self.ranges = sorted(matches, reverse=True), []

    def __call__(self, condition, params, room):
        low, high = (params[0], params[1]) if params else (0, 2**62)
        self.ranges.append((low, high))
        inside = [k for k in self.matches if low <= k < high][: room + 1]
        if not inside:
            return 0, None
        return len(inside), (inside[-1] + 1 if len(inside) > room else inside[-1])


@pytest.mark.parametrize("expected", [2.0, 20.0, 60.0, 300.0])  # true: 20
@pytest.mark.parametrize("window", [3, 19, 20, 40])
def test_ranges_are_counted_once_newest_first(monkeypatch, expected, window):
    """Whatever the estimate, the count and the key to rank from are the
    window's; a range that held too few is followed by the one below it,
    never counted again."""
    monkeypatch.setattr(backend_base, "RANK_WINDOW", window)
    monkeypatch.setattr(postgres, "RANGE_MAX_SHARE", 1.0)
    monkeypatch.setattr(postgres, "key_histogram", lambda cursor: BOUNDS)
    matches = list(range(1, 800, 40))  # 20 of 800 keys, evenly
    count = FakeCount(matches)
    query = SearchQuery(groups=parse("radar"), date_to=None)
    counted, floor = postgres.newest_counted(
        OldestKey(), query, (expected, 400.0), count
    )
    newest = sorted(matches, reverse=True)
    assert counted == min(len(matches), window + 1)
    if counted > window:
        assert floor == newest[window] + 1  # the newest `window` are above it
    else:
        assert floor == newest[-1]
    tops = [high for _, high in count.ranges]
    bottoms = [low for low, _ in count.ranges]
    assert tops[1:] == bottoms[:-1]  # each range starts where the last ended


def test_several_words_are_estimated_with_backoff(monkeypatch):
    """The planner multiplies the words' shares; the estimate takes the
    rarer word's share whole and the square root of the other's."""

    def planner(cursor, sql, params):
        shares = {"(('radar'))": 0.05, "(('sweep'))": 0.2}
        if len(params) == 1 and params[0] in shares:
            return shares[params[0]] * 10_000, 10_000.0
        return 0.05 * 0.2 * 10_000, 10_000.0  # both words: independent

    monkeypatch.setattr(postgres, "estimate", planner)
    both = SearchQuery(groups=parse("radar sweep"))
    expected, rows = postgres.expected_matches(None, both)
    assert rows == 10_000.0
    assert expected == pytest.approx(0.05 * 0.2**0.5 * 10_000)
    one = SearchQuery(groups=parse("radar"))
    assert postgres.expected_matches(None, one)[0] == pytest.approx(0.01 * 10_000)


@needs_postgres
@pytest.mark.parametrize("sort", ["relevance", "newest"])
def test_search_statements_run_without_prefetch_advice(radar_archive, sort):
    """Each search statement runs with effective_io_concurrency 0
    (postgres.READ_SETTINGS), set for the search's own transaction only."""
    from django.db import transaction

    seen = []

    def watch(execute, sql, params, many, context):
        if "search_searchdocument" in sql and sql.lstrip().startswith("SELECT"):
            raw = connection.connection.execute("SHOW effective_io_concurrency")
            seen.append(raw.fetchone()[0])
        return execute(sql, params, many, context)

    with transaction.atomic():
        before = connection.connection.execute("SHOW effective_io_concurrency")
        default = before.fetchone()[0]
        with connection.execute_wrapper(watch):
            ranked("radar", sort=sort)
        after = connection.connection.execute("SHOW effective_io_concurrency")
        assert after.fetchone()[0] == default != "0"
    assert seen and set(seen) == {"0"}


@needs_postgres
def test_ranges_ranked_apart_are_merged_by_rank(db, monkeypatch):
    """The headline scope ranks range by range when the first range holds
    too few: an older story that ranks higher is still first."""
    monkeypatch.setattr(backend_base, "RANK_WINDOW", 6)
    for n in range(12):
        headline = "Radar radar radar" if n == 4 else f"Radar {n}"
        article = make_article(headline=headline, body="<p>Quiet.</p>", hours_ago=n + 1)
        documents.index_objects("articles", [article.pk])
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE search_searchdocument")
    expected = without_ranges("radar", monkeypatch, scope="headline", limit=3)
    monkeypatch.setattr(postgres, "RANGE_MAX_SHARE", 1.0)
    monkeypatch.setattr(postgres, "RANGE_SLACK", 0.2)
    tried = recording_ranges(monkeypatch)
    hits, total, exact, _ = ranked("radar", scope="headline", limit=3)
    assert (hits, total, exact) == expected[:3]
    assert len(tried) >= 2
    from newszone.articles.models import Article

    assert Article.objects.get(pk=hits[0]).headline == "Radar radar radar"
