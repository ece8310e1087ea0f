"""`newszone backup` and `newszone restore`: a whole site out and back, exactly.

Runs on the suite's database (SQLite by default, PostgreSQL with DATABASE_URL).
The commands own their transactions, hence ``transaction=True`` throughout.
"""

import hashlib
import io
import json
import re
import shutil
import struct
import threading
import zipfile
from datetime import timedelta
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.core.files.storage import FileSystemStorage, default_storage
from django.core.management import ManagementUtility, call_command
from django.db import connection
from django.utils import timezone

from newszone.accounts.models import ApiToken, User
from newszone.accounts.tokens import issue_token, revoke_tokens, user_for_key
from newszone.articles import services
from newszone.articles.models import Article, DeskPresence
from newszone.importers import backup, restore
from newszone.photos.models import Rendition
from newszone.photos.renditions import Spec, get_rendition
from newszone.publication.models import Publication
from newszone.search import documents
from tests.factories import (
    image_bytes,
    make_article,
    make_photo,
    make_reporter,
    make_section,
    make_user,
)

pytestmark = pytest.mark.django_db(transaction=True)
PASSWORD = "pw-for-tests-only"
# Every kind of row the populated site below must have, so "compare
# everything" compares something in each table.
POPULATED = {
    "auth.group",
    "accounts.user",
    "accounts.reporter",
    "accounts.apitoken",
    "audit.auditevent",
    "taxonomy.section",
    "taxonomy.tag",
    "publication.publication",
    "photos.photo",
    "search.searchdocument",
    "articles.article",
    "articles.articlereporter",
    "articles.articlephoto",
    "articles.revision",
    "articles.correction",
    "articles.workingcopy",
    "admin.logentry",
}


def run(capsys, *argv: str) -> tuple[int, str, str]:
    """The command as the shell runs it: exit code, stdout, stderr."""
    try:
        ManagementUtility(["newszone", *argv]).execute()
        code = 0
    except SystemExit as exit_:
        code = exit_.code
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def site_state() -> dict:
    """Every field of every row of every model an archive carries. Groups are
    keyed by name (migrate makes them with any id); links by natural key."""
    state = {}
    for model in backup.backup_models():
        label = model._meta.label_lower
        rows = {}
        for row in model._base_manager.order_by("pk"):
            values = {f.attname: _value(row, f) for f in model._meta.concrete_fields}
            for m2m in model._meta.many_to_many:
                values[m2m.name] = sorted(
                    repr(_identity(other)) for other in getattr(row, m2m.name).all()
                )
            if label in backup.NATURAL_PK:
                values.pop("id")
            rows[_identity(row)] = values
        state[label] = rows
    return state


def _value(row, field):
    """A field as stored; a link to a row migrate makes, by natural key."""
    if field.is_relation and field.related_model._meta.label_lower in backup.NATURAL:
        related = getattr(row, field.name)
        return related.natural_key() if related else None
    value = getattr(row, field.attname)
    return value.name if hasattr(value, "storage") else value  # a file: its name


def _identity(row):
    natural = row._meta.label_lower in backup.NATURAL
    return row.natural_key() if natural else row.pk


def media_state() -> dict[str, str]:
    """sha256 of each file in MEDIA_ROOT but renditions (made on demand)."""
    root = Path(settings.MEDIA_ROOT)
    return {
        str(path.relative_to(root)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(root.rglob("*"))
        if path.is_file() and path.relative_to(root).parts[0] != "renditions"
    }


def empty_the_site() -> None:
    """A freshly migrated site: flush re-runs post_migrate (content types,
    permissions and the role groups come back, with new ids)."""
    call_command("flush", "--noinput", verbosity=0)
    shutil.rmtree(settings.MEDIA_ROOT, ignore_errors=True)
    assert restore.occupied() == []


@pytest.fixture
def site():
    """A populated site: stories in every state, with everything around them."""
    news = make_section("news", name_ko="뉴스")
    politics = make_section("politics", parent=news, position=2)
    defense = make_section("defense", parent=politics, position=1)
    reporter_user = make_user("reporter", username="maeng", first_name="수열")
    editor, chief = make_user("editor", username="ed"), make_user("chief")
    make_user("admin", is_superuser=True)
    helper = make_user()
    helper.user_permissions.add(Permission.objects.get(codename="view_article"))
    maeng = make_reporter(
        slug="maeng", name_ko="맹수열", name_en="Su-Yeol, Maeng", user=reporter_user
    )
    maeng.photo.save("maeng.png", ContentFile(image_bytes("PNG")), save=True)
    kim = make_reporter(email="kim@example.com", bio_ko="국방부 출입")
    _, key = issue_token(editor)
    issue_token(chief)
    revoke_tokens(chief)
    Publication.objects.create(pk=1, name_en="The Test Daily", tagline_ko="시험")
    stories = _stories(defense, politics, news, [maeng, kim], editor, chief)
    documents.index_objects("articles", [s.pk for s in stories.values()])
    _desk_leftovers(stories, editor)
    return {"key": key, **stories}


def _stories(defense, politics, news, reporters, editor, chief) -> dict:
    english = make_article(
        section=defense,
        reporters=reporters,
        tags=["K-9", "국방"],
        photos=2,
        headline="Defense talks in Ankara",
        body="<p>Ministers met in <b>Ankara</b>.</p>",
        featured=True,
    )
    korean = make_article(
        section=politics, language="ko", headline="송영무 장관 회담", tags=["국방"]
    )
    services.link_translations(english, korean)
    services.record_revision(english, editor, "first")
    services.add_correction(english, chief, "The meeting was on Tuesday.")
    services.add_correction(english, chief, "Photo added.", kind="update")
    draft = make_article(section=news, published=False, headline="A draft")
    services.record_revision(draft, editor, "draft")
    review = make_article(section=news, published=False, headline="In review")
    services.submit_article(review, None)
    later = make_article(section=news, published=False, headline="Scheduled")
    services.approve_article(services.submit_article(later, None), None)
    services.schedule_article(later, None, timezone.now() + timedelta(days=2))
    gone = make_article(section=news, headline="Taken down")
    services.unpublish_article(gone, None, note="legal")
    return {"english": english, "korean": korean, "draft": draft, "gone": gone}


def _desk_leftovers(stories, editor) -> None:
    services.keep_working_copy(stories["draft"], editor, {"headline": "unsaved"}, 1)
    DeskPresence.objects.create(
        article=stories["draft"], user=editor, seen_at=timezone.now()
    )
    LogEntry.objects.create(
        user=editor,
        content_type=ContentType.objects.get_for_model(Article),
        object_id=str(stories["draft"].pk),
        object_repr="A draft",
        action_flag=CHANGE,
        change_message="[]",
    )
    photo = stories["english"].article_photos.first().photo
    get_rendition(photo, Spec.parse("orig-320.webp"))


def test_the_archive_covers_every_model_of_the_project():
    expected = {
        model._meta.label_lower
        for config in apps.get_app_configs()
        if config.name.startswith("newszone.")
        for model in config.get_models()
        if model._meta.managed and not model._meta.proxy
    }
    expected = expected - set(backup.NOT_BACKED_UP) | {"auth.group", "admin.logentry"}
    assert {m._meta.label_lower for m in backup.backup_models()} == expected


def test_round_trip_reproduces_every_row_and_every_file(site, tmp_path, capsys):
    before, files = site_state(), media_state()
    assert {label for label, rows in before.items() if rows} >= POPULATED
    assert Rendition.objects.exists() and DeskPresence.objects.exists()
    archive = tmp_path / "site.nzb"

    code, out, err = run(capsys, "backup", str(archive))
    assert (code, err) == (0, "")
    assert "articles.article" in out and "media files: 3" in out
    empty_the_site()
    code, out, err = run(capsys, "restore", str(archive))
    assert (code, err) == (0, ""), err

    assert site_state() == before
    assert media_state() == files
    assert not Rendition.objects.exists() and not DeskPresence.objects.exists()


def test_a_restored_site_works(site, tmp_path, client):
    backup.write_backup(tmp_path / "site.nzb")
    empty_the_site()
    restore.restore_backup(tmp_path / "site.nzb")

    assert client.login(username="ed", password=PASSWORD)  # the old password
    assert user_for_key(site["key"]).username == "ed"  # and the old API token
    html = client.get(site["english"].get_absolute_url()).content.decode()
    assert "Defense talks in Ankara" in html and "The meeting was on Tuesday." in html
    picture = re.search(r"/photos/\d+/[0-9a-f]{8}-[^\"\s?]+", html).group()
    assert client.get(picture).status_code == 200  # renditions are made again
    # Sequences moved past the restored ids (PostgreSQL): new rows just work.
    fresh = make_article(headline="After the restore", photos=1)
    assert fresh.pk > site["gone"].pk
    make_user("editor")
    ApiToken.objects.get(user__username="ed")


def test_search_finds_restored_stories(site, tmp_path, client):
    def found(language: str, words: str) -> set[str]:
        html = client.get(f"/{language}/search/", {"q": words}).text
        return set(re.findall(rf"/{language}/article/(\d+)/", html))

    english, korean = str(site["english"].pk), str(site["korean"].pk)
    assert english in found("en", "ankara")
    backup.write_backup(tmp_path / "site.nzb")
    empty_the_site()
    assert found("en", "ankara") == set()
    restore.restore_backup(tmp_path / "site.nzb")

    assert english in found("en", "defense talks")
    assert korean in found("ko", "송영무")
    # Taken down before the backup: still out of public search after it.
    assert str(site["gone"].pk) not in found("en", "taken down")


def test_restore_refuses_a_site_that_is_not_empty_unless_forced(site, tmp_path, capsys):
    archive = tmp_path / "site.nzb"
    backup.write_backup(archive)
    archived = site_state()
    make_article(headline="Written after the backup", photos=1)
    site["english"].corrections.all().delete()
    current, files = site_state(), media_state()

    code, out, err = run(capsys, "restore", str(archive))
    assert code == 1
    assert "not empty" in err and "--force" in err and "Traceback" not in err
    assert site_state() == current and media_state() == files

    code, out, err = run(capsys, "restore", str(archive), "--force")
    assert (code, err) == (0, ""), err
    assert site_state() == archived
    assert set(files) <= set(media_state())  # files of replaced rows are kept


def test_a_site_with_only_an_administrator_is_not_empty(tmp_path, capsys):
    make_article(photos=1)
    backup.write_backup(tmp_path / "site.nzb")
    empty_the_site()
    call_command("ensure_admin", stdout=io.StringIO())

    code, _, err = run(capsys, "restore", str(tmp_path / "site.nzb"))
    assert code == 1 and "accounts.user" in err
    assert list(User.objects.values_list("username", flat=True)) == ["desk-admin"]


# ---------------------------------------------------------------------------
# Bad archives: refused before anything is written
# ---------------------------------------------------------------------------


def _data_offset(data: bytes, archive: Path, member: str) -> int:
    """Where ``member``'s bytes start inside the zip file."""
    info = zipfile.ZipFile(archive).getinfo(member)
    name_len, extra_len = struct.unpack("<HH", data[info.header_offset + 26 :][:4])
    return info.header_offset + 30 + name_len + extra_len


def _flip(member_of):
    def corrupt(path: Path) -> None:
        data = bytearray(path.read_bytes())
        member = member_of(zipfile.ZipFile(path))
        info = zipfile.ZipFile(path).getinfo(member)
        data[_data_offset(data, path, member) + info.compress_size // 2] ^= 0x40
        path.write_bytes(bytes(data))

    return corrupt


def _rewrite_manifest(change):
    def corrupt(path: Path) -> None:
        with zipfile.ZipFile(path) as old:
            members = {n: old.read(n) for n in old.namelist()}
        manifest = json.loads(members.pop(backup.MANIFEST))
        change(manifest, members)
        with zipfile.ZipFile(path, "w") as new:
            for name, content in members.items():
                new.writestr(name, content)
            new.writestr(backup.MANIFEST, json.dumps(manifest))

    return corrupt


def _media_member(archive: zipfile.ZipFile) -> str:
    return next(n for n in archive.namelist() if n.startswith("media/"))


def _article_member(archive: zipfile.ZipFile) -> str:
    return next(n for n in archive.namelist() if "articles.article." in n)


def _dangling_byline(manifest: dict, members: dict) -> None:
    """Checksums right, rows wrong: a byline naming a reporter not there."""
    name = next(n for n in members if "articlereporter" in n)
    row = json.loads(members[name].splitlines()[0])
    row["pk"], row["fields"]["reporter"] = 999_999, 999_999
    members[name] += (json.dumps(row) + "\n").encode()
    manifest["members"][name] = hashlib.sha256(members[name]).hexdigest()
    next(e for e in manifest["models"] if e["member"] == name)["count"] += 1


CORRUPTIONS = {
    "media byte flipped": (_flip(_media_member), "damaged"),
    "data byte flipped": (_flip(_article_member), "damaged"),
    "manifest byte flipped": (_flip(lambda a: backup.MANIFEST), "damaged"),
    "cut in half": (
        lambda p: p.write_bytes(p.read_bytes()[: p.stat().st_size // 2]),
        "cut short",
    ),
    "last byte cut": (lambda p: p.write_bytes(p.read_bytes()[:-1]), "cut short"),
    "not a zip": (lambda p: p.write_text("hello"), "not a newszone backup"),
    "a foreign zip": (
        lambda p: zipfile.ZipFile(p, "w").close(),
        "no manifest",
    ),
    "newer format": (
        _rewrite_manifest(lambda m, _: m.update(format_version=2)),
        "format version 2",
    ),
    "member not in manifest": (
        _rewrite_manifest(lambda _, members: members.update({"extra": b"x"})),
        "do not match",
    ),
    "unsafe media name": (
        _rewrite_manifest(lambda m, _: m["media"][0].update(name="../../etc/x")),
        "does not match",
    ),
    "rows that do not fit": (_rewrite_manifest(_dangling_byline), "do not fit"),
}


@pytest.mark.parametrize("corruption", CORRUPTIONS)
def test_a_bad_archive_is_refused_and_nothing_is_written(corruption, tmp_path, capsys):
    make_article(reporters=[make_reporter()], photos=2)
    archive = tmp_path / "site.nzb"
    backup.write_backup(archive)
    empty_the_site()
    corrupt, message = CORRUPTIONS[corruption]
    corrupt(archive)

    code, _, err = run(capsys, "restore", str(archive))
    assert code == 1
    assert message in err and "Traceback" not in err
    assert restore.occupied() == [] and media_state() == {}


def test_a_missing_archive_is_a_clear_error(tmp_path, capsys):
    code, _, err = run(capsys, "restore", str(tmp_path / "nowhere.nzb"))
    assert code == 1 and "No such file" in err


def test_a_failure_while_copying_media_takes_back_rows_and_files(tmp_path, monkeypatch):
    make_article(photos=3)
    backup.write_backup(tmp_path / "site.nzb")
    empty_the_site()
    real_save, saved = FileSystemStorage.save, []

    def save_twice_then_fail(storage, name, content, **kwargs):
        if len(saved) == 2:
            raise OSError("disk full")
        saved.append(name)
        return real_save(storage, name, content, **kwargs)

    monkeypatch.setattr(FileSystemStorage, "save", save_twice_then_fail)
    with pytest.raises(OSError, match="disk full"):
        restore.restore_backup(tmp_path / "site.nzb")
    assert len(saved) == 2
    assert restore.occupied() == [] and media_state() == {}


# ---------------------------------------------------------------------------
# Writing the archive
# ---------------------------------------------------------------------------


def test_the_manifest_describes_the_archive(site, tmp_path):
    summary = backup.write_backup(tmp_path / "site.nzb")
    with zipfile.ZipFile(tmp_path / "site.nzb") as archive:
        manifest = json.loads(archive.read(backup.MANIFEST))
        for name, digest in manifest["members"].items():
            assert hashlib.sha256(archive.read(name)).hexdigest() == digest
    assert manifest["format_version"] == backup.FORMAT_VERSION
    assert manifest["database_vendor"] == connection.vendor
    assert "articles.0001_initial" in manifest["migrations"]
    counts = {e["label"]: e["count"] for e in manifest["models"]}
    assert counts["articles.article"] == Article.objects.count() == 6
    assert {m["name"] for m in manifest["media"]} == set(media_state())
    assert summary.counts == counts and summary.missing_media == []
    assert (tmp_path / "site.nzb").stat().st_mode & 0o077 == 0  # password hashes


def test_bad_targets_are_clear_errors_and_leave_nothing(tmp_path, capsys):
    make_article(photos=1)
    folder = tmp_path / "backups"
    folder.mkdir()
    code, _, err = run(capsys, "backup", str(folder / "no" / "such" / "x.nzb"))
    assert code == 1 and "Cannot write in" in err and "Traceback" not in err
    code, _, err = run(capsys, "backup", str(folder))
    assert code == 1 and "is a folder" in err
    assert list(folder.iterdir()) == []


def test_a_failed_backup_leaves_the_old_archive_and_no_part_file(
    tmp_path, monkeypatch, capsys
):
    make_article(photos=1)
    folder = tmp_path / "backups"
    folder.mkdir()
    archive = folder / "site.nzb"
    archive.write_bytes(b"yesterday's backup")

    def full_disk(*args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(backup, "_dump_media", full_disk)
    code, _, err = run(capsys, "backup", str(archive))
    assert code == 1 and "No space left" in err
    assert archive.read_bytes() == b"yesterday's backup"
    assert [p.name for p in folder.iterdir()] == ["site.nzb"]


def test_a_missing_media_file_is_reported_not_fatal(tmp_path, capsys):
    lost = make_photo()
    kept = make_photo()
    default_storage.delete(lost.image.name)
    code, out, err = run(capsys, "backup", str(tmp_path / "site.nzb"))
    assert code == 0
    assert lost.image.name in err and "Missing media file" in err
    assert "media files: 1" in out

    empty_the_site()
    code, out, err = run(capsys, "restore", str(tmp_path / "site.nzb"))
    assert code == 0 and lost.image.name in err
    assert list(media_state()) == [kept.image.name]


def test_writes_during_a_backup_do_not_tear_it(tmp_path):
    """The snapshot: rows written by another connection while the archive is
    being written (after the users, before the stories) are not in it, and
    the writer is not held up (SQLite WAL; PostgreSQL REPEATABLE READ)."""
    story = make_article(reporters=[make_reporter()], tags=["old"], photos=1)
    before, errors = site_state(), []

    def write_elsewhere():
        try:
            make_article(reporters=[make_reporter()], tags=["new"], photos=1)
            Article.objects.filter(pk=story.pk).update(headline="Changed meanwhile")
            services.record_revision(story, None, "meanwhile")
            make_user("editor")
        except Exception as error:  # reported below, in the test's thread
            errors.append(error)
        finally:
            connection.close()

    def on_table(label, count):
        if label == "accounts.user":
            writer = threading.Thread(target=write_elsewhere)
            writer.start()
            writer.join(timeout=60)

    backup.write_backup(tmp_path / "site.nzb", on_table=on_table)
    assert errors == []
    assert Article.objects.filter(headline="Changed meanwhile").exists()
    empty_the_site()
    restore.restore_backup(tmp_path / "site.nzb")
    assert site_state() == before
