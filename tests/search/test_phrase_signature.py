"""PostgreSQL's pair signature: a phrase is found through GIN by its words,
and only the stories whose signature may hold it are checked against their
vectors; whatever the signatures say, a phrase finds what it finds without
them. The signature itself is the same on every engine's stored terms."""

import importlib

import pytest
from django.db import connection

from newszone.search import documents
from newszone.search.backends import get_backend, postgres
from newszone.search.models import SearchDocument
from newszone.search.query import SearchQuery, parse
from tests.factories import make_article

FIELDS = {
    "title_terms": "defens talk resum",
    "title_extra": "",
    "body_terms": "minist said talk",
    "body_extra": "seoul",
}


def bits_set(signature: bytes) -> set[int]:
    return {n for n in range(len(signature) * 8) if signature[n >> 3] >> (n & 7) & 1}


def test_a_signature_holds_the_pairs_side_by_side_in_each_part():
    signature = documents.pair_bits(FIELDS)
    assert len(signature) * 8 == documents.PAIR_BITS
    pairs = [("defens", "talk"), ("talk", "resum"), ("minist", "said")]
    pairs.append(("said", "talk"))
    expected = {bit for pair in pairs for bit in documents.pair_positions(*pair)}
    assert bits_set(signature) == expected


def test_pair_positions_are_two_bits_in_range_and_stable():
    first = documents.pair_positions("defens", "talk")
    assert first == documents.pair_positions("defens", "talk")
    assert all(0 <= bit < documents.PAIR_BITS for bit in first)
    assert documents.pair_positions("talk", "defens") != first


def test_the_prefilter_asks_only_for_groups_of_phrases_alone():
    phrase = [["defens", "talk"]]
    assert postgres.pair_condition([[["talk"]]]) is None
    assert postgres.pair_condition([[phrase[0], ["talk"]]]) is None  # or a word
    condition = postgres.pair_condition([phrase])
    for bit in documents.pair_positions("defens", "talk"):
        assert f"get_bit(pair_bits, {bit}) = 1" in condition
    assert condition.startswith("(pair_bits IS NULL OR octet_length(pair_bits) <> 64")
    q = SearchQuery(groups=[phrase], groups2=[[["talk"]]], op="or")
    assert postgres.phrase_prefilter(q) is None  # talk alone may match
    q = SearchQuery(groups=[phrase], groups2=[[["talk"]]], op="and")
    assert postgres.phrase_prefilter(q) == condition


needs_postgres = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="PostgreSQL's pair signature"
)

STORIES = [
    ("Defense talks resume", "<p>Ministers met in Seoul.</p>"),
    ("Talks on defense", "<p>The defense ministry said talks would go on.</p>"),
    ("Budget", "<p>Defense talks stalled; the talks on trade went on.</p>"),
    ("Trade", "<p>Talks about talks. Defense spending.</p>"),
    ("방산협력위원회 출범", "<p>방산 협력을 논의했다.</p>"),
]
QUERIES = [
    ('"defense talks"', {}),
    ('"defense talks"', {"scope": "headline"}),
    ('"defense talks"', {"scope": "body"}),
    ('"talks on trade"', {}),
    ("방산협력", {}),
    ('"defense talks" minister', {}),
]


@pytest.fixture
def stories(db):
    made = []
    for n, (headline, body) in enumerate(STORIES):
        article = make_article(headline=headline, body=body, hours_ago=n + 1)
        documents.index_objects("articles", [article.pk])
        made.append(article.pk)
    return made


def found(q: str, **options) -> tuple[list[int], int]:
    results = get_backend().search(SearchQuery(groups=parse(q), **options))
    return [hit.object_id for hit in results.hits], results.total


def without_prefilter(monkeypatch, q, **options):
    with monkeypatch.context() as patch:
        patch.setattr(postgres, "phrase_prefilter", lambda query: None)
        return found(q, **options)


@needs_postgres
@pytest.mark.parametrize(("q", "options"), QUERIES)
@pytest.mark.parametrize("sort", ["relevance", "newest"])
def test_a_phrase_finds_the_same_stories_with_the_signature(
    stories, monkeypatch, q, options, sort
):
    assert found(q, sort=sort, **options) == without_prefilter(
        monkeypatch, q, sort=sort, **options
    )


@needs_postgres
def test_the_signature_is_looked_at_and_none_means_any_pair(stories, monkeypatch):
    first = stories[2]  # the phrase in its body, not its headline
    hits, _ = found('"defense talks"')
    assert first in hits
    doc = SearchDocument.objects.get(object_id=first)
    SearchDocument.objects.filter(pk=doc.pk).update(pair_bits=bytes(64))
    hits, _ = found('"defense talks"')
    assert first not in hits  # passed over: its (wrong) signature says no
    assert first in without_prefilter(monkeypatch, '"defense talks"')[0]
    SearchDocument.objects.filter(pk=doc.pk).update(pair_bits=None)
    assert first in found('"defense talks"')[0]  # no signature: checked
    SearchDocument.objects.filter(pk=doc.pk).update(pair_bits=bytes(8))
    assert first in found('"defense talks"')[0]  # one of another size: as none


@needs_postgres
def test_a_headline_phrase_is_checked_on_the_headline_vector(stories, monkeypatch):
    """The headline tier and scope check a phrase on the headline's vector
    in the row, not on the story's vector (nor its pair signature)."""
    headline_story = stories[0]  # "Defense talks resume"
    SearchDocument.objects.filter(object_id=headline_story).update(pair_bits=bytes(64))
    assert found('"defense talks"', scope="headline")[0] == [headline_story]
    assert found('"defense talks"')[0][0] == headline_story  # its tier first
    # A headline vector without the phrase's order: not in the headline.
    SearchDocument.objects.filter(object_id=headline_story).update(
        headline_vector="'talk':1A 'defens':2A 'resum':3A"
    )
    assert found('"defense talks"', scope="headline")[0] == []


@needs_postgres
def test_the_stored_signature_reads_back_bit_by_bit_in_sql(stories):
    doc = SearchDocument.objects.get(object_id=stories[0])
    expected = documents.pair_bits(
        {
            f: getattr(doc, f)
            for f in ("title_terms", "title_extra", "body_terms", "body_extra")
        }
    )
    assert bytes(doc.pair_bits) == expected
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT array_agg(n ORDER BY n) FROM generate_series(0, %s) AS n "
            "WHERE get_bit((SELECT pair_bits FROM search_searchdocument "
            "WHERE id = %s), n) = 1",
            [documents.PAIR_BITS - 1, doc.pk],
        )
        assert set(cursor.fetchone()[0]) == bits_set(expected)


def table_layout() -> tuple:
    """(the story table's options, reporter_terms' storage)."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT reloptions, attstorage FROM pg_class JOIN pg_attribute "
            "ON attrelid = pg_class.oid WHERE relname = 'search_searchdocument' "
            "AND attname = 'reporter_terms'"
        )
        return cursor.fetchone()


@needs_postgres
def test_migration_0014_and_a_rebuild_from_terms_make_missing_signatures(stories):
    migration = importlib.import_module("newszone.search.migrations.0014_pair_bits")

    class Editor:  # what RunPython hands the migration
        execute = staticmethod(lambda sql: connection.cursor().execute(sql))

    Editor.connection = connection
    made = dict(SearchDocument.objects.values_list("pk", "pair_bits"))
    migration.unfill(None, Editor)  # backwards: 0013's layout
    assert table_layout() == (["toast_tuple_target=512"], "x")
    SearchDocument.objects.update(pair_bits=None)
    migration.fill(None, Editor)
    assert table_layout() == ([f"toast_tuple_target={postgres.TOAST_TARGET}"], "m")
    assert {
        pk: bytes(b) for pk, b in SearchDocument.objects.values_list("pk", "pair_bits")
    } == {pk: bytes(b) for pk, b in made.items()}
    assert found('"defense talks"')[1] == 2
    SearchDocument.objects.update(pair_bits=bytes(64))
    get_backend().rebuild(from_terms=True)
    assert found('"defense talks"')[1] == 2


@needs_postgres
@pytest.mark.django_db(transaction=True)
def test_migration_0014_outside_a_transaction_vacuums_before_building(monkeypatch):
    """As ``migrate`` runs it (``atomic = False``): rows committed batch by
    batch, VACUUM, then the GIN indexes built again."""
    migration = importlib.import_module("newszone.search.migrations.0014_pair_bits")
    article = make_article(headline="Defense talks resume", body="<p>Seoul.</p>")
    documents.index_objects("articles", [article.pk])
    SearchDocument.objects.update(pair_bits=None)
    statements = []

    class Editor:  # what RunPython hands the migration
        @staticmethod
        def execute(sql):
            statements.append(sql.split()[0])
            connection.cursor().execute(sql)

    Editor.connection = connection
    assert not connection.in_atomic_block
    migration.fill(None, Editor)
    assert statements.index("VACUUM") < statements.index("CREATE")
    assert SearchDocument.objects.filter(pair_bits__isnull=True).count() == 0
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM pg_indexes WHERE indexname = ANY(%s)",
            [list(postgres.INDEXES)],
        )
        assert cursor.fetchone()[0] == len(postgres.INDEXES)
    assert found('"defense talks"') == ([article.pk], 1)
