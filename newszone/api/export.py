"""The desk's whole archive as IPTC ninjs 2.3 files, photos beside them.

Layout (what ``import-ninjs DIR`` reads back)::

    DIR/articles/<article id>.json   every article, whatever its state
    DIR/photos/<photo id><ext>       each photo's original, copied once

Each file is the API's ninjs (``api/ninjs.py``, desk view: ``pubstatus``
follows the state, the embargo is kept) plus two things for the round trip:
each picture's first rendition is ``original``, whose ``href`` is the copied
file relative to the JSON (``../photos/12.jpg``), and the section's parent is
a subject with rel ``parent-section`` (the section itself is rel ``section``).

A relative ``href`` is what makes the folder portable, but it is a URI
reference, not the absolute URI the schema's ``format: uri`` describes:
validators that assert formats flag exactly those hrefs and nothing else.
"""

from __future__ import annotations

import io
import json
import mimetypes
import os
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO
from urllib.parse import urljoin

from newszone.api.ninjs import article_ninjs
from newszone.articles.models import Article
from newszone.publication.models import Publication

BATCH = 200  # articles per query (their bylines, photos, tags: one query each)


@dataclass
class Summary:
    articles: int = 0
    photos: int = 0
    bytes: int = 0
    missing: list[str] = field(default_factory=list)  # originals not found


class SiteRoot:
    """What ``article_ninjs`` asks of a request: absolute URLs. A command has
    no request, and a ``RequestFactory`` one would be held to ALLOWED_HOSTS."""

    def __init__(self, base_url: str):
        self.base_url = base_url.rstrip("/") + "/"

    def build_absolute_uri(self, path: str) -> str:
        return urljoin(self.base_url, path)


def articles_for_export():
    """Every article, oldest first, with all that its ninjs shows."""
    return (
        Article.objects.for_listing()
        .select_related("section__parent", "translation")
        .prefetch_related("tags", "corrections")
        .order_by("pk")
    )


def export_site(
    target: Path, base_url: str, progress: Callable[[int], object] | None = None
) -> Summary:
    """Write the archive under ``target``; ``OSError`` if it cannot."""
    articles_dir, photos_dir = target / "articles", target / "photos"
    for folder in (articles_dir, photos_dir):
        folder.mkdir(parents=True, exist_ok=True)
    site, publication = SiteRoot(base_url), Publication.current()
    summary, copied = Summary(), {}
    for article in articles_for_export().iterator(chunk_size=BATCH):
        for use in article.ordered_photos:
            if use.photo_id not in copied:
                copied[use.photo_id] = copy_photo(use.photo, photos_dir, summary)
        item = article_ninjs(article, site, desk=True, publication=publication)
        add_originals(item, article, copied)
        add_parent_section(item, article)
        data = json.dumps(item, ensure_ascii=False, indent=2).encode()
        summary.bytes += write_atomic(articles_dir / f"{article.pk}.json", data)
        summary.articles += 1
        if progress:
            progress(1)
    return summary


def copy_photo(photo, photos_dir: Path, summary: Summary) -> str | None:
    """The original's file name in ``photos_dir``, or None if it is missing
    from storage (reported, the export goes on). Read through the storage:
    originals may live in S3."""
    name = f"{photo.pk}{Path(photo.image.name).suffix.lower()}"
    try:
        with photo.image.storage.open(photo.image.name, "rb") as source:
            summary.bytes += write_atomic(photos_dir / name, source)
    except FileNotFoundError:
        summary.missing.append(f"photo {photo.pk}: {photo.image.name}")
        return None
    summary.photos += 1
    return name


def add_originals(item: dict, article, copied: dict[int, str | None]) -> None:
    """Lead each picture's renditions with the copied original. Pictures come
    first among the associations, in the story's order (``article_ninjs``)."""
    for association, use in zip(
        item.get("associations", []), article.ordered_photos, strict=False
    ):
        name = copied.get(use.photo_id)
        if name:
            original = {
                "name": "original",
                "href": f"../photos/{name}",
                "contenttype": mimetypes.guess_type(name)[0] or "image/jpeg",
                "width": use.photo.width,
                "height": use.photo.height,
            }
            association["renditions"].insert(0, original)


def add_parent_section(item: dict, article) -> None:
    parent = article.section.parent
    if parent is not None:
        item["subjects"].insert(
            1,
            {
                "name": parent.name(article.language),
                "rel": "parent-section",
                "literal": parent.slug,
            },
        )


def write_atomic(path: Path, content: bytes | IO[bytes]) -> int:
    """Write to a temporary file beside ``path``, then rename it over ``path``:
    a reader never sees half a file. Returns the bytes written."""
    source = io.BytesIO(content) if isinstance(content, bytes) else content
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(handle, "wb") as out:
            shutil.copyfileobj(source, out)
            size = out.tell()
        os.chmod(temporary, 0o644)  # mkstemp's 0600 would hide it from the group
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return size
