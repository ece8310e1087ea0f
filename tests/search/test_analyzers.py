import pytest

from newszone.search.analyzers import (
    JOIN_BUCKETS,
    KIWI_CUTOFF,
    analyze,
    is_join,
    join_token,
    kiwi,
)
from newszone.search.query import parse


@pytest.mark.parametrize(
    "form", ["송영무는", "송영무가", "송영무와", "송영무의", "송영무"]
)
def test_korean_particles_are_dropped(form):
    assert "송영무" in analyze(f"{form} 터키를 방문했다").terms


def test_korean_endings_leave_the_stem():
    assert analyze("재개하기로 했다").terms[0] == "재개"
    assert "밝히다" in analyze("국방부는 이렇게 밝혔다.").terms


def test_compound_surface_and_parts():
    result = analyze("방산협력위원회를 재개했다")
    assert {"방산", "협력", "위원회"} <= set(result.terms)
    assert "방산협력위원회" in result.extras
    joined = ["방산", join_token("방산", "협력"), "협력"]
    assert parse("방산협력")[0] == [["방산협력"], joined]


@pytest.mark.parametrize(
    "text", ["방산협력을 논의했다", "방산 협력을 논의했다", "양국 방산 협력 강화"]
)
def test_nouns_of_a_compound_are_joined_glued_or_spaced(text):
    terms = analyze(text).terms
    i = terms.index("방산")
    assert terms[i : i + 3] == ["방산", join_token("방산", "협력"), "협력"]


@pytest.mark.parametrize(
    "text", ["방산은 협력을 논의했다", "방산, 협력", "K-9 자주포를", "국방부는 밝혔다"]
)
def test_no_join_after_a_particle_a_mark_or_a_latin_word(text):
    assert not any(is_join(t) for t in analyze(text).terms)


def test_join_tokens_are_few_and_stable():
    # 16,384 of them, so FTS5's vocabulary stays small; a hash that does not
    # change between processes (Python's own hash() of a str does).
    assert join_token("방산", "협력") == "j_07cf"
    nouns = ["국방", "방산", "협력", "위원회", "장관", "대통령", "미사일", "훈련"]
    tokens = {join_token(a, b) for a in nouns for b in nouns}
    assert all(0 <= int(t[2:], 16) <= JOIN_BUCKETS for t in tokens)
    assert join_token("협력", "방산") != join_token("방산", "협력")


def test_two_syllable_heads_of_long_nouns():
    assert "국방" in analyze("국방부는").extras


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("talks", "talk"),
        ("talked", "talk"),
        ("talking", "talk"),
        ("TALK", "talk"),
        ("Turkey's", "turkey"),
        ("Turkey’s", "turkey"),
    ],
)
def test_english_stemming_possessives_and_case(text, term):
    assert analyze(text).terms == [term]


def test_codes_and_numbers_stay_whole():
    assert analyze("K-9 howitzers since 2014").terms == [
        "k-9",
        "howitz",
        "sinc",
        "2014",
    ]
    assert analyze("K-9 자주포를").terms == ["k-9", "자주포"]


@pytest.mark.parametrize(
    "sentence",
    [
        "어제 열린 회의에서 {}는 새로운 계획을 발표했다고 국방부가 밝혔다.",
        "정부 관계자는 {}는 관련 예산을 늘리기로 했다.",
    ],
)
@pytest.mark.parametrize("word", ["송영무", "현무"])
def test_a_word_gives_the_same_terms_in_any_sentence(word, sentence):
    # Analysed with the whole sentence, Kiwi made 송 + 무 of 송영무는 here, so
    # the query 송영무 missed the story; each word is analysed alone now.
    assert analyze(word).terms == [word]
    assert word in analyze(sentence.format(word)).terms


@pytest.mark.parametrize(
    "text",
    [
        "방산협력위원회를 재개하기로 했다",
        "K-9 자주포를 도입했다",
        "Defense talks resumed",
    ],
)
def test_indexing_without_groups_gives_the_same_terms(text):
    full, bare = analyze(text), analyze(text, groups=False)
    assert (bare.terms, bare.extras, bare.groups) == (full.terms, full.extras, [])
    assert full.groups


def test_invisible_characters_do_not_split_words():
    assert analyze("송영무\u200b는").terms == ["송영무"]
    assert analyze("de\u200bfense").terms == ["defens"]
    words = [t for t in analyze("국방\u2028송영무").terms if not is_join(t)]
    assert words == ["국방", "송영무"]


def test_quoted_phrase_is_one_group():
    assert parse('"defense talks" turkey') == [[["defens", "talk"]], [["turkey"]]]


def test_hostile_text_becomes_plain_terms():
    groups = parse("NEAR(a b) * : ( \" ') OR 1=1; DROP TABLE x; --")
    for group in groups:
        for alt in group:
            for term in alt:
                assert all(ch.isalnum() or ch in "-.'" for ch in term), term


def test_kiwi_runs_with_the_narrower_beam():
    # The measured speed-up (bench/RESULTS.md) depends on this setting.
    assert kiwi().global_config.cutoff_threshold == KIWI_CUTOFF < 8.0
