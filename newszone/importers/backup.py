"""Whole-site backup and restore: one zip archive, read back exactly.

The archive (``newszone backup site.nzb``) is a zip file holding:

- ``data/NN-<app>.<model>.jsonl``: the rows of one model, in load order, in
  Django's JSON Lines serialisation (one object a line, so both ends stream);
  deflated;
- ``media/<storage name>``: every file a row points at (photo originals,
  reporter portraits), stored as is (JPEG/PNG/WebP do not deflate);
- ``manifest.json``, written last: format and version, newszone and Django
  versions, creation time, database vendor, the applied migrations, per model
  its member and row count, the media list, and the sha256 of every member.

Zip rather than tar.gz: the manifest is read without inflating the rest, each
member has its own CRC, and media need no second compression.

What travels: every model of the project's apps (users with their group
memberships and API tokens, the audit log, sections, tags, the publication,
photos, reporters, stories with bylines, photos in stories, revisions,
corrections, working copies, stored search documents), the groups and the
admin's change log. What does not, and why, is in ``NOT_BACKED_UP``.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import shutil
import tempfile
import time
import zipfile
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from datetime import time as clock_time
from pathlib import Path

import django
from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.exceptions import FieldDoesNotExist, SuspiciousFileOperation
from django.core.serializers.json import DjangoJSONEncoder
from django.core.serializers.jsonl import Serializer as JSONLSerializer
from django.db import (
    DatabaseError,
    connections,
    models,
    transaction,
)
from django.db.migrations.recorder import MigrationRecorder
from django.db.models import Prefetch
from django.utils import timezone
from django.utils.translation import gettext as _

import newszone

FORMAT = "newszone-backup"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
MEDIA = "media/"
CHUNK = 2000  # rows per fetch while dumping: memory stays flat on any site size
BATCH = 500  # rows per INSERT while loading (under PostgreSQL's 65535 parameters)
COPY_BUFFER = 1 << 20

NOT_BACKED_UP = {
    # Made again on first request, keyed by photo, spec and Photo.version
    # (photos/renditions.py: find, else create). Rows without their files
    # would point at nothing, and the files (up to 23 a photo, full_set())
    # would swell the archive with what the originals already hold.
    "photos.rendition",
    # Who had a story open a few seconds ago: stale by the time of a restore.
    "articles.deskpresence",
}
# Not backed up either: sessions (everyone signs in again), django_tasks_db's
# queue (indexing jobs are moot once the restore rebuilds the search index; due
# scheduled stories go out by `newszone serve`'s loop or `publish_scheduled`),
# content types and permissions (`migrate` makes them).
LOG = "admin.logentry"  # the desk's change history: travels with the users
# Rows that `migrate` makes, in any order and so with any ids: they travel by
# natural key, and other rows point at them by natural key.
NATURAL = {"contenttypes.contenttype", "auth.permission", "auth.group"}
NATURAL_PK = {"auth.group"}  # merged into the target's groups by name
MADE_BY_MIGRATE = {"auth.group"}  # the desk roles: present on an empty site
WIPED_ALSO = ("sessions.session",)  # --force: old sign-ins go with the old users


class BackupError(Exception):
    """A problem the operator must fix (bad file, full disk, site not empty)."""


@dataclass
class Summary:
    path: Path
    archive_bytes: int
    seconds: float
    counts: dict[str, int]
    media_files: int = 0
    media_bytes: int = 0
    missing_media: list[dict] = field(default_factory=list)
    manifest: dict = field(default_factory=dict)


def backup_models() -> list[type[models.Model]]:
    """What an archive holds, in load order: groups, then users (other rows
    may name them by natural key), then the project's apps in INSTALLED_APPS
    order, then the admin log."""
    chosen = [
        model
        for config in apps.get_app_configs()
        if config.name.startswith("newszone.")
        for model in config.get_models()
        if model._meta.managed and not model._meta.proxy
        if model._meta.label_lower not in NOT_BACKED_UP
    ]
    group, user = apps.get_model("auth", "Group"), get_user_model()
    log = [apps.get_model(LOG)] if _installed(LOG) else []
    return [group, user, *[m for m in chosen if m is not user], *log]


def _installed(label: str) -> bool:
    try:
        apps.get_model(label)
    except LookupError:
        return False
    return True


def _auto_m2m(model: type[models.Model]) -> list[models.ManyToManyField]:
    """Many-to-many fields whose link rows travel inside the owning row."""
    return [
        f for f in model._meta.many_to_many if f.remote_field.through._meta.auto_created
    ]


def _uses_natural_keys(model: type[models.Model]) -> bool:
    """Natural keys only for rows that point at rows `migrate` made; every
    other row keeps its id (story URLs /article/<id>/ and the audit log's
    object ids must survive), and plain ids load without a lookup per row."""
    related = [f for f in [*model._meta.fields, *_auto_m2m(model)] if f.is_relation]
    return any(f.related_model._meta.label_lower in NATURAL for f in related)


def _joined(queryset: models.QuerySet) -> models.QuerySet:
    """A natural key often reads a related row (a permission's content type):
    join it rather than run one query per row."""
    names = [f.name for f in queryset.model._meta.fields if f.is_relation]
    return queryset.select_related(*names) if names else queryset


def _queryset(model: type[models.Model], natural: bool, using: str):
    queryset = model._base_manager.db_manager(using).order_by("pk")
    prefetch = []
    for m2m in _auto_m2m(model):  # one query per chunk, not per row
        related = m2m.related_model._base_manager.db_manager(using).all()
        prefetch.append(Prefetch(m2m.name, _joined(related) if natural else related))
    queryset = _joined(queryset) if natural else queryset
    return queryset.prefetch_related(*prefetch)


class _ExactEncoder(DjangoJSONEncoder):
    """DjangoJSONEncoder cuts times to milliseconds (ECMA-262 style); a restore
    must give back the very microsecond (revision times, ETags, sort order)."""

    def default(self, o):
        if isinstance(o, datetime | clock_time):
            return o.isoformat()
        return super().default(o)


class _Serializer(JSONLSerializer):
    """Django's JSON Lines serialiser, same output, two costs cut (a third of
    the time on 70,000 rows): one write per row rather than per JSON token,
    and many-to-many links read from the prefetch cache, where Django builds,
    then drops, a filtered queryset per row and field."""

    def end_object(self, obj):
        row = json.dumps(self.get_dump_object(obj), **self.json_kwargs)
        self.stream.write(row + "\n")
        self._current = None

    def handle_m2m_field(self, obj, field):
        cached = getattr(obj, "_prefetched_objects_cache", {}).get(field.name)
        if cached is None or not field.remote_field.through._meta.auto_created:
            return super().handle_m2m_field(obj, field)
        natural = self.use_natural_foreign_keys and hasattr(
            field.remote_field.model, "natural_key"
        )
        self._current[field.name] = [
            other.natural_key()
            if natural
            else self._value_from_field(other, other._meta.pk)
            for other in cached
        ]


# ---------------------------------------------------------------------------
# Writing
# ---------------------------------------------------------------------------


def _file_field(label: str) -> models.FileField:
    model_label, name = label.rsplit(".", 1)
    found = apps.get_model(model_label)._meta.get_field(name)
    if not isinstance(found, models.FileField):
        raise FieldDoesNotExist(label)
    return found


class _Hashing(io.RawIOBase):
    """Passes bytes on to a zip member and hashes them for the manifest."""

    def __init__(self, target):
        self.target, self.sha, self.size = target, hashlib.sha256(), 0

    def writable(self) -> bool:
        return True

    def write(self, data) -> int:
        self.sha.update(data)
        self.target.write(data)
        self.size += len(data)
        return len(data)


class _Writer:
    def __init__(self, archive: zipfile.ZipFile, when: datetime):
        self.archive, self.when = archive, when.timetuple()[:6]
        self.hashes: dict[str, str] = {}

    @contextmanager
    def member(self, name: str, *, compress: bool) -> Iterator[_Hashing]:
        info = zipfile.ZipInfo(name, date_time=self.when)
        info.compress_type = zipfile.ZIP_DEFLATED if compress else zipfile.ZIP_STORED
        # force_zip64: the size is unknown until the end and may pass 2 GiB.
        with self.archive.open(info, "w", force_zip64=True) as target:
            out = _Hashing(target)
            yield out
        self.hashes[name] = out.sha.hexdigest()


@contextmanager
def read_snapshot(connection) -> Iterator[None]:
    """One read-only snapshot of the whole database while the site runs."""
    if connection.in_atomic_block:
        raise BackupError(_("A backup needs its own transaction; run it alone."))
    if connection.vendor == "sqlite":
        # WAL: a read transaction sees the database as of its first read, and
        # writers go on. Not transaction.atomic(): settings make that BEGIN
        # IMMEDIATE, which takes the write lock and would stall the desk.
        connection.ensure_connection()
        with connection.cursor() as cursor:
            cursor.execute("BEGIN DEFERRED")
        try:
            with connection.cursor() as cursor:  # the first read pins the snapshot
                cursor.execute("SELECT count(*) FROM sqlite_master")
            yield
        finally:
            with connection.cursor() as cursor:
                cursor.execute("ROLLBACK")  # read only: nothing to keep
        return
    with transaction.atomic(using=connection.alias):
        if connection.vendor == "postgresql":  # as pg_dump does
            with connection.cursor() as cursor:
                cursor.execute(
                    "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY"
                )
        yield


def _rows(
    queryset: models.QuerySet, counts: Counter, media: dict[str, str]
) -> Iterator[models.Model]:
    """The rows, counted, noting the media files they point at."""
    label = queryset.model._meta.label_lower
    files = [f for f in queryset.model._meta.fields if isinstance(f, models.FileField)]
    for row in queryset.iterator(chunk_size=CHUNK):
        for file_field in files:
            name = getattr(row, file_field.attname).name
            if name:
                media.setdefault(name, f"{label}.{file_field.name}")
        counts[label] += 1
        yield row


def _dump_model(
    writer: _Writer, index: int, model, using: str, counts: Counter, media: dict
) -> dict:
    label = model._meta.label_lower
    member = f"data/{index:02d}-{label}.jsonl"
    natural = _uses_natural_keys(model)
    rows = _rows(_queryset(model, natural, using), counts, media)
    with writer.member(member, compress=True) as out:
        text = io.TextIOWrapper(out, encoding="utf-8", newline="\n")
        _Serializer().serialize(
            rows,
            stream=text,
            cls=_ExactEncoder,
            use_natural_foreign_keys=natural,
            use_natural_primary_keys=label in NATURAL_PK,
        )
        text.flush()
        text.detach()
    return {"label": label, "member": member, "count": counts[label]}


def _dump_media(writer: _Writer, media: dict[str, str]) -> tuple[list, list]:
    """Copy each file the rows name; a missing one is listed, not fatal."""
    copied, missing = [], []
    for name, field_label in sorted(media.items()):
        storage = _file_field(field_label).storage
        try:
            source = storage.open(name, "rb")
        except (OSError, SuspiciousFileOperation):
            missing.append({"name": name, "field": field_label})
            continue
        with source, writer.member(MEDIA + name, compress=False) as out:
            shutil.copyfileobj(source, out, COPY_BUFFER)
        copied.append({"name": name, "field": field_label, "size": out.size})
    return copied, missing


def _manifest_start(connection, now: datetime) -> dict:
    app_labels = {model._meta.app_label for model in backup_models()}
    applied = MigrationRecorder(connection).applied_migrations()
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "newszone_version": newszone.__version__,
        "django_version": django.get_version(),
        "created_at": now.isoformat(),
        "database_vendor": connection.vendor,
        "migrations": sorted(f"{a}.{n}" for a, n in applied if a in app_labels),
        "models": [],
    }


def _write_archive(
    archive: zipfile.ZipFile, using: str, on_table: Callable | None
) -> dict:
    connection, counts, media = connections[using], Counter(), {}
    with read_snapshot(connection):
        now = timezone.now()
        writer, manifest = _Writer(archive, now), _manifest_start(connection, now)
        for index, model in enumerate(backup_models()):
            entry = _dump_model(writer, index, model, using, counts, media)
            manifest["models"].append(entry)
            if on_table:
                on_table(entry["label"], entry["count"])
    # Media after the snapshot ends: uploads are never rewritten in place (a
    # new picture gets a new name), so the files still match the rows.
    manifest["media"], manifest["missing_media"] = _dump_media(writer, media)
    manifest["members"] = writer.hashes
    text = json.dumps(manifest, indent=1, ensure_ascii=False)
    archive.writestr(MANIFEST, text, compress_type=zipfile.ZIP_DEFLATED)
    return manifest


def _temp_beside(path: Path):
    """The archive is written next to its final name, then renamed over it:
    a rename in one folder is atomic, so FILE is whole or untouched."""
    if path.is_dir():
        raise BackupError(_("%(path)s is a folder; name a file.") % {"path": path})
    try:  # mode 600: the archive holds password hashes
        return tempfile.NamedTemporaryFile(
            dir=path.parent, prefix=f".{path.name}.", suffix=".part", delete=False
        )
    except OSError as error:
        raise BackupError(
            _("Cannot write in %(folder)s: %(error)s")
            % {"folder": path.parent, "error": error.strerror or error}
        ) from error


def write_backup(
    path: Path | str,
    *,
    using: str = "default",
    on_table: Callable[[str, int], None] | None = None,
) -> Summary:
    """Write the archive of the whole site to ``path``; ``on_table`` hears of
    each table as it is done (progress, and tests that write mid-backup)."""
    started, path = time.monotonic(), Path(path).absolute()
    temp = _temp_beside(path)
    try:
        with zipfile.ZipFile(temp, "w") as archive:
            manifest = _write_archive(archive, using, on_table)
        _move_into_place(temp, path)
    except OSError as error:
        raise BackupError(
            _("Could not write %(path)s: %(error)s") % {"path": path, "error": error}
        ) from error
    except DatabaseError as error:  # e.g. a site never migrated
        raise BackupError(
            _("Could not read the database: %(error)s") % {"error": error}
        ) from error
    finally:
        temp.close()
        if os.path.exists(temp.name):  # a failed run leaves nothing behind
            os.unlink(temp.name)
    return _summary(path, manifest, started)


def _move_into_place(temp, path: Path) -> None:
    """On disk before it is renamed, and the rename on disk too (fsync of the
    folder): after a crash there is the old FILE or the new one, whole."""
    temp.flush()
    os.fsync(temp.fileno())
    temp.close()
    os.replace(temp.name, path)
    folder = os.open(path.parent, os.O_RDONLY)
    try:
        os.fsync(folder)
    finally:
        os.close(folder)


def _summary(path: Path, manifest: dict, started: float) -> Summary:
    return Summary(
        path=path,
        archive_bytes=path.stat().st_size,
        seconds=time.monotonic() - started,
        counts={e["label"]: e["count"] for e in manifest["models"]},
        media_files=len(manifest["media"]),
        media_bytes=sum(entry["size"] for entry in manifest["media"]),
        missing_media=manifest.get("missing_media", []),
        manifest=manifest,
    )


def describe(summary: Summary, headline: str) -> str:
    """The few lines a command prints: what, how big, how long."""
    lines = [
        headline
        % {
            "path": summary.path,
            "size": _megabytes(summary.archive_bytes),
            "seconds": f"{summary.seconds:.1f}",
        }
    ]
    lines += [f"  {label:<28} {count:>8}" for label, count in summary.counts.items()]
    lines.append(
        _("  media files: %(count)s (%(size)s)")
        % {"count": summary.media_files, "size": _megabytes(summary.media_bytes)}
    )
    return "\n".join(lines)


def _megabytes(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB"
