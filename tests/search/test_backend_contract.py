"""One contract for every engine: run on SQLite (make test-sqlite) and on
PostgreSQL (make test-pg), the same Korean and English cases."""

from datetime import timedelta

import pytest
from django.db import connection
from django.utils import timezone

from newszone.search import documents
from newszone.search.backends import base as backend_base
from newszone.search.backends import get_backend
from newszone.search.models import SearchDocument
from newszone.search.query import SearchQuery, parse
from tests.factories import make_article, make_reporter, make_section

pytestmark = pytest.mark.django_db


@pytest.fixture
def index():
    def add(**fields):
        article = make_article(**fields)
        documents.index_objects("articles", [article.pk])
        return article

    return add


def found(q="", **options):
    query = SearchQuery(groups=parse(q), **options)
    return [hit.object_id for hit in get_backend().search(query).hits]


def test_engine_follows_the_database():
    assert get_backend().vendor == connection.vendor


@pytest.mark.parametrize("query", ["송영무", "송영무는", "송영무가", "송영무와"])
def test_korean_name_with_any_particle(index, query):
    story = index(
        language="ko", headline="국방장관 회담", body="<p>송영무가 터키를 찾았다.</p>"
    )
    index(language="ko", headline="다른 기사", body="<p>육군이 훈련했다.</p>")
    assert found(query) == [story.pk]


def test_korean_verb_stem(index):
    story = index(language="ko", body="<p>양국은 위원회를 재개하기로 했다.</p>")
    assert found("재개") == [story.pk]
    assert found("재개했다") == [story.pk]


@pytest.mark.parametrize(
    "query", ["방산협력위원회", "방산협력", "협력위원회", "위원회"]
)
def test_korean_compounds_like_nori_mixed(index, query):
    story = index(
        language="ko", body="<p>양국은 방산협력위원회를 다시 열기로 했다.</p>"
    )
    assert found(query) == [story.pk]


def test_a_compound_spelled_apart_but_not_nouns_parted_by_a_particle(index):
    # 방산 협력을: one compound, spaced; 방산은 협력을: two nouns, each its own.
    glued = index(language="ko", body="<p>양국은 방산협력을 논의했다.</p>")
    spaced = index(language="ko", body="<p>양국은 방산 협력을 논의했다.</p>")
    index(language="ko", body="<p>방산은 협력을 통해 커졌다.</p>")
    assert set(found("방산협력")) == {glued.pk, spaced.pk}
    assert set(found('"방산 협력"')) == {glued.pk, spaced.pk}
    assert len(found("방산 협력")) == 3  # two words, anywhere


@pytest.mark.parametrize("query", ["국방", "터키"])
def test_two_syllable_words(index, query):
    story = index(language="ko", body="<p>국방부는 터키와 협력한다.</p>")
    assert found(query) == [story.pk]


def test_mixed_korean_and_english(index):
    story = index(language="ko", body="<p>K-9 자주포를 수출했다.</p>")
    index(language="ko", body="<p>자주포가 아닌 전차를 수출했다.</p>")
    assert found("K-9 자주포") == [story.pk]
    assert found("k-9") == [story.pk]


@pytest.mark.parametrize("query", ["talk", "talks", "talked", "talking", "TALKS"])
def test_english_stemming(index, query):
    ids = {
        index(body=f"<p>The ministers {w} for hours.</p>").pk
        for w in ("talks", "talked", "talking")
    }
    assert set(found(query)) == ids


def test_english_possessive(index):
    story = index(body="<p>Turkey's defense industry grew.</p>")
    assert found("turkey") == [story.pk]


def test_phrase(index):
    story = index(body="<p>Defense talks began.</p>")
    index(body="<p>Talks about defense began.</p>")
    assert found('"defense talks"') == [story.pk]


def test_headline_ranks_above_body_and_newer_first_on_ties(index):
    body_only = index(headline="Weather", body="<p>The talks went on.</p>", hours_ago=1)
    in_headline = index(
        headline="Talks in Ankara", body="<p>Long day.</p>", hours_ago=50
    )
    older_tie = index(headline="Talks in Seoul", body="<p>Long day.</p>", hours_ago=90)
    assert found("talks") == [in_headline.pk, older_tie.pk, body_only.pk]
    assert found("talks", sort="newest") == [body_only.pk, in_headline.pk, older_tie.pk]
    assert found("talks", sort="oldest") == [older_tie.pk, in_headline.pk, body_only.pk]


# A long story: by bm25 alone, one mention in it weighs little.
FILLER = " ".join(f"word{n}" for n in range(400))


@pytest.mark.parametrize("scope", ["all", "headline"])
def test_headline_matches_rank_by_the_headline_not_the_story_length(index, scope):
    # Within the headline (its tier, or the headline scope) the words weigh by
    # how often the headline says them; the story's length does not count
    # (SQLite's bm25 over the whole story put the short one first), so equal
    # headlines go newest first.
    twice = index(headline="Talks on talks", body="<p>Short.</p>", hours_ago=30)
    newer = index(headline="Talks in Ankara", body=f"<p>{FILLER}</p>", hours_ago=1)
    older = index(headline="Talks in Seoul", body="<p>Short.</p>", hours_ago=20)
    assert found("talks", scope=scope) == [twice.pk, newer.pk, older.pk]


def test_headline_scope_follows_edits_and_removals(index):
    # Ranking reads SQLite's headline table, which the triggers keep in step.
    edited = index(headline="Talks in Ankara", hours_ago=1)
    other = index(headline="Talks in Seoul", hours_ago=2)
    edited.headline = "Drills in Ankara"
    edited.save()
    documents.index_objects("articles", [edited.pk])
    assert found("talks", scope="headline") == [other.pk]
    assert found("drills", scope="headline") == [edited.pk]
    assert found("drills") == [edited.pk]
    documents.remove("articles", [other.pk])
    assert found("talks", scope="headline") == found("talks") == []
    assert get_backend().rebuild() >= 1
    assert found("drills", scope="headline") == [edited.pk]


@pytest.mark.parametrize("q", ["talks", '"defense talks"'])
def test_every_headline_match_ranks_above_every_body_match(index, q):
    # By bm25 alone, the short story saying it five times outranks the long
    # one with the words once in its headline; stories whose headline
    # matches come first, and pages run on across the two tiers.
    in_headlines = [
        index(
            headline=f"Defense talks, day {n}",
            body=f"<p>{FILLER}</p>",
            hours_ago=n,
        ).pk
        for n in (1, 2)
    ]
    in_bodies = [
        index(
            headline="Weather",
            body="<p>" + "Defense talks. " * 5 + "</p>",
            hours_ago=n,
        ).pk
        for n in (3, 4)
    ]
    assert found(q) == in_headlines + in_bodies
    assert found(q, scope="body") == in_bodies  # the body scope keeps the tiers
    for offset in range(4):
        assert found(q, limit=1, offset=offset) == [(in_headlines + in_bodies)[offset]]
    assert found(q, limit=2, offset=1) == [in_headlines[1], in_bodies[0]]
    assert found(q, offset=4) == []


@pytest.mark.parametrize("q", ["talks", '"defense talks"'])
def test_body_scope_ranks_stories_whose_headline_also_matches_first(index, q):
    # The body scope's tiers: the words in the body and in the headline first
    # (by bm25 alone the short story saying it five times would lead).
    in_both = index(
        headline="Defense talks resume",
        body=f"<p>{FILLER} Defense talks.</p>",
        hours_ago=5,
    ).pk
    in_body = index(
        headline="Weather", body="<p>" + "Defense talks. " * 5 + "</p>", hours_ago=1
    ).pk
    index(headline="Defense talks resume", body="<p>Quiet.</p>", hours_ago=2)
    assert found(q, scope="body") == [in_both, in_body]
    assert found(q, scope="body", limit=1, offset=1) == [in_body]


def test_headline_tier_follows_the_second_keyword(index):
    head = index(headline="Ankara visit", body=f"<p>{FILLER} talks</p>", hours_ago=2)
    body = index(
        headline="Weather", body="<p>" + "Talks in Ankara. " * 5 + "</p>", hours_ago=1
    )
    second = {"groups2": parse("ankara")}
    # "talks" or "ankara": the first story's headline matches, the second's not.
    assert found("talks", op="or", **second) == [head.pk, body.pk]
    # Both words: neither headline has both, so bm25 alone orders them.
    assert found("talks", op="and", **second) == [body.pk, head.pk]


def test_scopes(index):
    reporter = make_reporter(name_ko="맹수열", name_en="Su-Yeol, Maeng")
    head = index(headline="Drill at sea", body="<p>Quiet.</p>")
    body = index(
        headline="Quiet", body="<p>A drill was held.</p>", reporters=[reporter]
    )
    assert set(found("drill")) == {head.pk, body.pk}
    assert found("drill", scope="headline") == [head.pk]
    assert found("drill", scope="body") == [body.pk]
    assert found("Maeng", scope="reporter") == [body.pk]
    assert found("맹수열", scope="reporter") == [body.pk]
    assert found("Maeng") == found("맹수열") == []  # a byline is not the story's text
    assert found("drill", scope="reporter") == []
    assert found("drill", reporter_ids=[reporter.pk]) == [body.pk]
    assert found("", reporter_ids=[reporter.pk]) == [body.pk]


def test_headline_scope_phrases_and_compounds(index):
    both = index(headline="Defense talks resume", body="<p>Quiet.</p>")
    apart = index(headline="Talks on defense", body="<p>Quiet.</p>")
    index(headline="Quiet", body="<p>Defense talks resume.</p>")
    compound = index(
        language="ko", headline="방산협력위원회 재개", body="<p>조용했다.</p>"
    )
    spaced = index(language="ko", headline="방산 협력 논의", body="<p>조용했다.</p>")
    index(language="ko", headline="조용한 하루", body="<p>방산협력위원회 재개</p>")
    assert found('"defense talks"', scope="headline") == [both.pk]
    assert set(found("defense talks", scope="headline")) == {both.pk, apart.pk}
    assert set(found("방산협력", scope="headline")) == {compound.pk, spaced.pk}
    assert found("협력위원회", scope="headline") == [compound.pk]


def test_filters(index):
    parent = make_section()
    child = make_section(parent=parent)
    other = make_section()
    in_child = index(
        section=child, body="<p>Navy drill.</p>", photos=1, hours_ago=24 * 10
    )
    in_other = index(section=other, body="<p>Army drill.</p>", hours_ago=1)
    korean = index(section=other, language="ko", body="<p>drill 훈련</p>", hours_ago=2)
    assert set(found("drill", language="en")) == {in_child.pk, in_other.pk}
    assert found("drill", language="ko") == [korean.pk]
    assert found("drill", section_ids=[parent.pk]) == [in_child.pk]
    assert found("drill", photo=True) == [in_child.pk]
    # The same filters on the other paths: date order, and a phrase.
    assert found("drill", language="en", sort="newest") == [in_other.pk, in_child.pk]
    assert found("drill", photo=True, sort="oldest") == [in_child.pk]
    assert found('"army drill"', language="en") == [in_other.pk]
    assert found('"army drill"', language="ko") == []
    week_ago = timezone.now() - timedelta(days=7)
    assert set(found("drill", date_from=week_ago)) == {in_other.pk, korean.pk}
    assert found("drill", date_to=week_ago) == [in_child.pk]


def test_filters_on_the_headline_tier(index):
    # The headline tier is ranked with its filters checked on each row, the
    # rest with them as tokens: both must keep the same stories out.
    reporter, other_reporter = make_reporter(), make_reporter()
    section, other = make_section(), make_section()
    wanted = index(section=section, headline="Drill at sea", reporters=[reporter])
    body_only = index(section=section, body="<p>A drill.</p>", reporters=[reporter])
    index(section=other, headline="Drill at sea", reporters=[reporter])
    index(section=section, headline="Drill at sea", reporters=[other_reporter])
    draft = index(section=section, headline="Drill at sea", published=False)
    korean = index(section=section, headline="Drill at sea", language="ko")
    options = {"section_ids": [section.pk], "reporter_ids": [reporter.pk]}
    assert found("drill", language="en", **options) == [wanted.pk, body_only.pk]
    assert found("drill", language="en", photo=True, **options) == []
    # Without sections or reporters, the drafts' token and the row's language.
    english = found("drill", language="en")
    assert len(english) == 4 and english[-1] == body_only.pk
    assert draft.pk not in english and korean.pk not in english
    # The headline scope: its filters as tokens, the language on the row.
    assert found("drill", scope="headline", language="en", **options) == [wanted.pk]
    headlines = found("drill", scope="headline", language="en")
    assert len(headlines) == 3 and wanted.pk in headlines
    assert draft.pk not in headlines and korean.pk not in headlines


def test_second_keyword_and_or(index):
    both = index(body="<p>Navy and army drill.</p>")
    navy = index(body="<p>Navy parade.</p>")
    army = index(body="<p>Army parade.</p>")
    query = {"groups2": parse("army")}
    assert found("navy", op="and", **query) == [both.pk]
    assert set(found("navy", op="or", **query)) == {both.pk, navy.pk, army.pk}


def test_public_search_sees_only_public_stories(index):
    public = index(body="<p>Secret plan.</p>")
    draft = index(body="<p>Secret plan draft.</p>", published=False)
    future = index(body="<p>Secret plan later.</p>", hours_ago=-3)
    assert found("secret") == [public.pk]
    assert set(found("secret", public_only=False)) == {public.pk, draft.pk, future.pk}


def test_counts_and_paging(index):
    ids = [
        index(body=f"<p>Exercise number {n}.</p>", hours_ago=n).pk for n in range(1, 8)
    ]
    backend = get_backend()
    page = backend.search(
        SearchQuery(groups=parse("exercise"), sort="newest", limit=3, offset=3)
    )
    assert page.total == 7
    assert [h.object_id for h in page.hits] == ids[3:6]


# Words and phrases take different paths through the engines (count first,
# or rank and count in one pass): both must keep the same contract.
WORD_AND_PHRASE = pytest.mark.parametrize("q", ["radar", '"radar sweep"'])


@WORD_AND_PHRASE
def test_ranking_window_over_the_newest(index, monkeypatch, q):
    monkeypatch.setattr(backend_base, "RANK_WINDOW", 2)
    old_headline = index(
        headline="Radar sweep", body="<p>radar sweep</p>", hours_ago=30
    )
    newer = [
        index(headline="Other", body=f"<p>radar sweep {n}</p>", hours_ago=n).pk
        for n in (1, 2)
    ]
    results = get_backend().search(SearchQuery(groups=parse(q)))
    assert results.ranked_newest == 2
    assert results.total == 2 and not results.total_exact  # "more than 2"
    assert {h.object_id for h in results.hits} == set(newer)
    assert old_headline.pk not in [h.object_id for h in results.hits]


@WORD_AND_PHRASE
def test_relevance_counts_at_the_window_edge_and_past_the_last_page(
    index, monkeypatch, q
):
    monkeypatch.setattr(backend_base, "RANK_WINDOW", 3)
    for n in range(3):
        index(body=f"<p>Radar sweep {n}.</p>", hours_ago=n + 1)

    def search(**options):
        return get_backend().search(SearchQuery(groups=parse(q), **options))

    full = search()
    assert (full.total, full.total_exact, full.ranked_newest) == (3, True, None)
    assert len(search(limit=2, offset=2).hits) == 1
    past = search(offset=20)
    assert (past.hits, past.total, past.total_exact) == ([], 3, True)
    index(body="<p>Radar sweep 4.</p>", hours_ago=10)
    over = search(offset=20)
    assert (over.hits, over.total, over.total_exact) == ([], 3, False)
    first = search()
    assert (first.total, first.total_exact, first.ranked_newest) == (3, False, 3)


def test_rebuild_from_stored_terms(index):
    story = index(body="<p>Submarine launch.</p>")
    assert get_backend().rebuild() >= 1
    assert found("submarine") == [story.pk]


@pytest.mark.parametrize("field", ["headline", "body"])
def test_a_phrase_does_not_run_from_the_terms_into_the_extras(index, field):
    # 협력사 방산: terms 협력사 방산, then the extra 협력 (협력사's head).
    text = "협력사 방산"
    story = index(
        language="ko",
        **({"headline": text} if field == "headline" else {"body": f"<p>{text}</p>"}),
    )
    assert found("협력사") == [story.pk]
    assert found('"방산 협력"') == []
    assert found('"방산 협력"', scope="headline") == []


def test_colliding_sort_keys_get_the_next_free_slot(index):
    first = index(body="<p>Twin one.</p>")
    second = make_article(body="<p>Twin two.</p>")
    wanted = documents.sort_key(first.published_at, first.pk)
    from newszone.search.models import SearchDocument

    taken = SearchDocument.objects.get(object_id=first.pk).pk
    assert taken == wanted
    assert documents._free_key(wanted, "articles", second.pk) == wanted + 1
    assert documents._free_key(wanted, "articles", first.pk) == wanted


def test_rebuild_command_indexes_what_is_missing(capsys):
    from django.core.management import call_command

    story = make_article(body="<p>Icebreaker sails north.</p>")  # never indexed
    assert found("icebreaker") == []
    call_command("rebuild_search_index", "--no-progress")
    assert found("icebreaker") == [story.pk]
    assert "Search index rebuilt: 1 documents" in capsys.readouterr().out
    call_command("rebuild_search_index", "--reanalyse", "--no-progress")
    assert found("icebreaker") == [story.pk]


def test_rebuild_command_reanalyses_what_an_older_analysis_stored(index):
    from django.core.management import call_command

    from newszone.articles.models import Article
    from newszone.search.analyzers import ANALYSIS_VERSION
    from newszone.search.models import SearchDocument

    older = index(body="<p>Icebreaker sails north.</p>")
    current = index(body="<p>Icebreaker sails south.</p>")
    # Both stories change without being indexed again; one document is marked
    # as made by an older analysis.
    Article.objects.filter(pk__in=[older.pk, current.pk]).update(
        body="<p>Tugboat sails east.</p>"
    )
    SearchDocument.objects.filter(object_id=older.pk).update(analysis_version=0)
    call_command("rebuild_search_index", "--no-progress")
    assert found("tugboat") == [older.pk]  # analysed again
    assert found("icebreaker") == [current.pk]  # current: its terms kept
    versions = SearchDocument.objects.values_list("analysis_version", flat=True)
    assert set(versions) == {ANALYSIS_VERSION}


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="PostgreSQL's planner settings"
)
def test_postgres_planner_settings_stay_inside_the_ranking_pass(index):
    story = index(language="ko", body="<p>방산 협력을 논의했다.</p>")
    with connection.cursor() as cursor:
        cursor.execute("SHOW work_mem")
        (work_mem,) = cursor.fetchone()
        assert found("방산협력") == [story.pk]  # a phrase: the bitmap-only plan
        cursor.execute("SHOW enable_indexscan")
        assert cursor.fetchone() == ("on",)
        cursor.execute("SHOW work_mem")
        assert cursor.fetchone() == (work_mem,)


def vector_column(cursor, name: str = "vector") -> tuple[str, str]:
    cursor.execute(
        "SELECT atttypid::regtype::text, attstorage FROM pg_attribute "
        "WHERE attrelid = 'search_searchdocument'::regclass AND attname = %s",
        [name],
    )
    return cursor.fetchone()


def columns(cursor) -> set[str]:
    cursor.execute(
        "SELECT attname FROM pg_attribute WHERE attnum > 0 AND NOT attisdropped "
        "AND attrelid = 'search_searchdocument'::regclass"
    )
    return {name for (name,) in cursor.fetchall()}


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="PostgreSQL's vector storage"
)
def test_postgres_vectors_are_stored_as_uncompressed_tsvectors(index):
    # Out of line, never compressed ("e"), as tsvector: after the migrations,
    # and when the engine's layout is made again.
    story = index(body="<p>The radar sweep went on.</p>")
    from newszone.search.backends import postgres

    with connection.cursor() as cursor:
        assert vector_column(cursor) == ("tsvector", "e")
        for statement in postgres.drop_sql() + postgres.create_sql():
            cursor.execute(statement)
        assert vector_column(cursor) == ("tsvector", "e")
        assert not {"tsv", "rtsv"} & columns(cursor)
    assert found("sweep") == [story.pk]


def vector_lexemes(object_id: int, column: str = "vector") -> list[str]:
    """The lexemes of a story's stored vector (``column``), sorted."""
    assert column in ("vector", "headline_vector")
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT tsvector_to_array({column}) FROM search_searchdocument "  # noqa: S608
            "WHERE object_id = %s",
            [object_id],
        )
        return sorted(cursor.fetchone()[0])


def headline_lexemes(object_id: int) -> list[str]:
    return vector_lexemes(object_id, "headline_vector")


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="PostgreSQL's stored vectors"
)
def test_postgres_headline_vector_holds_the_headline_alone(index):
    story = index(headline="Frigate trials", body="<p>Radar and sonar.</p>")
    assert headline_lexemes(story.pk) == ["frigat", "trial"]
    assert found("frigate", scope="headline") == [story.pk]
    assert found("radar", scope="headline") == []


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="PostgreSQL's stored vectors"
)
def test_postgres_rebuild_builds_the_indexes_and_writes_no_row(index):
    reporter = make_reporter(name_ko="민지수", name_en="Jisu, Min")
    story = index(body="<p>Submarine launch.</p>", reporters=[reporter])
    with connection.cursor() as cursor:
        cursor.execute("DROP INDEX search_doc_tsv")
        cursor.execute("SELECT object_id, ctid::text FROM search_searchdocument")
        versions = dict(cursor.fetchall())
        assert get_backend().rebuild() == 1
        cursor.execute("SELECT object_id, ctid::text FROM search_searchdocument")
        assert dict(cursor.fetchall()) == versions  # read, not written
        cursor.execute(
            "SELECT indexname FROM pg_indexes WHERE tablename = 'search_searchdocument'"
        )
        assert {"search_doc_tsv", "search_doc_rtsv"} <= {n for (n,) in cursor}
    assert found("submarine") == [story.pk]
    assert found("jisu", scope="reporter") == [story.pk]


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="PostgreSQL's stored vectors"
)
def test_postgres_rebuild_from_terms_writes_only_the_vectors_that_differ(index):
    current = index(body="<p>Submarine launch.</p>")
    empty = index(body="<p>Frigate launch.</p>")
    with connection.cursor() as cursor:
        # As a restored archive from SQLite leaves it: no vector.
        cursor.execute(
            "UPDATE search_searchdocument SET vector = '', headline_vector = '' "
            "WHERE object_id = %s",
            [empty.pk],
        )
        assert found("frigate") == []
        cursor.execute("SELECT object_id, ctid::text FROM search_searchdocument")
        versions = dict(cursor.fetchall())
        assert get_backend().rebuild(from_terms=True) == 2
        cursor.execute("SELECT object_id, ctid::text FROM search_searchdocument")
        after = dict(cursor.fetchall())
    assert after[current.pk] == versions[current.pk]  # read, not written
    assert after[empty.pk] != versions[empty.pk]
    assert found("frigate") == [empty.pk]
    assert "headlin" in headline_lexemes(empty.pk)  # "Headline <n>"
    assert found("submarine") == [current.pk]


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="PostgreSQL's stored vectors"
)
@pytest.mark.django_db(transaction=True)
def test_postgres_rebuild_outside_a_transaction_swaps_in_new_indexes():
    story = make_article(body="<p>Corvette sails.</p>")
    documents.index_objects("articles", [story.pk])
    query = (
        "SELECT c.relname, c.oid, i.indisvalid FROM pg_index i "
        "JOIN pg_class c ON c.oid = i.indexrelid "
        "WHERE i.indrelid = 'search_searchdocument'::regclass "
        "AND c.relname LIKE 'search_doc_%tsv%'"
    )
    with connection.cursor() as cursor:
        # As an interrupted rebuild leaves it: an index never finished.
        cursor.execute(
            "CREATE INDEX search_doc_tsv_fresh ON search_searchdocument (id)"
        )
        cursor.execute(query)
        before = {name: oid for name, oid, _ in cursor.fetchall()}
        assert get_backend().rebuild() == 1
        cursor.execute(query)
        after = cursor.fetchall()
    assert {name for name, _, _ in after} == {"search_doc_tsv", "search_doc_rtsv"}
    assert all(valid for _, _, valid in after)
    assert not {oid for _, oid, _ in after} & set(before.values())  # new ones
    assert found("corvette") == [story.pk]


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="PostgreSQL's migration 0008"
)
def test_postgres_migration_0008_moves_generated_vectors_into_the_column(index):
    import importlib

    migration = importlib.import_module(
        "newszone.search.migrations.0008_postgres_stored_vectors"
    )
    reporter = make_reporter(name_ko="민지수", name_en="Jisu, Min")
    story = index(body="<p>Destroyer sails.</p>", reporters=[reporter])

    class Editor:  # what RunPython hands the migration
        execute = staticmethod(lambda sql: connection.cursor().execute(sql))

    Editor.connection = connection
    migration.generated_vectors(None, Editor)  # the layout before 0008
    with connection.cursor() as cursor:
        assert vector_column(cursor) == ("text", "x")
        assert {"tsv", "rtsv"} <= columns(cursor)
        migration.stored_vectors(None, Editor)
        assert vector_column(cursor) == ("tsvector", "e")
        assert not {"tsv", "rtsv"} & columns(cursor)
    assert found("destroyer") == [story.pk]
    assert found("jisu", scope="reporter") == [story.pk]


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="PostgreSQL's migration 0003"
)
def test_postgres_migration_0003_rewrites_stale_literals_in_the_old_layout(index):
    import importlib

    def migration(name):
        return importlib.import_module(f"newszone.search.migrations.{name}")

    story = index(body="<p>Minelayer sails.</p>")

    class Editor:  # what RunPython hands the migration
        execute = staticmethod(lambda sql: connection.cursor().execute(sql))

    Editor.connection = connection
    layout = migration("0008_postgres_stored_vectors")
    layout.generated_vectors(None, Editor)  # vectors as text, as in 0003's time
    with connection.cursor() as cursor:
        cursor.execute("UPDATE search_searchdocument SET vector = ''")
        migration("0003_headline_marks").rewrite_vectors(None, Editor)
        cursor.execute("SELECT vector FROM search_searchdocument")
        assert "'minelay':" in cursor.fetchone()[0]
    layout.stored_vectors(None, Editor)
    assert found("minelayer") == [story.pk]
    assert found("minelayer", scope="headline") == []


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="PostgreSQL's key periods"
)
def test_postgres_vectors_hold_their_keys_year_and_month(index):
    from datetime import UTC, datetime

    from newszone.search.backends import postgres

    story = index(body="<p>Radar sweep.</p>")
    key = SearchDocument.objects.get(object_id=story.pk).pk
    moment = datetime.fromtimestamp(key // documents.KEY_SLOTS, UTC)
    period = [f"y_{moment.year}", f"m_{moment.year}{moment.month:02d}"]
    assert set(period) <= set(vector_lexemes(story.pk))
    # The same lexemes in SQL (migration 0013 writes them so), at the turn
    # of a year and of a month, in UTC.
    keys = [
        documents.key_range_start(datetime.fromisoformat(moment)) + offset
        for moment in (
            "2023-12-31T23:59:59+00:00",
            "2024-01-01T00:00:00+00:00",
            "2024-02-29T23:59:59+00:00",
            "2024-03-01T08:59:59+09:00",
        )
        for offset in (0, documents.KEY_SLOTS - 1)
    ]
    with connection.cursor() as cursor:
        for key in keys:
            period_sql = postgres.period_sql("k")  # no user input
            cursor.execute(
                f"SELECT {period_sql} FROM (SELECT %s::bigint AS k) AS _",  # noqa: S608
                [key],
            )
            assert cursor.fetchone()[0] == documents.key_period(key)
        cursor.execute(
            "SELECT reloptions FROM pg_class WHERE oid = 'search_searchdocument'::regclass"
        )
        assert cursor.fetchone()[0] == [f"toast_tuple_target={postgres.TOAST_TARGET}"]
        assert vector_column(cursor, "headline_vector") == ("tsvector", "m")
        cursor.execute(
            "SELECT attname, attstorage FROM pg_attribute WHERE attname = ANY(%s) "
            "AND attrelid = 'search_searchdocument'::regclass",
            [list(postgres.IN_ROW)],
        )
        assert dict(cursor.fetchall()) == dict.fromkeys(postgres.IN_ROW, "m")
        cursor.execute(
            "SELECT attstattarget FROM pg_attribute WHERE attname = 'vector' "
            "AND attrelid = 'search_searchdocument'::regclass"
        )
        assert cursor.fetchone() == (1000,)


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="PostgreSQL's migration 0013"
)
def test_postgres_migration_0013_writes_the_periods_and_takes_them_out(index):
    import importlib

    migration = importlib.import_module(
        "newszone.search.migrations.0013_postgres_key_period"
    )
    story = index(body="<p>Destroyer sails.</p>")
    with_period = vector_lexemes(story.pk)

    class Editor:  # what RunPython hands the migration
        execute = staticmethod(lambda sql: connection.cursor().execute(sql))

    Editor.connection = connection
    migration.backwards(None, Editor)
    before = vector_lexemes(story.pk)
    assert "destroy" in before
    assert not [x for x in before if x[:2] in ("y_", "m_")]
    migration.forwards(None, Editor)
    assert vector_lexemes(story.pk) == with_period
    with connection.cursor() as cursor:
        cursor.execute("SELECT ctid::text FROM search_searchdocument")
        versions = cursor.fetchall()
        assert get_backend().rebuild(from_terms=True) == 1
        cursor.execute("SELECT ctid::text FROM search_searchdocument")
        assert cursor.fetchall() == versions  # as indexing writes it: not written
    assert found("destroyer", date_from=timezone.now() - timedelta(days=3)) == [
        story.pk
    ]


def test_index_size_counts_the_engines_pages(index):
    index(body="<p>Submarine launch.</p>")
    size = get_backend().index_size()
    if connection.vendor == "sqlite":  # whole pages of the FTS5 tables
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA page_size")
            assert size > 0 and size % cursor.fetchone()[0] == 0
    else:
        assert size > 0
