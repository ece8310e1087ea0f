"""Photos in: validated, their embedded metadata read, renditions queued."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from PIL import Image

from newszone.photos.metadata import read_metadata, taken_at
from newszone.photos.models import Photo
from newszone.photos.validators import validate_image_file

# Photo field ← metadata name; a field typed in by the desk always wins.
PREFILL = {
    "caption": "caption",
    "creator": "creator",
    "credit": "credit",
    "copyright_notice": "copyright",
    "alt_text": "alt_text",
    "city": "city",
    "country": "country",
}


def embedded_metadata(file) -> dict:
    position = file.tell() if hasattr(file, "tell") else 0
    try:
        file.seek(0)
        with Image.open(file) as image:
            return read_metadata(image)
    except (OSError, ValueError):
        return {}
    finally:
        file.seek(position)


def fill_from_file(photo: Photo, file) -> dict:
    """Pre-fill ``photo``'s empty fields from the file's IPTC/XMP; what was read."""
    found = embedded_metadata(file)
    for field, key in PREFILL.items():
        limit = Photo._meta.get_field(field).max_length
        if not getattr(photo, field) and found.get(key):
            setattr(photo, field, found[key][:limit] if limit else found[key])
    if not photo.credit and found.get("creator"):
        photo.credit = found["creator"][: Photo._meta.get_field("credit").max_length]
    if photo.taken_at is None:
        photo.taken_at = taken_at(found.get("date_created"))
    photo.embedded = found
    return found


def queue_renditions(photo: Photo) -> None:
    from newszone.photos.tasks import make_renditions

    transaction.on_commit(lambda: make_renditions.enqueue(photo.pk))


@transaction.atomic
def create_photo(upload, defaults: dict | None = None, **fields) -> Photo:
    """A new library photo from an upload; ``fields`` override the file's
    metadata, ``defaults`` fill what neither gives.

    Raises ValidationError (nothing stored) for a file that is too big, not
    JPEG/PNG/WebP, not what it claims, too many pixels, or damaged.
    """
    validate_image_file(upload)
    photo = Photo(**{k: v for k, v in fields.items() if v not in (None, "")})
    fill_from_file(photo, upload)
    for name, value in (defaults or {}).items():
        if value and not getattr(photo, name):
            setattr(photo, name, value)
    photo.image.save(upload.name, upload, save=False)
    try:
        photo.full_clean(exclude=["image"])
    except ValidationError:
        photo.image.delete(save=False)
        raise
    photo.save()
    queue_renditions(photo)
    return photo
