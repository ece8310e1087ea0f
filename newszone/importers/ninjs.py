"""Read IPTC ninjs news items, 1.x and 2.x, into ``ImportItem``s.

A path is a ``.json`` file or a folder of them (walked recursively, sorted);
a file holds one ninjs object or a JSON array of them. Every object is
validated against IPTC's schema for its version: the one its ``standard``
(2.x), ``$standard`` (1.x) or ``$schema`` names, else the one its shape says
(2.x keeps arrays with roles: ``headlines``, ``bodies``, ``descriptions``,
``people``; 1.x single fields: ``headline``, ``body_html``,
``description_text``, ``byline``, ``person``). The schemas ship with newszone
(``importers/schemas/ninjs``), see ``ninjs_schemas.schema_dir()``.

Decisions the writer and the desk can rely on:

- ``pubstatus`` ``canceled``: a ``Failure`` (the source withdrew the story);
  ``withheld``, or an embargo still running: status ``draft``, so a run with
  ``--status published`` cannot put it out early; ``usable``: ``""`` (the run's).
- A picture is taken only from a rendition whose ``href`` is a relative path
  to an image file beside the JSON (what ``export-ninjs`` writes): an import
  never downloads. A picture without one is noted in ``notes``
  (reported, not a failure: the text is the story, the picture can follow).
- Corrections and updates (2.x descriptions with those roles) have no place
  in an ``ImportItem``: they are noted in ``notes`` too.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable, Iterator
from datetime import datetime
from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.utils import timezone
from django.utils.html import escape, strip_tags
from jsonschema.exceptions import best_match

from newszone.articles.models import ArticleType
from newszone.importers.items import (
    Failure,
    ImportItem,
    PhotoRef,
    ReporterRef,
    SectionRef,
    script_of,
)
from newszone.importers.ninjs_schemas import (
    LATEST,
    SCHEMAS,
    declared_version,
    schema_dir,
    shaped_version,
    validator,
)

SECTION_RELS = ("section", "parent-section")  # written by export-ninjs
AUTHOR_RELS = {"author", "creator", "reporter", "writer"}
# What the photo library accepts (Photo.image: JPEG, PNG or WebP); anything
# else a relative href points at is not read, whatever the JSON says.
IMAGE_SUFFIXES = {".jpg", ".jpeg", ".png", ".webp"}
TYPES = {choice.value for choice in ArticleType}


# -- reading files ---------------------------------------------------------------


def read_paths(paths: Iterable[Path]) -> Iterator[ImportItem | Failure]:
    """Every story in ``paths``, or why one could not be read.

    Raises ``SchemasMissing`` before the first item if IPTC's schemas are absent.
    """
    folder = schema_dir()
    for path in map(Path, paths):
        if path.is_dir():
            files = sorted(p for p in path.rglob("*.json") if p.is_file())
            for file in files:
                yield from read_file(file, str(file.relative_to(path)), folder)
        elif path.is_file():
            yield from read_file(path, path.name, folder)
        else:
            yield Failure(str(path), "no such file or folder")


def read_file(path: Path, origin: str, folder: Path) -> Iterator[ImportItem | Failure]:
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except json.JSONDecodeError as error:
        where = f"{origin}:line {error.lineno} column {error.colno}"
        yield Failure(where, f"invalid JSON: {error.msg}")
        return
    except (OSError, UnicodeDecodeError) as error:
        yield Failure(origin, f"cannot read the file: {error}")
        return
    if not isinstance(data, list):
        yield read_object(data, origin, path.parent, folder)
        return
    for number, obj in enumerate(data, 1):
        yield read_object(obj, f"{origin}:item {number}", path.parent, folder)


def read_object(obj, origin: str, here: Path, folder: Path) -> ImportItem | Failure:
    """One ninjs object, validated, as a story; ``here`` is its file's folder."""
    if not isinstance(obj, dict):
        return Failure(origin, "not a ninjs object (a JSON object is expected)")
    obj = dict(obj)
    # Neither schema allows "$schema"; it is only a marker, so it is read and
    # taken out before validation.
    declared = declared_version(obj, obj.pop("$schema", None))
    version = declared if declared in SCHEMAS else LATEST.get(declared.split(".")[0])
    if declared and not version:  # 3.x: another model altogether
        return Failure(origin, f"{name(obj)}: ninjs {declared} is not supported")
    version = version or shaped_version(obj)
    error = best_match(validator(folder, version).iter_errors(obj))
    if error is not None:
        message = error.message if len(error.message) < 200 else error.message[:200]
        return Failure(
            origin,
            f"{name(obj)}: not valid ninjs {version}: {error.json_path}: {message}",
        )
    reader = (Ninjs1 if version.startswith("1.") else Ninjs2)(obj)
    return story(reader, origin, here)


def name(obj: dict) -> str:
    return str(obj.get("uri") or obj.get("guid") or "an item without uri")


# -- mapping -------------------------------------------------------------------


def story(reader: Reader, origin: str, here: Path) -> ImportItem | Failure:
    obj = reader.obj
    kind = obj.get("type", "text")
    headline, alternate = reader.headlines()
    if kind != "text" or not headline:
        what = f"type {kind}" if kind != "text" else "no headline"
        return Failure(origin, f"{obj['uri']}: not a text story ({what})")
    if obj.get("pubstatus") == "canceled":
        return Failure(origin, f"{obj['uri']}: canceled by its source, not imported")
    notes = reader.notes()
    item = ImportItem(
        source_key=source_key(obj["uri"]),
        origin=origin,
        headline=headline,
        alternate_headline=alternate,
        status=status(obj, notes),
        notes=notes,
    )
    fill(item, reader, here)
    return item


def fill(item: ImportItem, reader: Reader, here: Path) -> None:
    obj = reader.obj
    item.body_html = reader.body_html()
    item.deck = reader.deck()
    item.language = language(obj.get("language", ""))
    item.copyright_line = copyright_line(obj)
    genre = reader.genre()
    item.article_type = genre if genre in TYPES else ArticleType.NEWS.value
    item.section, item.tags = subjects(reader.subjects())
    item.reporters = reader.reporters()
    item.photos = [p for p in (photo(a, here, item) for a in reader.pictures()) if p]
    moment = obj.get("firstcreated") or obj.get("versioncreated")
    item.published_at = datetime.fromisoformat(moment) if moment else None


def source_key(uri: str) -> str:
    """``ninjs:<uri>``; a uri too long for the 200-character key column is
    replaced by its SHA-256, which is as stable."""
    key = f"ninjs:{uri}"
    return key if len(key) <= 200 else f"ninjs:sha256:{sha256(uri)}"


def sha256(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def status(obj: dict, notes: list[str]) -> str:
    embargo = obj.get("embargoed")
    # Compared with now: once the embargo has passed, the run's status applies.
    if embargo and datetime.fromisoformat(embargo) > timezone.now():
        notes.append(f"embargoed until {embargo}: imported as a draft")
        return "draft"
    return "draft" if obj.get("pubstatus") == "withheld" else ""


def language(tag: str) -> str:
    """BCP 47 to ours: ``ko-KR`` → ``ko``, ``en-GB`` → ``en``; else ``""``."""
    primary = tag.strip().lower().replace("_", "-").split("-")[0]
    return primary if primary in ("ko", "en") else ""


def copyright_line(obj: dict) -> str:
    # rightsinfo's encodedrights is a machine rights expression (ODRL…), not
    # a line for readers: only its link is used.
    holder = obj.get("copyrightholder", "").strip()
    rights = obj.get("rightsinfo") or {}
    return (
        obj.get("copyrightnotice", "").strip()
        or (f"© {holder}" if holder else "")
        or rights.get("linkedrights", "").strip()
    )


def subjects(entries: list[dict]) -> tuple[SectionRef | None, list[str]]:
    """The section (the subject with rel ``section``, under the one with rel
    ``parent-section``, as export-ninjs writes them) and the tags (every
    other named subject, keywords and topics alike)."""
    found: dict[str, dict] = {}
    tags: list[str] = []
    for entry in entries:
        label, rel = (entry.get("name") or "").strip(), entry.get("rel", "")
        if label and rel in SECTION_RELS:
            found.setdefault(rel, entry)
        elif label and label not in tags:
            tags.append(label)
    if "section" not in found:
        return None, tags
    section, parent = found["section"], found.get("parent-section", {})
    slug = section.get("literal") or section.get("code") or ""
    return SectionRef(section["name"].strip(), parent.get("name", ""), slug), tags


def paragraphs(text: str) -> str:
    """Plain text as HTML: each non-empty line a paragraph (wire copy's habit)."""
    lines = (line.strip() for line in text.splitlines())
    return "".join(f"<p>{escape(line)}</p>" for line in lines if line)


_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_BY = re.compile(r"^\s*by\s+", re.I)
# Not on commas: English names come as "Su-Yeol, Maeng" (family name last).
_BY_SPLIT = re.compile(r"\s*[;/·|&]\s*|\s+(?:and|및)\s+", re.I)
_TITLE = re.compile(r"\s+(?:기자|특파원|선임기자|논설위원)$")


def reporter(name: str, email: str = "") -> ReporterRef:
    return ReporterRef(name=name.strip(), email=email, language=script_of(name))


def byline_reporters(line: str) -> list[ReporterRef]:
    """``By A and B`` / ``맹수열 기자 maeng@…·김기자 기자``: one ref each."""
    refs = []
    for part in _BY_SPLIT.split(_BY.sub("", line)):
        email = _EMAIL.search(part)
        person = _TITLE.sub("", _EMAIL.sub("", part).strip(" ,")).strip()
        if person:
            refs.append(reporter(person, email.group() if email else ""))
    return refs


def email_of(person: dict) -> str:
    for contact in person.get("contactinfo", []):
        value = contact.get("value", "")
        if contact.get("type") == "email" or _EMAIL.fullmatch(value):
            return value
    return ""


def photo(picture: Reader, here: Path, item: ImportItem) -> PhotoRef | None:
    uri = picture.obj["uri"]
    path = next(filter(None, (local_file(h, here) for h in picture.hrefs())), None)
    if path is None:
        item.notes.append(f"picture {uri}: no local file, not imported")
        return None
    creators = picture.people({"photographer", "creator"})
    return PhotoRef(
        source_key=source_key(uri),
        path=path,
        caption=picture.caption(),
        credit=picture.by(),
        alt_text=picture.alt_text(),
        creator=creators[0].get("name", "") if creators else "",
    )


def local_file(href: str, here: Path) -> Path | None:
    """An image file at a relative ``href``, from the JSON file's folder."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc or not parts.path or parts.path.startswith("/"):
        return None
    path = (here / unquote(parts.path)).resolve()
    return path if path.suffix.lower() in IMAGE_SUFFIXES and path.is_file() else None


def looks_html(text: str) -> bool:
    return bool(re.search(r"<[a-z][^>]*>", text, re.I))


# -- where each version keeps things ---------------------------------------------


def first(entries: list[dict], *roles) -> dict:
    """The first entry whose ``role`` is one of ``roles`` (``None``: no role)."""
    return next((e for e in entries if e.get("role") in roles), {})


class Reader:
    """One ninjs object; subclasses know where their version keeps things."""

    PEOPLE, SUBJECTS, BY = "people", "subjects", "by"

    def __init__(self, obj: dict):
        self.obj = obj

    def by(self) -> str:
        return self.obj.get(self.BY, "").strip()

    def people(self, rels: set[str]) -> list[dict]:
        return [p for p in self.obj.get(self.PEOPLE, []) if p.get("rel") in rels]

    def reporters(self) -> list[ReporterRef]:
        named = [p for p in self.people(AUTHOR_RELS) if p.get("name", "").strip()]
        if named:
            return [reporter(p["name"], email_of(p)) for p in named]
        return byline_reporters(self.by())

    def subjects(self) -> list[dict]:
        return self.obj.get(self.SUBJECTS, [])

    def caption(self) -> str:
        return self.text("caption") or self.deck() or self.headlines()[0]

    def alt_text(self) -> str:
        return self.text("alt")

    def notes(self) -> list[str]:
        return []


class Ninjs2(Reader):
    """ninjs 2.x: arrays of objects with roles."""

    def headlines(self) -> tuple[str, str]:
        entries = self.obj.get("headlines", [])
        main = first(entries, "main") or first(entries, None) or first(entries[:1])
        alternate = first(entries, "alternate")
        return main.get("value", "").strip(), alternate.get("value", "").strip()

    def body_html(self) -> str:
        bodies = self.obj.get("bodies", [])
        chosen = first(bodies, "main") or first(bodies, None) or first(bodies[:1])
        kind = chosen.get("contenttype", "").split(";")[0].strip().lower()
        value = chosen.get("value", "")
        if kind in ("text/html", "application/xhtml+xml"):
            return value
        return value if not kind and looks_html(value) else paragraphs(value)

    def text(self, *roles) -> str:
        entry = first(self.obj.get("descriptions", []), *roles)
        value = entry.get("value", "")
        if "html" in entry.get("contenttype", ""):
            value = strip_tags(value)
        return value.strip()

    def deck(self) -> str:
        return self.text("summary") or self.text(None)

    def genre(self) -> str:
        genres = self.obj.get("genres") or [{}]
        return (genres[0].get("literal") or genres[0].get("name") or "").lower()

    def pictures(self) -> list[Ninjs2]:
        found = self.obj.get("associations", [])
        return [Ninjs2(a) for a in found if a.get("type") == "picture"]

    def hrefs(self) -> list[str]:
        return [r["href"] for r in self.obj.get("renditions", []) if r.get("href")]

    def notes(self) -> list[str]:
        return [
            f"{d['role']} not imported: {d['value'][:80]}"
            for d in self.obj.get("descriptions", [])
            if d.get("role") in ("correction", "update")
        ]


class Ninjs1(Reader):
    """ninjs 1.x: single fields, ``body_<format>``, objects keyed by name."""

    PEOPLE, SUBJECTS, BY = "person", "subject", "byline"

    def headlines(self) -> tuple[str, str]:
        obj = self.obj
        main, alternate = obj.get("headline", ""), obj.get("headline_alternate", "")
        return main.strip(), alternate.strip()

    def body_html(self) -> str:
        obj = self.obj
        if obj.get("body_html") or obj.get("body_xhtml"):
            return obj.get("body_html") or obj["body_xhtml"]
        if "body_text" in obj:
            return paragraphs(obj["body_text"])
        other = next((obj[k] for k in sorted(obj) if k.startswith("body_")), "")
        return other if looks_html(other) else paragraphs(other)

    def text(self, role: str) -> str:
        return self.obj.get(f"description_{role}", "").strip()

    def deck(self) -> str:
        return self.text("text") or strip_tags(self.text("html")).strip()

    def genre(self) -> str:
        genres = self.obj.get("genre") or [{}]
        return (genres[0].get("code") or genres[0].get("name") or "").lower()

    def pictures(self) -> list[Ninjs1]:
        found = self.obj.get("associations", {}).values()
        return [Ninjs1(a) for a in found if a.get("type") == "picture"]

    def hrefs(self) -> list[str]:
        found = self.obj.get("renditions", {}).values()
        return [r["href"] for r in found if r.get("href")]
