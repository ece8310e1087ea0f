"""``newszone import-ninjs`` into the database: a wire folder, and our own export."""

import io
import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from newszone.articles.models import Article, Status
from newszone.photos.models import Photo
from tests.factories import make_section
from tests.importers.test_ninjs import desk, export, original_bytes  # noqa: F401

WIRE_2X = {
    "uri": "urn:newsml:wire.example:20260806:kr-tr-talks",
    "type": "text",
    "language": "ko-KR",
    "headlines": [{"role": "main", "value": "한·터키 국방장관 회담"}],
    "bodies": [{"contenttype": "text/html", "value": "<p>송영무 장관은 6일…</p>"}],
    "versioncreated": "2026-08-06T09:00:00+09:00",
    "by": "맹수열",
    "subjects": [{"name": "국방", "rel": "section"}, {"name": "K-9"}],
}
WIRE_1X = {
    "uri": "urn:newsml:wire.example:20260806:en-talks",
    "type": "text",
    "language": "en",
    "headline": "Korea, Turkey hold defense talks",
    "body_text": "Defense ministers met on Aug. 6.\nThey agreed to resume talks.",
    "versioncreated": "2026-08-06T00:00:00Z",
    "byline": "Su-Yeol, Maeng",
}


def run(*paths, **options) -> str:
    out = io.StringIO()
    call_command("import-ninjs", *map(str, paths), stdout=out, **options)
    return out.getvalue()


def test_a_wire_folder_with_one_bad_file(db, tmp_path):
    make_section("wire", name_en="Wire", name_ko="통신")
    (tmp_path / "a.json").write_text(json.dumps(WIRE_2X, ensure_ascii=False))
    (tmp_path / "b.json").write_text(json.dumps(WIRE_1X))
    (tmp_path / "c.json").write_text('{"uri": "x", "headline": ')
    out = io.StringIO()

    with pytest.raises(CommandError) as caught:
        call_command("import-ninjs", str(tmp_path), stdout=out)

    assert caught.value.returncode == 1
    assert "2 of 3 items failed" in str(caught.value)
    assert "c.json:line 1 column 26: FAILED: invalid JSON" in out.getvalue()
    assert "b.json: FAILED: the source names no section" in out.getvalue()
    korean = Article.objects.get(source_key=f"ninjs:{WIRE_2X['uri']}")
    assert (korean.language, korean.section.name_ko) == ("ko", "국방")
    assert [t.name for t in korean.tags.all()] == ["K-9"]
    run(tmp_path / "b.json", section="wire")  # a wire without sections: --section
    english = Article.objects.get(source_key=f"ninjs:{WIRE_1X['uri']}")
    assert english.section.slug == "wire"
    assert english.body.count("<p>") == 2
    assert english.ordered_reporters[0].name_en == "Su-Yeol, Maeng"
    assert english.status == Status.DRAFT


def test_our_export_comes_back_in_and_again_changes_nothing(desk, tmp_path):  # noqa: F811
    export(tmp_path)
    originals = {a.pk: a for a in Article.objects.exclude(status=Status.KILLED)}
    photos = Photo.objects.count()

    output = _run_allowing_failures(tmp_path / "articles")
    assert "canceled" in output

    copies = Article.objects.filter(source_key__startswith="ninjs:")
    assert copies.count() == len(originals)
    for copy in copies:
        original = originals[int(copy.source_key.rsplit("/", 2)[-2])]
        assert (copy.headline, copy.body, copy.deck, copy.language) == (
            original.headline,
            original.body,
            original.deck,
            original.language,
        )
        assert copy.section_id == original.section_id
        assert copy.ordered_reporters == original.ordered_reporters
        assert set(copy.tags.all()) == set(original.tags.all())
        assert [original_bytes(u.photo) for u in copy.ordered_photos] == [
            original_bytes(u.photo) for u in original.ordered_photos
        ]
    assert Photo.objects.count() > photos

    again = _run_allowing_failures(tmp_path / "articles")
    assert f"unchanged {len(originals)}" in again


def _run_allowing_failures(path) -> str:
    """The killed story's file says "canceled": refused, so the run exits 1."""
    out = io.StringIO()
    with pytest.raises(CommandError, match="1 of"):
        call_command("import-ninjs", str(path), stdout=out)
    return out.getvalue()


@pytest.mark.parametrize("text", ["a\u0000b", "\udab1"], ids=["nul", "surrogate"])
def test_text_no_database_can_hold_fails_the_item_alone(db, tmp_path, text):
    make_section("wire", name_en="Wire", name_ko="통신")
    bad = {**WIRE_1X, "uri": "urn:bad", "headline": f"Bad {text}"}
    (tmp_path / "a.json").write_text(json.dumps(bad))
    (tmp_path / "b.json").write_text(json.dumps(WIRE_1X))
    out = io.StringIO()

    with pytest.raises(CommandError):
        call_command("import-ninjs", str(tmp_path), section="wire", stdout=out)

    assert "a.json: FAILED: text holds NUL characters or unpaired surrogates" in (
        out.getvalue()
    )
    assert list(Article.objects.values_list("source_key", flat=True)) == [
        f"ninjs:{WIRE_1X['uri']}"
    ]
