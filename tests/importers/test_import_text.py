"""``newszone import-text``: the sample page, idempotence, bad pages, dry runs."""

import io
import shutil
from datetime import datetime

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import DatabaseError
from django.utils import timezone
from django.utils.html import escape

from newszone.accounts.models import Reporter
from newszone.articles.models import Article, Revision, Status
from newszone.articles.services import kill_article
from newszone.audit.models import AuditEvent
from newszone.core.html import sanitize_html
from newszone.demo import loader, sample
from newszone.importers import text, writer
from newszone.taxonomy.models import Section, Tag
from tests.factories import make_reporter, make_section, make_user
from tests.shared_files import SAMPLES

SAMPLE = SAMPLES / "000_abd866bdb8930981.txt"

KOREAN_PAGE = """뉴스존

국방정책

한·터키 국방장관회담… 방산협력위원회 연내 재개 합의

송영무 국방부 장관은 6일 형제국 터키를 방문해 훌루시 아카르 터키 국방장관과 회담했다.

양측은 2014년 이후 중단된 방산협력위원회를 올해 안에 다시 열기로 합의했다.

맹수열 기자 < maeng@example.com >

<저작권자 © 국방일보, 무단전재 및 재배포 금지>

송영무 장관, 터키 국방장관과 회담
게시물 검색 설정
"""


def run(*args, **options) -> str:
    out = io.StringIO()
    call_command("import-text", *map(str, args), stdout=out, **options)
    return out.getvalue()


def run_failing(*args, **options) -> tuple[str, CommandError]:
    out = io.StringIO()
    with pytest.raises(CommandError) as caught:
        call_command("import-text", *map(str, args), stdout=out, **options)
    return out.getvalue(), caught.value


@pytest.fixture
def demo_desk(db):
    """The demo's sections and reporters (what a paper has before importing)."""
    loader.load_sections({"sections": 0})
    loader.load_reporters({"reporters": 0})


@pytest.fixture
def pages(tmp_path):
    folder = tmp_path / "pages"
    folder.mkdir()
    shutil.copy(SAMPLE, folder / SAMPLE.name)
    (folder / "ko-001.txt").write_text(KOREAN_PAGE, encoding="utf-8")
    return folder


def test_the_sample_page_imports_as_the_demo_shows_it(demo_desk):
    output = run(SAMPLE)

    article = Article.objects.get(source_key="text:000_abd866bdb8930981")
    expected_body = "".join(f"<p>{escape(p)}</p>" for p in sample.SAMPLE_EN["body"])
    assert article.body == sanitize_html(expected_body)  # as the demo stores it
    assert article.headline == sample.SAMPLE_EN["headline"]
    assert article.alternate_headline == sample.SAMPLE_EN["alternate_headline"]
    assert article.copyright_line == sample.SAMPLE_EN["copyright_line"]
    assert article.deck == ""
    assert article.language == "en"
    assert article.section.slug == "photo-news"
    assert article.section.parent.slug == "news-zone"
    assert [r.slug for r in article.ordered_reporters] == ["maeng-su-yeol"]
    assert article.status == Status.DRAFT
    assert Reporter.objects.count() == 7  # matched, not created
    assert Section.objects.count() == 11
    assert article.revisions.get().note.startswith("import-text: imported from")
    # The damage is pointed out, not fixed.
    assert output.count("warning [glued-words]") == 2
    assert output.count("warning [find-replace]") == 3
    assert "KoreaTurkey" in article.body
    assert "“게시물 검색 설정”" in output
    assert "created 1, updated 0, unchanged 0, skipped 0, failed 0" in output


def test_a_korean_page(demo_desk, pages):
    run(pages / "ko-001.txt")

    article = Article.objects.get(source_key="text:ko-001")
    assert article.language == "ko"
    assert article.headline == "한·터키 국방장관회담… 방산협력위원회 연내 재개 합의"
    assert article.alternate_headline == "송영무 장관, 터키 국방장관과 회담"
    assert article.copyright_line == "저작권자 © 국방일보, 무단전재 및 재배포 금지"
    assert article.section.slug == "defense-policy"  # matched by its Korean name
    assert article.body.count("<p>") == 2
    (reporter,) = article.ordered_reporters
    assert reporter.slug == "maeng-su-yeol"  # matched by name 맹수열
    assert reporter.email == ""  # matching never rewrites a reporter


def test_unknown_reporter_and_section_are_created_under_the_navigation(db, pages):
    run(pages / "ko-001.txt")

    article = Article.objects.get()
    assert article.section.name_ko == "국방정책"
    assert article.section.parent.name_ko == "뉴스존"
    (reporter,) = article.ordered_reporters
    assert (reporter.name_ko, reporter.email) == ("맹수열", "maeng@example.com")
    assert reporter.slug == "maeng"  # ASCII address from the e-mail


def test_importing_again_changes_nothing_and_a_changed_page_updates(demo_desk, pages):
    run(pages)
    first = {a.source_key: a for a in Article.objects.all()}
    events = AuditEvent.objects.count()

    output = run(pages)

    assert "created 0, updated 0, unchanged 2" in output
    assert Article.objects.count() == 2
    assert Revision.objects.count() == 2
    assert AuditEvent.objects.count() == events
    for article in Article.objects.all():
        assert article.version == first[article.source_key].version
        assert article.updated_at == first[article.source_key].updated_at

    page = pages / SAMPLE.name
    page.write_text(page.read_text().replace("On August 6", "On Aug. 6"))
    output = run(pages)

    assert "created 0, updated 1, unchanged 1" in output
    article = Article.objects.get(source_key="text:000_abd866bdb8930981")
    assert article.pk == first[article.source_key].pk
    assert "On Aug. 6" in article.body
    assert article.version == 2
    latest = article.revisions.order_by("-number").first()
    assert latest.number == 2 and "imported again" in latest.note


def test_one_bad_page_is_reported_and_the_rest_go_in(demo_desk, pages):
    (pages / "broken.txt").write_text("Just a headline\n\nNo byline. No copyright.\n")
    (pages / "binary.txt").write_bytes(b"\x00\x01\xff\xfe" * 10)

    output, error = run_failing(pages)

    assert error.returncode == 1
    assert "2 of 4 items failed" in str(error)
    assert "broken.txt: FAILED" in output and "no copyright line" in output
    assert "binary.txt: FAILED" in output
    assert Article.objects.count() == 2


def test_byline_problems_name_the_line(tmp_path, db):
    page = tmp_path / "p.txt"
    page.write_text(
        "Section\n\nHeadline\n\nA paragraph.\n\nWritten by nobody\n\n<Copyright X>\n"
    )
    output, _error = run_failing(page, section=make_section().slug)
    assert "line 7: not a byline" in output


def test_dry_run_writes_nothing(demo_desk, pages):
    before = (Article.objects.count(), Reporter.objects.count(), Tag.objects.count())

    output = run(pages, dry_run=True)

    assert "would be created" in output
    assert output.startswith(str(pages)) or "dry run, nothing written" in output
    assert "dry run, nothing written" in output
    after = (Article.objects.count(), Reporter.objects.count(), Tag.objects.count())
    assert before == after
    assert not Revision.objects.exists()


def test_dry_run_tells_what_an_update_would_change(demo_desk, pages):
    run(pages)
    page = pages / "ko-001.txt"
    page.write_text(page.read_text().replace("회담했다", "회담을 했다"))

    output = run(pages, dry_run=True)

    assert "ko-001.txt: would be updated" in output and "changes body" in output
    assert "회담했다" in Article.objects.get(source_key="text:ko-001").body


def test_published_with_a_date_goes_public(demo_desk, client):
    run(SAMPLE, status="published", published_at="2018-08-06")

    article = Article.objects.get()
    assert article.status == Status.PUBLISHED
    assert timezone.localtime(article.published_at).date().isoformat() == "2018-08-06"
    assert article.updated_at == article.published_at  # not "updated today"
    page = client.get(article.get_absolute_url())
    assert page.status_code == 200
    assert "Su-Yeol, Maeng" in page.content.decode()


def test_published_needs_a_date(demo_desk):
    output, _error = run_failing(SAMPLE, status="published")
    assert "give --published-at" in output
    assert not Article.objects.exists()


def test_options_override_the_page(demo_desk, pages):
    run(pages / "ko-001.txt", section="opinion", language="en")
    article = Article.objects.get()
    assert (article.section.slug, article.language) == ("opinion", "en")


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"section": "nowhere"}, "No section “nowhere”"),
        ({"published_at": "6 August"}, "is not a date"),
    ],
)
def test_bad_options_are_refused(demo_desk, options, message):
    with pytest.raises(CommandError, match=message):
        run(SAMPLE, **options)
    assert not Article.objects.exists()


def test_missing_path_is_refused(db, tmp_path):
    with pytest.raises(CommandError, match="Not found"):
        run(tmp_path / "nothing-here")


def test_a_killed_story_is_not_brought_back(demo_desk, pages):
    page = pages / SAMPLE.name
    run(page, status="published", published_at="2018-08-06")
    article = Article.objects.get()
    kill_article(article, make_user("chief"), note="legal")
    page.write_text(page.read_text().replace("On August 6", "On Aug. 6"))

    output = run(page, published_at="2018-08-06", status="published")

    assert "skipped" in output and "killed" in output
    assert Article.objects.get().status == Status.KILLED


def test_two_pages_with_one_name_are_not_merged(demo_desk, tmp_path):
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        shutil.copy(SAMPLE, tmp_path / folder / "same.txt")
    output, _error = run_failing(tmp_path)
    assert "same page name as" in output
    assert Article.objects.count() == 1


def test_each_item_is_atomic_when_a_batch_fails(db, pages, monkeypatch):
    """A database error in one item: the batch is retried item by item, the
    bad item leaves nothing behind (not even the reporter it created)."""
    real_one, real_batch = writer.record, writer.audit_batch

    def refuse_korean(articles):
        if any(a.language == "ko" for a in articles):
            raise DatabaseError("disk I/O error")

    def one(action, actor, article, **kwargs):
        refuse_korean([article])
        return real_one(action, actor, article, **kwargs)

    def batch(articles, *args):
        refuse_korean(articles)
        return real_batch(articles, *args)

    monkeypatch.setattr(writer, "record", one)
    monkeypatch.setattr(writer, "audit_batch", batch)

    output, _error = run_failing(pages, batch_size=10)

    assert "ko-001.txt: FAILED" in output and "disk I/O error" in output
    assert list(Article.objects.values_list("language", flat=True)) == ["en"]
    assert not Reporter.objects.filter(name_ko="맹수열").exists()
    assert not Section.objects.filter(name_ko="국방정책").exists()


def test_interface_lines_above_the_headline_are_dropped(tmp_path):
    page = tmp_path / "p.txt"
    page.write_text("로그인\n\n회원가입\n\n" + KOREAN_PAGE, encoding="utf-8")
    item = text.read_file(page)
    assert (item.section.name, item.section.parent) == ("국방정책", "뉴스존")
    assert item.dropped_lines == ["로그인", "회원가입", "게시물 검색 설정"]


@pytest.mark.parametrize(
    "headline",
    ["Will the defense talks resume?", 'Minister: "We will cooperate"', "Talks go on!"],
)
def test_headlines_may_ask_quote_or_exclaim(tmp_path, headline):
    page = tmp_path / "p.txt"
    page.write_text(SAMPLE.read_text().replace(sample.SAMPLE_EN["headline"], headline))
    item = text.read_file(page)
    assert item.headline == headline
    assert (item.section.name, item.section.parent) == ("Photo News", "News Zone")


def test_the_parser_alone(pages):
    items = list(text.read_paths([pages]))
    assert [i.source_key for i in items] == ["text:000_abd866bdb8930981", "text:ko-001"]
    ko = items[1]
    assert ko.reporters[0].name == "맹수열" and ko.reporters[0].language == "ko"
    assert ko.dropped_lines == ["게시물 검색 설정"]
    assert ko.section.name == "국방정책" and ko.section.parent == "뉴스존"


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("By Su-Yeol, Maeng < >", ["Su-Yeol, Maeng"]),
        (
            "By Ji-eun, Lee and Min-ho, Park < jelee@example.com >",
            ["Ji-eun, Lee", "Min-ho, Park"],
        ),
        ("이지은·박민호 기자 < jelee@example.com >", ["이지은", "박민호"]),
        ("맹수열 기자", ["맹수열"]),
    ],
)
def test_bylines(line, names):
    refs = text.byline([(1, line)])
    assert [r.name for r in refs] == names


def test_cp949_pages_are_read():
    page = KOREAN_PAGE.replace("©", "ⓒ")  # what CP949 pages used
    assert text.decode(page.encode("cp949")) == page


def test_progress_bar_draws_on_a_terminal_only(pages, db):
    class Terminal(io.StringIO):
        def isatty(self):
            return True

    screen, piped = Terminal(), io.StringIO()
    options = writer.RunOptions(section=make_section(), language="en")
    writer.run_import(
        text.read_paths([pages]), options, total=2, progress_stream=screen
    )
    assert "2/2" in screen.getvalue() and "100%" in screen.getvalue()
    options.dry_run = True
    writer.run_import(text.read_paths([pages]), options, total=2, progress_stream=piped)
    assert piped.getvalue() == ""


def test_naive_published_at_is_local_time():
    from newszone.importers.command import parse_when

    moment = parse_when("2018-08-06T09:30")
    assert timezone.localtime(moment).replace(tzinfo=None) == datetime(
        2018, 8, 6, 9, 30
    )


def test_existing_reporter_matched_by_email_first(db, pages):
    make_reporter(slug="someone", name_ko="다른이름", email="maeng@example.com")
    run(pages / "ko-001.txt")
    assert Article.objects.get().ordered_reporters[0].slug == "someone"


def test_bodies_are_sanitised_on_the_bulk_path_and_the_guard_holds(db):
    from newszone.importers.items import ImportItem

    item = ImportItem(
        source_key="t:1",
        origin="t",
        headline="H",
        language="en",
        body_html='<p onclick="x()">ok</p><script>alert(1)</script>',
    )
    writer.run_import([item], writer.RunOptions(section=make_section()))
    assert Article.objects.get().body == "<p>ok</p>"

    # The skip applies only to the very string that was cleaned.
    article = Article.objects.get()
    article._clean_body = article.body
    article.body = "<p>ok</p><script>alert(2)</script>"
    article.save()
    article.refresh_from_db()
    assert article.body == "<p>ok</p>"


def test_rows_written_in_bulk_read_back_as_the_orm_writes_them(demo_desk, pages):
    """On PostgreSQL the bulk path is COPY with ids from the sequence."""
    run(pages)
    for article in Article.objects.all():
        revision = article.revisions.get()
        assert revision.data["headline"] == article.headline
        assert revision.data["reporters"] == [r.pk for r in article.ordered_reporters]
        assert article.created_at is not None and article.version == 1
        assert article.body.startswith("<p>")
    later = Article.objects.create(
        section=Section.objects.first(), headline="After the import"
    )
    assert later.pk > max(a.pk for a in Article.objects.exclude(pk=later.pk))


@pytest.mark.parametrize(
    "problem",
    [
        {"tags": ["x" * 61]},
        {"language": "fr"},
        {"status": "killed"},
    ],
    ids=["tag-too-long", "unknown-language", "status"],
)
def test_a_refused_item_leaves_no_reporter_or_section_behind(db, problem):
    """Every check runs before the resolver makes a row for the item."""
    from newszone.importers.items import ImportItem, ReporterRef, SectionRef

    fields = {
        "source_key": "t:refused",
        "origin": "refused.txt",
        "headline": "H",
        "language": "en",
        "body_html": "<p>Body.</p>",
        "section": SectionRef(name="Brand New Section", parent="Brand New Parent"),
        "reporters": [ReporterRef(name="Brand New, Reporter", email="new@x.com")],
    }
    item = ImportItem(**{**fields, **problem})
    report = writer.run_import([item], writer.RunOptions())
    assert report.failed == 1
    assert not Section.objects.exists()
    assert not Reporter.objects.exists()
    assert not Tag.objects.exists() and not Article.objects.exists()
