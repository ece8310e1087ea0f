"""Copy-desk checks: each one caught and each false alarm avoided, the sample
story's damage exactly, the fixes, and the desk's panel and Apply fix button."""

import time

import pytest
from django.utils import translation
from django.utils.html import escape

from newszone.articles import services
from newszone.articles.copydesk import Finding, apply_fix, check_article, check_fields
from newszone.articles.forms import WORKING_FIELDS
from newszone.articles.models import Article, WorkingCopy
from newszone.core.html import sanitize_html
from newszone.demo.sample import SAMPLE_EN
from tests.factories import make_article, make_user
from tests.workflow.test_permission_matrix import change_form

EN_DASH = "\u2013"


def body_of(*paragraphs: str) -> str:
    """Paragraphs as the demo loader stores them: escaped, then sanitised."""
    return sanitize_html("".join(f"<p>{escape(p)}</p>" for p in paragraphs))


def sample_fields() -> dict:
    return {
        "headline": SAMPLE_EN["headline"],
        "alternate_headline": SAMPLE_EN["alternate_headline"],
        "deck": SAMPLE_EN["deck"],
        "body": body_of(*SAMPLE_EN["body"]),
    }


def codes(findings) -> list[str]:
    return [f.code for f in findings]


def body_findings(*paragraphs, language="en", code=None) -> list[Finding]:
    found = check_fields({"headline": "H", "body": body_of(*paragraphs)}, language)
    return [f for f in found if code is None or f.code == code]


# -- the sample story -------------------------------------------------------------


def test_sample_story_findings_exactly():
    found = check_fields(sample_fields(), "en")
    assert [(f.code, f.field, f.find, f.replace) for f in found] == [
        ("glued-words", "body", "KoreaTurkey", f"Korea{EN_DASH}Turkey"),
        (
            "find-replace",
            "body",
            "Republic of Korean President,",
            "South Korean President,",
        ),
        ("glued-words", "body", "KoreaU.S.", f"Korea{EN_DASH}U.S."),
        (
            "find-replace",
            "body",
            "Republic of Korean government's",
            "South Korean government's",
        ),
        ("find-replace", "body", "Republic of Korean Defense", "South Korean Defense"),
    ]
    assert codes(found).count("country-mismatch") == 0
    assert all(f.fixable and f.message and f.excerpt for f in found)
    assert "Republic of KoreaTurkey Summit" in found[0].excerpt
    assert len(found[0].excerpt) < 90


def test_sample_story_fixed_one_by_one_leaves_nothing():
    fields = sample_fields()
    while found := check_fields(fields, "en"):
        finding = found[0]
        fields[finding.field] = apply_fix(fields[finding.field], finding)
    assert (
        "Republic of Korea–Turkey Summit between South Korean President"
        in (fields["body"])
    )
    assert "North Korea–U.S. summits" in fields["body"]


def test_findings_are_deterministic_and_fast_enough_for_importers():
    fields = sample_fields()
    assert check_fields(fields, "en") == check_fields(dict(fields), "en")
    start = time.perf_counter()
    for _ in range(100):
        check_fields(fields, "en")
    # Well under 1 ms on a laptop; the bound is loose so a busy CI never fails.
    assert (time.perf_counter() - start) / 100 < 0.01


# -- glued words ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "find", "replace"),
    [
        ("the Republic of KoreaTurkey Summit", "KoreaTurkey", f"Korea{EN_DASH}Turkey"),
        ("North KoreaU.S. summits", "KoreaU.S.", f"Korea{EN_DASH}U.S."),
        ("JapanChina trade", "JapanChina", f"Japan{EN_DASH}China"),
        ("the U.S.Japan alliance", "U.S.Japan", f"U.S.{EN_DASH}Japan"),
        ("NATOTürkiye ties", "NATOTürkiye", f"NATO{EN_DASH}Türkiye"),
        ("the UNSecurity Council", "UNSecurity", "UN Security"),
        ("a KoreaSummit plan", "KoreaSummit", "Korea Summit"),
    ],
)
def test_glued_words_are_found(text, find, replace):
    (finding,) = check_fields({"headline": text}, "en")
    assert (finding.code, finding.field) == ("glued-words", "headline")
    assert (finding.find, finding.replace) == (find, replace)
    assert apply_fix(text, finding) == text.replace(find, replace)


@pytest.mark.parametrize(
    "text",
    [
        "iPhone sales in Korea",
        "YouTube, McDonald and MacArthur",
        "DeMarco posted on LinkedIn",
        "a PowerPoint deck",
        "UNESCO and USAID and the USSR",
        "NATO's summit, Korean firms, Koreans, Japanese",
        "Republic of Korea–Turkey, Korea/Japan, U.S.-China",
        "see www.ChinaDaily.com or @KoreaHerald or #KoreaTurkey",
        "SeoulTech and USAir",
        "PyeongChang, NorthKorea",
        "KOREA TURKEY TALKS",
    ],
)
def test_glued_words_leave_names_and_brands_alone(text):
    assert check_fields({"headline": text, "body": body_of(text)}, "en") == []


def test_glued_words_in_a_tag_attribute_are_not_touched():
    body = sanitize_html(
        '<p><a href="https://x.test/KoreaTurkey" title="KoreaTurkey">'
        "KoreaTurkey</a> talks</p>"
    )
    (finding,) = check_fields({"body": body}, "en")
    fixed = apply_fix(body, finding)
    assert f">Korea{EN_DASH}Turkey</a>" in fixed
    assert 'href="https://x.test/KoreaTurkey"' in fixed
    assert 'title="KoreaTurkey"' in fixed


# -- blind find-and-replace damage ---------------------------------------------------


def test_find_replace_suggests_south_korean_when_the_story_says_south_korea():
    found = check_fields(
        {
            "headline": "South Korea and Turkey",
            "body": body_of("The Republic of Koreans voted."),
        },
        "en",
    )
    assert [(f.code, f.find, f.replace) for f in found] == [
        ("find-replace", "Republic of Koreans voted.", "South Koreans voted.")
    ]
    assert "South Korea" in found[0].message


def test_find_replace_suggests_korean_when_the_story_never_says_south_korea():
    (finding,) = body_findings("The Republic of Korean President spoke.")
    assert (finding.find, finding.replace) == (
        "Republic of Korean President",
        "Korean President",
    )


@pytest.mark.parametrize(
    ("text", "replace"),
    [
        ("the Democratic People's Republic of Korean leader", "North Korean leader"),
        ("many United Statesns agree", "Americans agree"),
        ("U.S.n voters", "American voters"),
    ],
)
def test_find_replace_other_english_damage(text, replace):
    (finding,) = body_findings(text, code="find-replace")
    assert finding.replace == replace


def test_find_replace_in_korean():
    found = body_findings(
        "그는 대한민국어 교재와 대한민국전쟁 기록을 냈다.", language="ko"
    )
    assert [(f.find, f.replace) for f in found] == [
        ("대한민국어 교재와", "한국어 교재와"),
        ("대한민국전쟁 기록을", "한국전쟁 기록을"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "the Republic of Korea's navy and the Republic of Korea.",
        "the Democratic People's Republic of Korea and Korean firms",
        "the United States and American voters, the U.S. and U.S.-made",
        "대한민국 국민과 한국어 교재",
    ],
)
def test_find_replace_leaves_correct_names_alone(text):
    assert body_findings(text, language="xx") == []


# -- country mismatch -------------------------------------------------------------


def mismatch(headline, alternate):
    found = check_fields({"headline": headline, "alternate_headline": alternate}, "en")
    return [f for f in found if f.code == "country-mismatch"]


def test_country_mismatch_fires_and_offers_the_swap():
    (finding,) = mismatch("Korea–Japan talks", "Korea–Turkey talks")
    assert finding.field == "alternate_headline" and finding.fixable
    assert (finding.find, finding.replace) == (
        "Korea–Turkey talks",
        "Korea–Japan talks",
    )
    assert "Japan" in finding.message and "Turkey" in finding.message
    assert apply_fix("Korea–Turkey talks", finding) == "Korea–Japan talks"


def test_country_mismatch_in_korean_headlines():
    (finding,) = mismatch("한·일 국방장관 회담", "한·터키 국방장관 회담")
    assert finding.replace == "한·일 국방장관 회담"


def test_country_mismatch_without_a_clean_swap_has_no_one_click_fix():
    with translation.override("en"):
        (finding,) = mismatch("Korea, Japan and China meet", "Korea–Turkey talks")
    assert not finding.fixable and finding.find == finding.replace
    assert "no safe automatic fix" in finding.message
    with pytest.raises(ValueError):
        apply_fix("Korea–Turkey talks", finding)
    (compound,) = mismatch("한미 정상회담", "한·터키 정상회담")
    assert not compound.fixable


@pytest.mark.parametrize(
    ("headline", "alternate"),
    [
        (SAMPLE_EN["headline"], SAMPLE_EN["alternate_headline"]),
        ("ROK–Türkiye defense talks", "South Korea–Turkey defense talks"),
        ("한국·터키 국방장관 회담", "Republic of Korea–Turkey talks"),
        ("대한민국과 튀르키예", "남한·터키 회담"),
        ("DPRK missile test", "North Korea fires a missile"),
        ("북·미 정상회담", "North Korea–U.S. summit"),
        ("U.S. envoy in Seoul", "American envoy meets Korean officials"),
        ("Korea–Japan talks", "Japan talks"),  # a shorter alternate
        ("Korea–Japan talks", ""),
        ("Defense talks", "Talks in Ankara"),
        ("중·고교 교육 개편", "일본 교과서 논란"),  # 중·고 is not China
        ("Korean Peninsula peace", "North Korea talks"),
        ("Republic of KoreaTurkey talks", "South Korea–Turkey talks"),  # glued
        ("LET US TALK, SAYS KOREA", "Korea–Turkey talks"),  # all caps: no opinion
    ],
)
def test_country_mismatch_knows_aliases(headline, alternate):
    assert mismatch(headline, alternate) == []


# -- doubled spaces -----------------------------------------------------------------


def test_double_space_in_a_headline():
    (finding,) = check_fields({"headline": "Defense  talks in Turkey"}, "en")
    assert finding.code == "double-space"
    assert (finding.find, finding.replace) == ("Defense  talks", "Defense talks")


def test_double_space_with_non_breaking_spaces_in_the_body():
    body = sanitize_html("<p>Minister\u00a0\u00a0Song met\u00a0 Akar.</p>")
    found = check_fields({"body": body}, "en")
    assert [(f.find, f.replace) for f in found] == [
        ("Minister&nbsp;&nbsp;Song", "Minister Song"),
        ("met&nbsp; Akar.", "met Akar."),
    ]
    for finding in found:
        body = apply_fix(body, finding)
    assert body == "<p>Minister Song met Akar.</p>"


@pytest.mark.parametrize(
    "body",
    [
        "<p>One space only, and 10\u00a0km with one non-breaking space.</p>",
        "<p>  Leading spaces</p><p>trailing spaces  </p>",
        "<p>First.</p> <p>Second.</p>",
        "<p>A <strong>bold</strong> word</p>",
    ],
)
def test_double_space_leaves_single_spaces_and_paragraph_edges(body):
    assert check_fields({"body": sanitize_html(body)}, "en") == []


# -- stray interface text -------------------------------------------------------------


@pytest.mark.parametrize(
    "paragraph",
    [
        "게시물 검색 설정",
        "Print | Share | Font size",
        "이전 기사 다음 기사 목록",
        "<strong>로그인</strong> · 회원가입",
        "기사검색",
    ],
)
def test_interface_text_paragraphs_are_found(paragraph):
    body = sanitize_html(f"<p>The story.</p><p>{paragraph}</p>")
    (finding,) = check_fields({"body": body}, "en")
    assert finding.code == "interface-text" and finding.replace == ""
    assert finding.find.startswith("<p>") and finding.find.endswith("</p>")
    assert apply_fix(body, finding) == "<p>The story.</p>"


def test_interface_text_as_a_whole_deck_but_never_the_headline():
    found = check_fields({"headline": "Search", "deck": "로그인"}, "ko")
    assert [(f.code, f.field, f.find) for f in found] == [
        ("interface-text", "deck", "로그인")
    ]


@pytest.mark.parametrize(
    "paragraph",
    [
        "Print editions fell again this year.",
        "The minister said he would share the results and print them.",
        "검색 기능을 개선했다고 밝혔다.",
        "로그인 기록이 유출됐다는 의혹이 제기됐다.",
    ],
)
def test_interface_words_inside_sentences_are_prose(paragraph):
    assert body_findings(paragraph) == []


def test_nothing_else_is_reported_inside_an_interface_paragraph():
    body = sanitize_html("<p>Print  Share</p>")
    assert codes(check_fields({"body": body}, "en")) == ["interface-text"]


# -- apply_fix, order and duplicates ------------------------------------------------


def test_order_is_by_field_then_position_and_duplicates_merge():
    fields = {
        "body": body_of("JapanChina first.", "Then KoreaTurkey and KoreaTurkey."),
        "deck": "Deck  with space",
        "headline": "KoreaTurkey head",
    }
    found = check_fields(fields, "en")
    assert [(f.field, f.find) for f in found] == [
        ("headline", "KoreaTurkey"),
        ("deck", "Deck  with"),
        ("body", "JapanChina"),
        ("body", "KoreaTurkey"),
    ]
    fixed = apply_fix(fields["body"], found[-1])
    assert fixed.count(f"Korea{EN_DASH}Turkey") == 2  # every copy at once


def test_apply_fix_refuses_text_that_is_gone():
    (finding,) = check_fields({"headline": "KoreaTurkey talks"}, "en")
    with pytest.raises(ValueError):
        apply_fix("Korea–Turkey talks", finding)


# -- the desk ---------------------------------------------------------------------

DAMAGED_BODY = body_of(
    "The Republic of KoreaTurkey Summit went well.",
    "The Republic of Korean President spoke.",
)


@pytest.fixture
def story(db):
    article = make_article(
        published=False,
        headline="Korea–Turkey talks",
        alternate_headline="South Korea–Turkey talks",
        body=DAMAGED_BODY,
    )
    services.record_revision(article, None)
    Article.objects.filter(pk=article.pk).update(version=1)
    article.refresh_from_db()
    return article


@pytest.fixture
def desk(client):
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    return client


def change_url(article) -> str:
    return f"/desk/articles/article/{article.pk}/change/"


def fix_url(article) -> str:
    return f"/desk/articles/article/{article.pk}/copydesk-fix/"


def fix_post(finding: Finding, version: int) -> dict:
    return {"token": finding.token, "version": version}


def page_messages(response) -> list[str]:
    return [str(m) for m in response.context["messages"]]


def test_panel_lists_findings_with_apply_fix_buttons(desk, story):
    desk.force_login(make_user("editor"))
    page = desk.get(change_url(story)).content.decode()
    assert "Copy desk" in page
    for finding in check_article(story):
        assert escape(finding.message) in page
        assert f'value="{finding.token}"' in page
    assert page.count(">Apply fix</button>") == 2
    assert f'action="{fix_url(story)}"' in page
    assert "csrfmiddlewaretoken" in page


def test_panel_without_buttons_for_who_may_not_edit(desk, story):
    desk.force_login(make_user("reporter"))  # not their story
    page = desk.get(change_url(story)).content.decode()
    assert "Copy desk" in page and "Apply fix" not in page


def test_apply_fix_changes_exactly_one_thing_and_records_a_revision(desk, story):
    editor = make_user("editor")
    desk.force_login(editor)
    glued, damaged = check_article(story)
    response = desk.post(fix_url(story), fix_post(glued, 1), follow=True)
    assert response.redirect_chain[-1][0] == change_url(story)
    assert "Copy desk: “KoreaTurkey” is now “Korea–Turkey” in the body." in (
        page_messages(response)
    )
    story.refresh_from_db()
    assert story.body == DAMAGED_BODY.replace("KoreaTurkey", f"Korea{EN_DASH}Turkey")
    assert story.version == 2
    latest = story.revisions.order_by("-number").first()
    assert latest.number == 2 and latest.author == editor
    assert latest.note.startswith("Copy desk: ") and "KoreaTurkey" in latest.note
    assert check_article(story) == [damaged]


def test_a_stale_version_is_refused_and_nothing_changes(desk, story):
    desk.force_login(make_user("editor"))
    Article.objects.filter(pk=story.pk).update(version=2)  # someone else saved
    (glued, _damaged) = check_article(story)
    response = desk.post(fix_url(story), fix_post(glued, 1), follow=True)
    assert any("while you were editing" in m for m in page_messages(response))
    story.refresh_from_db()
    assert story.body == DAMAGED_BODY and story.revisions.count() == 1


def test_a_finding_that_is_gone_changes_nothing(desk, story):
    desk.force_login(make_user("editor"))
    (glued, _damaged) = check_article(story)
    Article.objects.filter(pk=story.pk).update(
        body=apply_fix(story.body, glued), version=2
    )
    response = desk.post(fix_url(story), fix_post(glued, 2), follow=True)
    assert any("no longer in the story" in m for m in page_messages(response))
    assert Article.objects.get(pk=story.pk).version == 2


def test_a_reporter_on_someone_elses_story_gets_403(desk, story):
    desk.force_login(make_user("reporter"))
    (glued, _damaged) = check_article(story)
    assert desk.post(fix_url(story), fix_post(glued, 1)).status_code == 403
    story.refresh_from_db()
    assert story.body == DAMAGED_BODY and story.version == 1


def test_unsaved_changes_are_not_swept_away_by_a_fix(desk, story):
    editor = make_user("editor")
    desk.force_login(editor)
    typed = {f: getattr(story, f) for f in WORKING_FIELDS}
    typed["headline"] = "Half-written headline"
    services.keep_working_copy(story, editor, typed, story.version)
    (glued, _damaged) = check_article(story)
    response = desk.post(fix_url(story), fix_post(glued, 1), follow=True)
    assert any("unsaved changes" in m for m in page_messages(response))
    story.refresh_from_db()
    assert story.body == DAMAGED_BODY
    assert WorkingCopy.objects.filter(article=story, user=editor).exists()


def test_get_is_refused(desk, story):
    desk.force_login(make_user("editor"))
    assert desk.get(fix_url(story)).status_code == 405


def test_findings_show_as_warnings_on_save(desk, story):
    desk.force_login(make_user("editor"))
    form = change_form(story, alternate_headline=story.alternate_headline)
    response = desk.post(change_url(story), form, follow=True)
    warnings = [m for m in page_messages(response) if m.startswith("Copy desk:")]
    assert len(warnings) == 2 and "KoreaTurkey" in warnings[0]
    story.refresh_from_db()
    assert story.body == DAMAGED_BODY  # pointed out, never fixed on save
