"""``newszone import-wxr`` into the database: the theme unit test export, photos."""

import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from newszone.accounts.models import Reporter
from newszone.articles.models import Article, Status
from newszone.photos.models import Photo
from newszone.taxonomy.models import Section
from tests.factories import image_bytes
from tests.importers.test_wxr import BILLION_LAUGHS, FIXTURE, attachment, export, item


def run(*args, **options) -> str:
    out = io.StringIO()
    call_command("import-wxr", *map(str, args), stdout=out, **options)
    return out.getvalue()


def test_the_fixture_imports_all_its_posts_once(db, client):
    output = run(FIXTURE)

    assert "58 items: created 58, updated 0, unchanged 0, skipped 0, failed 0" in output
    assert "21 post type “page”" in output
    statuses = list(Article.objects.values_list("status", flat=True))
    assert statuses.count(Status.PUBLISHED) == 55
    assert statuses.count(Status.DRAFT) == 3
    story = Article.objects.get(headline="Post Format: Standard")
    assert story.section.name_en == "Classic"  # its first category
    assert story.published_at.isoformat() == "2010-10-05T07:27:25+00:00"
    assert story.updated_at == story.published_at
    assert client.get(story.get_absolute_url()).status_code == 200
    assert "<script" not in "".join(Article.objects.values_list("body", flat=True))

    again = run(FIXTURE)

    assert "created 0, updated 0, unchanged 58" in again
    assert Article.objects.count() == 58


def test_photos_come_from_the_media_folder(db, tmp_path):
    media = tmp_path / "uploads"
    (media / "2024/03").mkdir(parents=True)
    (media / "2024/03/with-alt.jpg").write_bytes(image_bytes())
    (media / "2024/03/no-alt.jpg").write_bytes(image_bytes(colour=(200, 10, 10)))
    base = "https://paper.example/wp-content/uploads/2024/03"
    path = export(
        tmp_path,
        item(post_id=10, title="With alt text")
        + attachment(11, 10, f"{base}/with-alt.jpg", caption="Troops", alt="Soldiers")
        + item(post_id=20, title="Without alt text")
        + attachment(21, 20, f"{base}/no-alt.jpg", caption="A ship"),
    )

    output = run(path, media_dir=media)

    ready = Article.objects.get(headline="With alt text")
    assert ready.status == Status.PUBLISHED
    (use,) = ready.ordered_photos
    assert (use.photo.caption, use.photo.alt_text) == ("Troops", "Soldiers")
    held = Article.objects.get(headline="Without alt text")
    assert held.status == Status.APPROVED
    assert "kept back as approved" in output and "alt text" in output

    run(path, media_dir=media)
    assert Photo.objects.count() == 2  # known by their source keys: not stored twice


def test_a_korean_export(db, tmp_path):
    categories = (
        '<category domain="category" nicename="army"><![CDATA[육군]]></category>'
    )
    run(export(tmp_path, item(extra=categories), language="ko-KR"))

    article = Article.objects.get()
    assert article.language == "ko"
    assert (article.section.name_ko, article.section.parent.name_ko) == ("육군", "국방")
    assert Reporter.objects.get().email == "maeng@example.kr"


def test_an_unsafe_file_is_refused_and_nothing_is_written(db, tmp_path):
    path = tmp_path / "bomb.xml"
    path.write_text(BILLION_LAUGHS)
    out = io.StringIO()

    with pytest.raises(CommandError) as caught:
        call_command("import-wxr", str(path), stdout=out)

    assert caught.value.returncode == 1
    assert "bomb.xml: FAILED" in out.getvalue()
    assert not Article.objects.exists() and not Section.objects.exists()


def test_missing_media_folder_is_refused(db, tmp_path):
    with pytest.raises(CommandError, match="is not a folder"):
        run(FIXTURE, media_dir=tmp_path / "nowhere")
