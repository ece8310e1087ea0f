"""One feed entry per story, the same for RSS, Atom and JSON Feed.

Built from stories loaded with ``for_listing()`` plus their tags and
corrections, so an entry needs no query of its own; the lead photos'
renditions are fetched for the whole feed at once.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime

from django.template.loader import get_template
from django.utils import timezone

from newszone.frontend.pictures import rendition_url
from newszone.photos.models import Rendition
from newszone.photos.renditions import STRUCTURED_DATA_WIDTH, Spec, get_rendition

logger = logging.getLogger(__name__)

# The enclosure: the 16:9 crop at 1200 wide, a size the upload job already
# makes for structured data (photos.renditions.full_set), so its byte size,
# which RSS's <enclosure length> requires, is normally stored already.
ENCLOSURE = Spec("16x9", STRUCTURED_DATA_WIDTH, "jpg")


@dataclass(frozen=True)
class Author:
    name: str
    url: str


@dataclass(frozen=True)
class Image:
    url: str
    length: int
    mime_type: str = ENCLOSURE.content_type


@dataclass(frozen=True)
class Entry:
    url: str
    title: str
    summary: str
    content_html: str
    authors: list[Author]
    categories: list[str]
    published: datetime
    updated: datetime
    image: Image | None
    language: str
    rights: str


def build_entries(request, stories, publication, full_content=True) -> list[Entry]:
    """The entries of ``stories``, loaded with bylines, photos, tags and notes."""
    renditions = lead_renditions(stories)
    content = get_template("feeds/entry_content.html")

    def body(story, notes) -> str:
        context = {"story": story, "notes": notes, "full": full_content}
        return content.render(context).strip()

    return [entry(request, story, publication, renditions, body) for story in stories]


def entry(request, story, publication, renditions, body) -> Entry:
    notes = list(story.corrections.all())
    lead = story.lead_photo
    made = renditions.get(lead.photo_id) if lead else None
    return Entry(
        url=request.build_absolute_uri(story.get_absolute_url()),
        title=story.headline,
        summary=story.deck,
        content_html=body(story, notes),
        authors=authors(request, story),
        categories=[story.section.name(story.language)]
        + [tag.name for tag in story.tags.all()],
        published=on_paper_clock(story.published_at),
        updated=on_paper_clock(updated(story, notes)),
        image=enclosure(request, lead.photo, made) if made else None,
        language=story.language,
        rights=story.copyright_line or publication.copyright(story.language),
    )


def authors(request, story) -> list[Author]:
    """Every reporter in the byline, named as the story's edition prints them."""
    return [
        Author(
            reporter.display_name(story.language),
            request.build_absolute_uri(reporter.get_absolute_url()),
        )
        for reporter in story.ordered_reporters
    ]


def updated(story, notes) -> datetime:
    """The last change readers can see: an edit, or the newest correction."""
    times = [story.published_at, story.updated_at]
    return max(times + [note.created_at for note in notes])


def on_paper_clock(moment: datetime) -> datetime:
    """KST (the paper's clock, with its +09:00 offset), to the second."""
    return timezone.localtime(moment).replace(microsecond=0)


def enclosure(request, photo, made: Rendition) -> Image:
    url = request.build_absolute_uri(rendition_url(photo, ENCLOSURE))
    return Image(url=url, length=made.size)


def lead_renditions(stories) -> dict[int, Rendition]:
    """The enclosure rendition of each lead photo, by photo id: one query for
    those already made; a missing one is made now (find, else create), once."""
    photos = {
        s.lead_photo.photo_id: s.lead_photo.photo for s in stories if s.lead_photo
    }
    if not photos:
        return {}
    found = {
        r.photo_id: r
        for r in Rendition.objects.filter(photo__in=photos, spec=ENCLOSURE.name)
        if r.version == photos[r.photo_id].version
    }
    for pk, photo in photos.items():
        if pk not in found:
            try:
                found[pk] = get_rendition(photo, ENCLOSURE)
            except OSError:  # the original is gone or unreadable: no enclosure
                logger.warning("No feed enclosure for photo %s", pk, exc_info=True)
    return found
