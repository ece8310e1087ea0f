"""Restore a backup archive: check it whole, then load it in one transaction.

See ``backup.py`` for the archive's format.
"""

from __future__ import annotations

import hashlib
import io
import itertools
import json
import posixpath
import shutil
import tempfile
import time
import zipfile
import zlib
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from django.apps import apps
from django.core import serializers
from django.core.exceptions import FieldDoesNotExist
from django.core.files import File
from django.core.management.color import no_style
from django.core.serializers.base import DeserializationError
from django.db import (
    DatabaseError,
    IntegrityError,
    connections,
    models,
    transaction,
)
from django.db.migrations.recorder import MigrationRecorder
from django.utils.translation import gettext as _

from newszone.importers.backup import (
    BATCH,
    COPY_BUFFER,
    FORMAT,
    FORMAT_VERSION,
    MADE_BY_MIGRATE,
    MANIFEST,
    MEDIA,
    NATURAL_PK,
    NOT_BACKED_UP,
    WIPED_ALSO,
    BackupError,
    Summary,
    _auto_m2m,
    _file_field,
    _installed,
    _summary,
    backup_models,
)
from newszone.search.backends import get_backend

# ---------------------------------------------------------------------------
# Reading and checking
# ---------------------------------------------------------------------------

# What a damaged zip raises while being read (bad CRC, bad deflate stream, cut
# short, a byte flipped inside UTF-8).
DAMAGE = (zipfile.BadZipFile, zlib.error, EOFError, UnicodeDecodeError)


@contextmanager
def open_archive(path: Path) -> Iterator[zipfile.ZipFile]:
    try:
        archive = zipfile.ZipFile(path)
    except FileNotFoundError as error:
        raise BackupError(_("No such file: %(path)s") % {"path": path}) from error
    except zipfile.BadZipFile as error:  # not a zip, or its end is cut off
        raise BackupError(
            _("%(path)s is not a newszone backup, or it is cut short.") % {"path": path}
        ) from error
    except OSError as error:
        raise BackupError(
            _("Cannot read %(path)s: %(error)s") % {"path": path, "error": error}
        ) from error
    with archive:
        try:
            yield archive
        except DAMAGE as error:
            raise BackupError(
                _("%(path)s is damaged (%(error)s); nothing was restored.")
                % {"path": path, "error": error}
            ) from error


def read_manifest(archive: zipfile.ZipFile) -> dict:
    try:
        manifest = json.loads(archive.read(MANIFEST))
    except KeyError as error:
        raise BackupError(_("Not a newszone backup: no manifest.")) from error
    except ValueError as error:
        raise BackupError(_("The archive's manifest is unreadable.")) from error
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise BackupError(_("Not a newszone backup: unknown manifest."))
    if manifest.get("format_version") != FORMAT_VERSION:
        raise BackupError(
            _(
                "Archive format version %(found)s; this newszone reads "
                "version %(known)s."
            )
            % {"found": manifest.get("format_version"), "known": FORMAT_VERSION}
        )
    kinds = {"models": list, "media": list, "members": dict, "migrations": list}
    if any(not isinstance(manifest.get(k), t) for k, t in kinds.items()):
        raise BackupError(_("The archive's manifest is incomplete."))
    return manifest


def _safe_name(name: str) -> bool:
    """A relative storage name that stays inside the media folder."""
    parts = name.split("/")
    return (
        bool(name)
        and "\\" not in name
        and "\0" not in name
        and not any(part in ("", ".", "..") for part in parts)
    )


def _check_contents(manifest: dict) -> None:
    """Only this site's models, only safe file names, no member unaccounted."""
    known = {model._meta.label_lower for model in backup_models()}
    try:
        labels = [entry["label"] for entry in manifest["models"]]
        listed = [entry["member"] for entry in manifest["models"]]
        numbers = [e["count"] for e in manifest["models"]]
        for entry in manifest["media"]:
            labels.append(_file_field(entry["field"]).model._meta.label_lower)
            numbers.append(entry["size"])
            listed.append(MEDIA + entry["name"] if _safe_name(entry["name"]) else "")
    except (
        LookupError,
        FieldDoesNotExist,
        TypeError,
        ValueError,
        AttributeError,
    ) as error:
        raise BackupError(_("The archive's manifest is malformed.")) from error
    if not all(type(number) is int for number in numbers):
        raise BackupError(_("The archive's manifest is malformed."))
    if not set(labels) <= known:
        raise BackupError(
            _("The archive holds tables this site does not restore: %(labels)s")
            % {"labels": ", ".join(sorted(set(labels) - known))}
        )
    if "" in listed or sorted(listed) != sorted(manifest["members"]):
        raise BackupError(_("The archive's manifest does not match its contents."))


def _sha256(archive: zipfile.ZipFile, name: str) -> str:
    digest = hashlib.sha256()
    with archive.open(name) as member:
        while chunk := member.read(COPY_BUFFER):
            digest.update(chunk)
    return digest.hexdigest()


def verify_archive(archive: zipfile.ZipFile, manifest: dict) -> None:
    """Every member present, nothing extra, every checksum right."""
    _check_contents(manifest)
    names = [info.filename for info in archive.infolist() if info.filename != MANIFEST]
    expected = manifest["members"]
    if len(names) != len(set(names)) or set(names) != set(expected):
        raise BackupError(_("The archive's members do not match its manifest."))
    for name in names:
        if _sha256(archive, name) != expected[name]:
            raise BackupError(
                _("%(member)s fails its checksum: the archive is damaged.")
                % {"member": name}
            )


def _check_schema(manifest: dict, connection) -> None:
    """Rows made under migrations this site lacks may not fit its tables."""
    applied = {
        f"{a}.{n}" for a, n in MigrationRecorder(connection).applied_migrations()
    }
    ahead = sorted(set(manifest["migrations"]) - applied)
    if ahead:
        raise BackupError(
            _(
                "The archive comes from a newer newszone (migrations not applied "
                "here: %(names)s). Upgrade and run migrate first."
            )
            % {"names": ", ".join(ahead[:5])}
        )


# ---------------------------------------------------------------------------
# Loading
# ---------------------------------------------------------------------------


def _tables(models_: Iterable[type[models.Model]]) -> list[str]:
    tables = []
    for model in models_:
        tables.append(model._meta.db_table)
        tables += [f.remote_field.through._meta.db_table for f in _auto_m2m(model)]
    return tables


def occupied(using: str = "default") -> list[str]:
    """Tables of content that already hold rows (the groups migrate makes and
    their permissions do not count: a freshly migrated site is empty)."""
    return [
        model._meta.label_lower
        for model in backup_models()
        if model._meta.label_lower not in MADE_BY_MIGRATE
        and model._base_manager.using(using).exists()
    ]


def _make_room(connection, force: bool) -> None:
    if not force:
        taken = occupied(connection.alias)
        if taken:
            raise BackupError(
                _(
                    "This site is not empty (%(tables)s hold rows). Restore into a "
                    "freshly migrated site, or add --force to replace everything."
                )
                % {"tables": ", ".join(taken)}
            )
        return
    wiped = [*backup_models(), *map(apps.get_model, NOT_BACKED_UP)]
    wiped += [apps.get_model(label) for label in WIPED_ALSO if _installed(label)]
    # PostgreSQL: one TRUNCATE of all of them (transactional, rolled back on
    # failure); SQLite: DELETEs. Foreign keys are deferred until commit.
    statements = connection.ops.sql_flush(no_style(), _tables(wiped))
    with connection.cursor() as cursor:
        for sql in statements:
            cursor.execute(sql)


def _batches(items: Iterator, size: int) -> Iterator[list]:
    while batch := list(itertools.islice(items, size)):
        yield batch


def _insert(model: type[models.Model], rows: list[models.Model], using: str) -> None:
    """INSERT the rows as they are: raw, as loaddata's save_base(raw=True) does
    (no auto_now, no pre_save sanitising, no signals: the audit log must not
    grow by the restore), but one statement per batch, not an UPDATE then an
    INSERT per row."""
    fields = model._meta.local_concrete_fields
    size = max(connections[using].ops.bulk_batch_size(fields, rows), 1)
    manager = model._base_manager.db_manager(using)
    for start in range(0, len(rows), size):
        manager._insert(
            rows[start : start + size], fields=fields, using=using, raw=True
        )


def _insert_links(model, pairs: list[tuple], using: str, replace: bool) -> None:
    """Many-to-many link rows in bulk: ``.set()`` would send m2m_changed, and
    the audit log would record every restored membership as a role change."""
    for m2m in _auto_m2m(model):
        through = m2m.remote_field.through
        source = through._meta.get_field(m2m.m2m_field_name()).attname
        target = through._meta.get_field(m2m.m2m_reverse_field_name()).attname
        manager = through._base_manager.db_manager(using)
        if replace:  # a group migrate made: its permissions become the archive's
            manager.filter(**{f"{source}__in": [pk for pk, _ in pairs]}).delete()
        links = [
            through(**{source: pk, target: value})
            for pk, data in pairs
            for value in (data or {}).get(m2m.name, [])
        ]
        manager.bulk_create(links, batch_size=BATCH)


def _save_batch(model, batch: list, using: str, natural_pk: bool) -> None:
    links = [item.m2m_data for item in batch]  # save() forgets them
    if natural_pk:  # found by name: update the existing row, or insert
        for item in batch:
            item.save(save_m2m=False, using=using)
    else:
        _insert(model, [item.object for item in batch], using)
    pairs = [(item.object.pk, data) for item, data in zip(batch, links, strict=True)]
    _insert_links(model, pairs, using, replace=natural_pk)


def _load_model(archive: zipfile.ZipFile, entry: dict, using: str) -> int:
    model, count = apps.get_model(entry["label"]), 0
    with archive.open(entry["member"]) as raw:
        lines = io.TextIOWrapper(raw, encoding="utf-8")
        objects = serializers.deserialize("jsonl", lines, using=using)
        try:
            for batch in _batches(objects, BATCH):
                if any(type(item.object) is not model for item in batch):
                    raise DeserializationError(f"a row not of {entry['label']}")
                _save_batch(model, batch, using, entry["label"] in NATURAL_PK)
                count += len(batch)
        except DeserializationError as error:
            raise BackupError(
                _("Cannot load %(member)s: %(error)s")
                % {"member": entry["member"], "error": error}
            ) from error
    if count != entry["count"]:
        raise BackupError(
            _("%(member)s holds %(count)s rows, its manifest says %(expected)s.")
            % {"member": entry["member"], "count": count, "expected": entry["count"]}
        )
    return count


def _finish_database(connection, loaded: list[type[models.Model]]) -> None:
    try:
        connection.check_constraints(table_names=_tables(loaded))
    except IntegrityError as error:
        raise BackupError(
            _("The archive's rows do not fit together: %(error)s") % {"error": error}
        ) from error
    # Rows came with their ids: move PostgreSQL's sequences past them (SQLite
    # does it by itself).
    with connection.cursor() as cursor:
        for sql in connection.ops.sequence_reset_sql(no_style(), loaded):
            cursor.execute(sql)
    # The documents came as rows, not through documents.store: PostgreSQL's
    # vectors (empty in an archive from SQLite) are made from the terms.
    get_backend(connection.alias).rebuild(from_terms=True)


class _MediaWriter:
    """Puts the archive's files into storage and takes them out again if the
    restore fails: files are outside the transaction, so this is what keeps
    a failed restore from leaving anything behind."""

    def __init__(self):
        self.written: list[tuple] = []
        self.replaced: list[tuple] = []
        self.aside = tempfile.TemporaryDirectory(prefix="newszone-restore-")

    def copy(self, archive: zipfile.ZipFile, manifest: dict) -> None:
        for entry in manifest["media"]:
            storage, name = _file_field(entry["field"]).storage, entry["name"]
            if storage.exists(name):
                if _stored_sha256(storage, name) == manifest["members"][MEDIA + name]:
                    continue  # the very file is there already
                self._set_aside(storage, name)
            with archive.open(MEDIA + name) as source:
                content = File(source, name=posixpath.basename(name))
                content.size = entry["size"]
                saved = storage.save(name, content)
            self.written.append((storage, saved))
            if saved != name:
                raise BackupError(
                    _("Storage renamed %(name)s to %(saved)s.")
                    % {"name": name, "saved": saved}
                )

    def _set_aside(self, storage, name: str) -> None:
        kept = Path(self.aside.name) / str(len(self.replaced))
        with storage.open(name, "rb") as source, open(kept, "wb") as copy:
            shutil.copyfileobj(source, copy, COPY_BUFFER)
        storage.delete(name)
        self.replaced.append((storage, name, kept))

    def undo(self) -> None:
        for storage, name in reversed(self.written):
            storage.delete(name)
        for storage, name, kept in self.replaced:
            with open(kept, "rb") as copy:
                storage.save(name, File(copy))

    def close(self) -> None:
        self.aside.cleanup()


def _stored_sha256(storage, name: str) -> str:
    digest = hashlib.sha256()
    with storage.open(name, "rb") as stored:
        while chunk := stored.read(COPY_BUFFER):
            digest.update(chunk)
    return digest.hexdigest()


def _load_all(archive: zipfile.ZipFile, manifest: dict, force: bool, using: str):
    """Everything in one transaction: any failure leaves the site as it was."""
    connection, media = connections[using], _MediaWriter()
    try:
        with transaction.atomic(using=using):
            _make_room(connection, force)
            counts = {
                entry["label"]: _load_model(archive, entry, using)
                for entry in manifest["models"]
            }
            _finish_database(connection, [apps.get_model(label) for label in counts])
            # Files last, once the rows are in; undone if the commit fails.
            media.copy(archive, manifest)
    except BaseException as error:
        media.undo()
        if isinstance(error, DatabaseError):  # rolled back: say so, no traceback
            raise BackupError(
                _("The database refused the restore (%(error)s); nothing changed.")
                % {"error": error}
            ) from error
        raise
    finally:
        media.close()
    return counts


def restore_backup(
    path: Path | str, *, force: bool = False, using: str = "default"
) -> Summary:
    """Restore the archive at ``path`` into this site (empty, unless ``force``:
    then its content is replaced). Checks the whole archive before writing."""
    started, path = time.monotonic(), Path(path).absolute()
    with open_archive(path) as archive:
        manifest = read_manifest(archive)
        verify_archive(archive, manifest)
        _check_schema(manifest, connections[using])
        _load_all(archive, manifest, force, using)
    return _summary(path, manifest, started)
