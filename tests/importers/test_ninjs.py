"""ninjs in and out: the parser on hand-written 1.x and 2.x items, and the
export of a whole desk, validated by IPTC's schema and read back."""

import io
import json
from datetime import UTC, datetime, timedelta
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from jsonschema import Draft202012Validator, FormatChecker

from newszone.articles.models import Article, ArticlePhoto, Correction, Status
from newszone.articles.services import link_translations
from newszone.importers.items import Failure, ImportItem
from newszone.importers.ninjs import read_paths
from newszone.importers.ninjs_schemas import SHIPPED, SchemasMissing
from newszone.publication.models import Publication
from tests.factories import (
    image_bytes,
    make_article,
    make_photo,
    make_reporter,
    make_section,
)
from tests.shared_files import STANDARDS

SCHEMA = STANDARDS / "ninjs" / "ninjs-schema_2.3.json"


def write(folder: Path, name: str, data) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    text = data if isinstance(data, str) else json.dumps(data, ensure_ascii=False)
    path.write_text(text, encoding="utf-8")
    return path


def read(*paths) -> list:
    return list(read_paths(paths))


def only(*paths):
    (result,) = read(*paths)
    return result


# -- the parser ------------------------------------------------------------------

KOREAN_2X = {
    "uri": "urn:newsml:agency.example:20260301:ko-1",
    "standard": {"name": "ninjs", "version": "2.3"},
    "type": "text",
    "pubstatus": "usable",
    "language": "ko-KR",
    "firstcreated": "2026-03-01T09:00:00+09:00",
    "versioncreated": "2026-03-01T10:30:00+09:00",
    "copyrightnotice": "저작권자 © 연합통신",
    "headlines": [
        {"role": "alternate", "value": "K-9 수출 확대"},
        {"role": "main", "value": "튀르키예서 방산 협력 논의"},
    ],
    "descriptions": [
        {"role": "summary", "value": "국방부는 양국이 협력하기로 했다고 밝혔다."},
        {"role": "correction", "value": "이름을 바로잡습니다."},
    ],
    "bodies": [
        {"role": "main", "contenttype": "text/html", "value": "<p>첫 문단.</p>"}
    ],
    "people": [
        {
            "name": "맹수열",
            "rel": "author",
            "contactinfo": [{"type": "email", "value": "maeng@example.com"}],
        },
        {"name": "Hulusi Akar", "rel": "about"},
    ],
    "by": "맹수열 기자",
    "subjects": [
        {"name": "국방", "rel": "section", "literal": "defense"},
        {"name": "K-9", "rel": "keyword"},
        {"name": "방산", "rel": "keyword"},
    ],
    "genres": [{"name": "분석", "literal": "analysis"}],
    "associations": [
        {
            "name": "picture1",
            "uri": "urn:newsml:agency.example:photo-1",
            "type": "picture",
            "by": "연합통신",
            "people": [{"name": "이지은", "rel": "photographer"}],
            "descriptions": [
                {"role": "caption", "value": "회담 장면"},
                {"role": "alt", "value": "두 장관이 악수하는 모습"},
            ],
            "renditions": [
                {"name": "web", "href": "https://cdn.example/1.jpg"},
                {"name": "original", "href": "pics/photo%201.jpg"},
            ],
        },
        {
            "name": "picture2",
            "uri": "urn:newsml:agency.example:photo-2",
            "type": "picture",
            "renditions": [{"name": "web", "href": "https://cdn.example/2.jpg"}],
        },
    ],
}

ENGLISH_1X = {
    "uri": "http://wire.example/2026/03/01/defense-talks",
    "$standard": {"name": "ninjs", "version": "1.7"},
    "type": "text",
    "language": "en-GB",
    "versioncreated": "2026-03-01T01:00:00Z",
    "copyrightholder": "Wire Example Ltd",
    "headline": "Defense talks in Türkiye",
    "description_text": "Ministers agreed to expand cooperation.",
    "body_text": "Ministers met in Ankara.\n\nThey spoke of K-9 & <radar>.\n",
    "byline": "By Jane Doe and Su-Yeol, Maeng",
    "subject": [{"name": "Defence", "code": "medtop:11000000"}],
    "genre": [{"name": "Feature", "code": "feature"}],
    "associations": {
        "featureimage": {
            "uri": "http://wire.example/photos/1",
            "type": "picture",
            "byline": "Photo: Wire Example",
            "description_text": "Ministers in Ankara.",
            "renditions": {"original": {"href": "photo.png"}},
        }
    },
}


def test_a_korean_2x_story(tmp_path):
    (tmp_path / "pics").mkdir()
    (tmp_path / "pics" / "photo 1.jpg").write_bytes(image_bytes())
    item = only(write(tmp_path, "ko.json", KOREAN_2X))
    assert isinstance(item, ImportItem)
    assert item.source_key == "ninjs:urn:newsml:agency.example:20260301:ko-1"
    assert item.origin == "ko.json"
    assert (item.headline, item.alternate_headline) == (
        "튀르키예서 방산 협력 논의",
        "K-9 수출 확대",
    )
    assert item.body_html == "<p>첫 문단.</p>"
    assert item.deck == "국방부는 양국이 협력하기로 했다고 밝혔다."
    assert item.language == "ko"
    assert item.copyright_line == "저작권자 © 연합통신"
    assert item.article_type == "analysis"
    assert item.published_at == datetime(2026, 3, 1, 0, 0, tzinfo=UTC)
    assert item.published_at.utcoffset() is not None
    assert item.status == ""
    assert [(r.name, r.email, r.language) for r in item.reporters] == [
        ("맹수열", "maeng@example.com", "ko")
    ]
    assert (item.section.name, item.section.slug) == ("국방", "defense")
    assert item.tags == ["K-9", "방산"]
    (photo,) = item.photos
    assert photo.path == (tmp_path / "pics" / "photo 1.jpg").resolve()
    assert photo.source_key == "ninjs:urn:newsml:agency.example:photo-1"
    assert (photo.caption, photo.alt_text) == ("회담 장면", "두 장관이 악수하는 모습")
    assert (photo.credit, photo.creator) == ("연합통신", "이지은")
    # Kept out, but reported: the correction, the picture with no local file.
    assert item.notes == [
        "correction not imported: 이름을 바로잡습니다.",
        "picture urn:newsml:agency.example:photo-2: no local file, not imported",
    ]


def test_an_english_1x_story(tmp_path):
    (tmp_path / "photo.png").write_bytes(image_bytes("PNG"))
    item = only(write(tmp_path, "en.json", ENGLISH_1X))
    assert item.source_key == "ninjs:http://wire.example/2026/03/01/defense-talks"
    assert item.headline == "Defense talks in Türkiye"
    # Plain text: one escaped paragraph per line.
    assert item.body_html == (
        "<p>Ministers met in Ankara.</p><p>They spoke of K-9 &amp; &lt;radar&gt;.</p>"
    )
    assert item.deck == "Ministers agreed to expand cooperation."
    assert item.language == "en"
    assert item.copyright_line == "© Wire Example Ltd"
    assert item.article_type == "feature"
    assert item.published_at == datetime(2026, 3, 1, 1, 0, tzinfo=UTC)
    # "and" divides names; a comma does not ("Su-Yeol, Maeng" is one name).
    assert [(r.name, r.language) for r in item.reporters] == [
        ("Jane Doe", "en"),
        ("Su-Yeol, Maeng", "en"),
    ]
    assert item.section is None
    assert item.tags == ["Defence"]
    (photo,) = item.photos
    assert photo.path == (tmp_path / "photo.png").resolve()
    assert (photo.caption, photo.credit) == (
        "Ministers in Ankara.",
        "Photo: Wire Example",
    )


def test_the_version_comes_from_the_marker_else_from_the_shape(tmp_path):
    # "$schema" names 1.6 (and is not itself refused by the schema).
    marked = {"$schema": "http://www.iptc.org/std/ninjs/ninjs-schema_1.6.json"}
    marked |= {"uri": "urn:x:1", "headline": "Marked 1.6"}
    # No marker: 1.x by its fields, 2.x by its arrays.
    shaped_1 = {"uri": "urn:x:2", "headline": "Shaped 1.x", "byline": "김기자 기자"}
    # (GeoJSON refers to geojson.org's schema: resolved offline, as anything.)
    place = {"name": "Ankara", "geojson": {"type": "Point", "coordinates": [32, 39]}}
    shaped_2 = {"uri": "urn:x:3", "headlines": [{"value": "Shaped 2.x"}]}
    shaped_2["places"] = [place]
    # A 2.x item that says so but carries a 1.x field is refused, by 2.3's rules.
    mixed = {"uri": "urn:x:4", "standard": {"version": "2.3"}, "headline": "Mixed"}
    unknown = {"uri": "urn:x:5", "standard": {"version": "3.0"}}
    results = read(
        write(tmp_path, "f.json", [marked, shaped_1, shaped_2, mixed, unknown])
    )
    assert [r.headline for r in results[:3]] == [
        "Marked 1.6",
        "Shaped 1.x",
        "Shaped 2.x",
    ]
    assert [(r.name, r.language) for r in results[1].reporters] == [("김기자", "ko")]
    assert results[2].language == ""  # left for the writer to detect
    assert isinstance(results[3], Failure)
    assert "not valid ninjs 2.3" in results[3].reason
    assert "'headline' was unexpected" in results[3].reason
    assert results[4].reason == "urn:x:5: ninjs 3.0 is not supported"


def test_an_array_names_each_item(tmp_path):
    items = [
        {"uri": "urn:x:1", "headlines": [{"role": "main", "value": "하나"}]},
        {"uri": "urn:x:2", "headline": "Two"},
        "not an object",
    ]
    results = read(write(tmp_path, "feed.json", items))
    assert [r.origin for r in results] == [
        "feed.json:item 1",
        "feed.json:item 2",
        "feed.json:item 3",
    ]
    assert [r.headline for r in results[:2]] == ["하나", "Two"]
    assert isinstance(results[2], Failure)


def test_invalid_json_names_the_line_and_column(tmp_path):
    failure = only(
        write(tmp_path, "bad.json", '{\n  "uri": "urn:x:1",\n  "headline" \n}')
    )
    assert failure == Failure(
        "bad.json:line 4 column 1", "invalid JSON: Expecting ':' delimiter"
    )


def test_a_schema_invalid_item_names_itself_and_the_first_error(tmp_path):
    broken_2x = {**KOREAN_2X, "urgency": 12}
    broken_1x = {**ENGLISH_1X, "body_html": 7}
    bad_date = {"uri": "urn:x:9", "headline": "Dated", "versioncreated": "1 March"}
    no_uri = {"headline": "Nameless"}
    results = read(
        write(tmp_path, "bad.json", [broken_2x, broken_1x, bad_date, no_uri])
    )
    assert all(isinstance(r, Failure) for r in results)
    assert results[0].reason == (
        "urn:newsml:agency.example:20260301:ko-1: not valid ninjs 2.3: "
        "$.urgency: 12 is greater than the maximum of 9"
    )
    assert results[1].reason == (
        "http://wire.example/2026/03/01/defense-talks: not valid ninjs 1.7: "
        "$.body_html: 7 is not of type 'string'"
    )
    assert "$.versioncreated: '1 March' is not a 'date-time'" in results[2].reason
    assert results[3].reason.startswith("an item without uri: not valid ninjs 1.7")
    assert "'uri' is a required property" in results[3].reason


def test_what_is_not_a_text_story_is_refused(tmp_path):
    picture = {"uri": "urn:x:p", "type": "picture", "headline": "A photo"}
    headless = {"uri": "urn:x:h", "type": "text", "bodies": [{"value": "본문"}]}
    results = read(write(tmp_path, "f.json", [picture, headless]))
    assert [r.reason for r in results] == [
        "urn:x:p: not a text story (type picture)",
        "urn:x:h: not a text story (no headline)",
    ]


def test_pubstatus_and_embargo_decide_the_status(tmp_path):
    later = (timezone.now() + timedelta(days=1)).isoformat()
    earlier = (timezone.now() - timedelta(days=1)).isoformat()
    base = {"headlines": [{"value": "Story"}]}
    items = [
        {**base, "uri": "urn:x:canceled", "pubstatus": "canceled"},
        {**base, "uri": "urn:x:withheld", "pubstatus": "withheld"},
        {**base, "uri": "urn:x:embargoed", "embargoed": later},
        {**base, "uri": "urn:x:lifted", "embargoed": earlier},
    ]
    canceled, withheld, embargoed, lifted = read(write(tmp_path, "f.json", items))
    assert canceled.reason == "urn:x:canceled: canceled by its source, not imported"
    assert withheld.status == "draft"
    assert embargoed.status == "draft"
    assert embargoed.notes == [f"embargoed until {later}: imported as a draft"]
    assert lifted.status == ""


def test_folders_are_walked_in_order(tmp_path):
    write(tmp_path, "b/2.json", {"uri": "urn:x:2", "headline": "Two"})
    write(tmp_path, "a.json", {"uri": "urn:x:1", "headline": "One"})
    write(tmp_path, "b/notes.txt", "not ninjs")
    results = read(tmp_path, tmp_path / "missing.json")
    assert [r.origin for r in results] == [
        "a.json",
        "b/2.json",
        str(tmp_path / "missing.json"),
    ]
    assert results[2].reason == "no such file or folder"


def test_a_long_uri_gets_a_short_stable_key(tmp_path):
    uri = "urn:x:" + "y" * 300
    item = only(write(tmp_path, "f.json", {"uri": uri, "headline": "Long"}))
    assert item.source_key.startswith("ninjs:sha256:") and len(item.source_key) < 200


def test_the_shipped_schemas_are_the_shared_ones():
    for version in ("1.6", "1.7", "2.2", "2.3"):
        name = f"ninjs-schema_{version}.json"
        assert (SHIPPED / name).read_bytes() == (
            STANDARDS / "ninjs" / name
        ).read_bytes()


def test_missing_schemas_are_a_clear_error(tmp_path, monkeypatch):
    monkeypatch.setenv("NEWSZONE_STANDARDS_DIR", str(tmp_path))
    with pytest.raises(SchemasMissing, match="ninjs-schema_2.3.json"):
        read(tmp_path)


# -- the export ------------------------------------------------------------------

# Formats asserted as the API tests do: RFC 3339 times with a zone, absolute URIs.
FORMATS = FormatChecker()


@FORMATS.checks("date-time", raises=ValueError)
def is_date_time(value):
    return "T" in value and datetime.fromisoformat(value).tzinfo is not None


@FORMATS.checks("uri")
def is_uri(value):
    return bool(urlsplit(value).scheme) and not any(c.isspace() for c in value)


@pytest.fixture(scope="module")
def schema():
    return json.loads(SCHEMA.read_text())


@pytest.fixture
def desk(db):
    """A Korean photo story and its English translation, a subsection, and a
    story in every other state."""
    Publication.objects.create(pk=1, copyright_en="© Newszone (test)")
    news = make_section("news", name_en="News", name_ko="뉴스")
    defense = make_section("defense", parent=news, name_en="Defense", name_ko="국방")
    maeng = make_reporter(
        slug="maeng",
        name_ko="맹수열",
        name_en="Su-Yeol, Maeng",
        email="maeng@example.com",
    )
    korean = make_article(
        section=defense,
        language="ko",
        headline="튀르키예서 방산 협력 논의",
        alternate_headline="K-9 수출 확대",
        deck="국방부는 양국이 협력하기로 했다고 밝혔다.",
        body="<p>첫 문단입니다 &amp; 계속.</p><p>둘째 문단.</p>",
        reporters=[maeng, make_reporter(name_ko="김기자")],
        tags=["K-9", "방산"],
        article_type="analysis",
        copyright_line="저작권자 © 뉴스존",
    )
    shared = make_photo(creator="이지은", caption="회담")
    ArticlePhoto.objects.create(article=korean, photo=shared, caption="회담 장면")
    ArticlePhoto.objects.create(article=korean, photo=make_photo(), position=1)
    Correction.objects.create(article=korean, text="이름을 바로잡습니다.")
    english = make_article(
        section=defense,
        headline="Defense talks in Türkiye",
        reporters=[maeng],
        tags=["K-9"],
    )
    ArticlePhoto.objects.create(article=english, photo=shared)
    link_translations(korean, english)
    draft = make_article(section=news, published=False, headline="Draft", deck="")
    killed = make_article(section=news, headline="Killed")
    scheduled = make_article(section=news, published=False, headline="Scheduled")
    later = timezone.now() + timedelta(hours=3)
    Article.objects.filter(pk=killed.pk).update(status=Status.KILLED)
    Article.objects.filter(pk=scheduled.pk).update(
        status=Status.SCHEDULED, publish_at=later, embargo_until=later
    )
    return {
        "korean": korean,
        "english": english,
        "draft": draft,
        "killed": killed,
        "scheduled": scheduled,
    }


def export(target: Path, *args) -> str:
    out = io.StringIO()
    call_command("export-ninjs", str(target), *args, stdout=out)
    return out.getvalue()


def test_every_file_is_valid_ninjs_2_3(desk, schema, tmp_path):
    report = export(tmp_path / "out", "--base-url", "https://news.example.com")
    assert "Exported 5 articles and 2 photos" in report
    files = sorted((tmp_path / "out" / "articles").glob("*.json"))
    assert {f.stem for f in files} == {str(a.pk) for a in desk.values()}
    plain = Draft202012Validator(schema)
    strict = Draft202012Validator(schema, format_checker=FORMATS)
    for file in files:
        item = json.loads(file.read_text())
        assert not list(plain.iter_errors(item)), file
        # Asserting formats, the only complaint is the relative photo path
        # (a URI reference, by design: the folder can be moved).
        for error in strict.iter_errors(item):
            assert error.validator == "format", error.message
            assert error.instance.startswith("../photos/"), error.message
        assert item["uri"].startswith("https://news.example.com/api/v1/articles/")
    assert not list((tmp_path / "out").rglob(".*"))  # no temporary files left


def test_states_and_embargo_are_kept(desk, tmp_path):
    export(tmp_path)

    def item(name):
        return json.loads((tmp_path / "articles" / f"{desk[name].pk}.json").read_text())

    assert item("korean")["pubstatus"] == "usable"
    assert item("draft")["pubstatus"] == "withheld"
    assert item("killed")["pubstatus"] == "canceled"
    scheduled = item("scheduled")
    assert scheduled["pubstatus"] == "withheld" and "embargoed" in scheduled


def test_photos_are_copied_and_linked(desk, tmp_path):
    export(tmp_path)
    korean = json.loads(
        (tmp_path / "articles" / f"{desk['korean'].pk}.json").read_text()
    )
    pictures = [a for a in korean["associations"] if a["type"] == "picture"]
    for association, use in zip(pictures, desk["korean"].ordered_photos, strict=True):
        original = association["renditions"][0]
        assert original["name"] == "original"
        assert original["href"] == f"../photos/{use.photo.pk}.jpg"
        copied = tmp_path / "photos" / f"{use.photo.pk}.jpg"
        assert copied.read_bytes() == original_bytes(use.photo)


def test_reading_the_export_gives_the_stories_back(desk, tmp_path):
    export(tmp_path)
    results = {r.origin: r for r in read(tmp_path)}
    killed = results.pop(f"articles/{desk['killed'].pk}.json")
    assert isinstance(killed, Failure) and "canceled" in killed.reason
    publication = Publication.current()
    for origin, item in results.items():
        article = Article.objects.get(pk=int(Path(origin).stem))
        assert_same_story(item, article, publication)
    assert results[f"articles/{desk['draft'].pk}.json"].status == "draft"
    korean = results[f"articles/{desk['korean'].pk}.json"]
    assert korean.published_at == desk["korean"].published_at
    assert [p.caption for p in korean.photos] == ["회담 장면", "A caption"]
    assert korean.notes == ["correction not imported: 이름을 바로잡습니다."]


def assert_same_story(item: ImportItem, article: Article, publication) -> None:
    language = article.language
    assert item.headline == article.headline
    assert item.alternate_headline == article.alternate_headline
    assert item.body_html == article.body
    assert item.deck == article.deck
    assert item.language == language
    assert item.article_type == article.article_type
    # An empty line prints the publication's: the export says which.
    assert item.copyright_line == (
        article.copyright_line or publication.copyright(language)
    )
    assert [(r.name, r.email) for r in item.reporters] == [
        (r.display_name(language), r.email) for r in article.ordered_reporters
    ]
    assert item.tags == [t.name for t in article.tags.all()]
    section, parent = article.section, article.section.parent
    assert (item.section.name, item.section.slug) == (
        section.name(language),
        section.slug,
    )
    assert item.section.parent == (parent.name(language) if parent else "")
    assert [p.path.read_bytes() for p in item.photos] == [
        original_bytes(use.photo) for use in article.ordered_photos
    ]


def original_bytes(photo) -> bytes:
    with photo.image.storage.open(photo.image.name, "rb") as source:
        return source.read()


def test_queries_do_not_grow_with_the_archive(desk, tmp_path):
    def count(target):
        with CaptureQueriesContext(connection) as queries:
            export(target)
        return len(queries)

    before = count(tmp_path / "a")
    for _ in range(5):
        make_article(reporters=[make_reporter()], tags=["more"], photos=1)
    assert count(tmp_path / "b") == before


def test_an_unwritable_folder_is_a_clear_error(desk, tmp_path):
    blocker = tmp_path / "file.txt"
    blocker.write_text("a file, not a folder")
    with pytest.raises(CommandError, match="Cannot write the export to .*file.txt"):
        export(blocker / "out")
    with pytest.raises(CommandError, match="--base-url"):
        export(tmp_path / "out", "--base-url", "news.example.com")
