"""Renditions: crops around the focal point, resized, re-encoded as WebP and
JPEG, made once per photo, spec and version (find, else create), stored
through Django's storage. The source is decoded once for a whole set.

A spec is named ``<crop>-<width>.<ext>``: crop ``orig`` (the whole picture),
``16x9``, ``4x3`` or ``1x1``; width from ``WIDTHS``; ``webp`` or ``jpg``.
Nothing from the original's EXIF is copied (no GPS, no camera serial): the
orientation is applied to the pixels, and the caption, creator, credit and
copyright go back in as XMP (and IPTC IIM in JPEG).
"""

from __future__ import annotations

import io
import math
import re
from dataclasses import dataclass

from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from PIL import Image, ImageOps

from newszone.photos.embed import add_iim_to_jpeg, xmp_packet
from newszone.photos.models import Photo, Rendition

WIDTHS = (320, 640, 960, 1280, 1600)
STRUCTURED_DATA_WIDTH = 1200  # Google's large-image guidance for articles
CROPS = {"orig": None, "16x9": (16, 9), "4x3": (4, 3), "1x1": (1, 1)}
FORMATS = {"webp": "WEBP", "jpg": "JPEG"}
SPEC_NAME = re.compile(r"^(orig|16x9|4x3|1x1)-(\d{3,4})\.(webp|jpg)$")
QUALITY = {"WEBP": 80, "JPEG": 82}


@dataclass(frozen=True)
class Spec:
    crop: str
    width: int
    ext: str

    @property
    def name(self) -> str:
        return f"{self.crop}-{self.width}.{self.ext}"

    @property
    def ratio(self) -> tuple[int, int] | None:
        return CROPS[self.crop]

    @property
    def format(self) -> str:
        return FORMATS[self.ext]

    @property
    def content_type(self) -> str:
        return "image/webp" if self.ext == "webp" else "image/jpeg"

    @classmethod
    def parse(cls, name: str) -> Spec | None:
        """A spec from its name, or None if it is not one we make."""
        match = SPEC_NAME.match(name or "")
        if not match:
            return None
        width = int(match.group(2))
        if width not in WIDTHS and width != STRUCTURED_DATA_WIDTH:
            return None
        return cls(match.group(1), width, match.group(3))


def full_set() -> list[Spec]:
    """Every rendition a photo gets: responsive sizes, card thumbnails, and
    the three crops structured data asks for."""
    specs = [Spec("orig", w, ext) for w in WIDTHS for ext in FORMATS]
    specs += [Spec("4x3", w, ext) for w in (320, 640) for ext in FORMATS]
    specs += [Spec(c, STRUCTURED_DATA_WIDTH, "jpg") for c in ("16x9", "4x3", "1x1")]
    return specs


def crop_box(size, ratio, focal) -> tuple[int, int, int, int] | None:
    """The largest ``ratio`` box inside ``size`` centred as near ``focal`` as fits."""
    if ratio is None:
        return None
    width, height = size
    want = ratio[0] / ratio[1]
    if width / height > want:
        crop_w, crop_h = round(height * want), height
    else:
        crop_w, crop_h = width, round(width / want)
    left = min(max(round(focal[0] * width - crop_w / 2), 0), width - crop_w)
    top = min(max(round(focal[1] * height - crop_h / 2), 0), height - crop_h)
    return left, top, left + crop_w, top + crop_h


def open_source(file, largest: int) -> Image.Image:
    """Decode the original once, at the smallest scale that still gives
    ``largest`` pixels across (JPEG's DCT scaling), upright and in RGB(A)."""
    image = Image.open(file)
    if image.format == "JPEG":
        width, height = image.size
        image.draft("RGB", (largest, round(height * largest / width)))
    image = ImageOps.exif_transpose(image)
    if image.mode not in ("RGB", "RGBA"):
        has_alpha = image.mode in ("LA", "PA") or "transparency" in image.info
        image = image.convert("RGBA" if has_alpha else "RGB")
    image.load()
    return image


def render(source: Image.Image, spec: Spec, focal, meta: dict, language="") -> bytes:
    """One rendition of an opened source, encoded with its metadata."""
    box = crop_box(source.size, spec.ratio, focal)
    image = source.crop(box) if box else source
    width = min(spec.width, image.width)
    height = max(1, round(image.height * width / image.width))
    if (width, height) != image.size:
        image = image.resize((width, height), Image.Resampling.LANCZOS)
    if spec.format == "JPEG" and image.mode == "RGBA":
        flat = Image.new("RGB", image.size, "white")
        flat.paste(image, mask=image.getchannel("A"))
        image = flat
    out = io.BytesIO()
    options = {"quality": QUALITY[spec.format], "xmp": xmp_packet(meta, language)}
    if spec.format == "JPEG":
        options.update(optimize=True, progressive=True)
    else:
        options.update(method=4)
    image.save(out, spec.format, **options)
    data = out.getvalue()
    return add_iim_to_jpeg(data, meta) if spec.format == "JPEG" else data


def photo_meta(photo: Photo) -> dict:
    return {
        "caption": photo.caption,
        "creator": photo.creator,
        "credit": photo.credit,
        "copyright": photo.copyright_notice,
        "alt_text": photo.alt_text,
    }


def get_renditions(photo: Photo, specs: list[Spec]) -> dict[str, Rendition]:
    """Find, else create, each spec's rendition of ``photo``'s current version."""
    version = photo.version
    found = {
        r.spec: r
        for r in Rendition.objects.filter(
            photo=photo, version=version, spec__in=[s.name for s in specs]
        )
    }
    missing = [s for s in specs if s.name not in found]
    if missing:
        largest = max(_source_width(photo, s) for s in missing)
        with photo.image.open("rb") as file:
            source = open_source(file, largest)
        focal, meta = (photo.focal_x, photo.focal_y), photo_meta(photo)
        for spec in sorted(missing, key=lambda s: -s.width):
            found[spec.name] = _store(
                photo, version, spec, render(source, spec, focal, meta)
            )
    return found


def _source_width(photo: Photo, spec: Spec) -> int:
    """How wide the decoded source must be for ``spec``'s crop to reach its width."""
    if not (photo.width and photo.height):
        return spec.width
    size = (photo.width, photo.height)
    box = crop_box(size, spec.ratio, (photo.focal_x, photo.focal_y))
    crop_width = box[2] - box[0] if box else photo.width
    return math.ceil(min(spec.width, crop_width) * photo.width / crop_width)


def get_rendition(photo: Photo, spec: Spec) -> Rendition:
    return get_renditions(photo, [spec])[spec.name]


def _store(photo: Photo, version: str, spec: Spec, data: bytes) -> Rendition:
    with Image.open(io.BytesIO(data)) as made:
        width, height = made.size
    rendition = Rendition(
        photo=photo,
        spec=spec.name,
        version=version,
        width=width,
        height=height,
        size=len(data),
    )
    try:
        with transaction.atomic():
            rendition.file.save(f"{version}-{spec.name}", ContentFile(data), save=False)
            rendition.save()
    except IntegrityError:  # made meanwhile by another worker: use theirs
        rendition.file.delete(save=False)
        return Rendition.objects.get(photo=photo, spec=spec.name, version=version)
    return rendition
