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


ROTATED = (5, 6, 7, 8)  # EXIF orientations that swap width and height
ICC_MODES = ("RGB", "RGBA", "L", "LA", "P", "PA")  # an RGB/grey profile stays valid


def open_source(file, largest: int) -> Image.Image:
    """Decode the original once, at the smallest scale that still gives
    ``largest`` pixels across once upright (JPEG's DCT scaling), in RGB(A),
    keeping its colour profile."""
    image = Image.open(file)
    icc = image.info.get("icc_profile") if image.mode in ICC_MODES else None
    if image.format == "JPEG":
        width, height = image.size
        orientation = image.getexif().get(ImageOps.ExifTags.Base.Orientation, 1)
        if orientation in ROTATED:  # ``largest`` is across the upright picture
            image.draft("RGB", (round(width * largest / height), largest))
        else:
            image.draft("RGB", (largest, round(height * largest / width)))
    image = ImageOps.exif_transpose(image)
    if image.mode not in ("RGB", "RGBA"):
        has_alpha = image.mode in ("LA", "PA") or "transparency" in image.info
        image = image.convert("RGBA" if has_alpha else "RGB")
    image.load()
    image.info = {"icc_profile": icc} if icc else {}
    return image


class Resizer:
    """Sizes of one source, each made once: the WebP and the JPEG of a size
    share one resize, and a small size is made from a larger one of the same
    crop (at least twice as wide, so LANCZOS loses nothing). Crops are never
    copied out: the first size of a crop is resized straight from its box."""

    def __init__(self, source: Image.Image, focal):
        self.source, self.focal = source, focal
        self.made: dict[tuple[str, int], Image.Image] = {}

    def get(self, crop: str, width: int) -> Image.Image:
        key = (crop, width)
        if key not in self.made:
            full = crop_box(self.source.size, CROPS[crop], self.focal)
            full = full or (0, 0, *self.source.size)
            full_w, full_h = full[2] - full[0], full[3] - full[1]
            out_w = min(width, full_w)  # the size always follows the whole crop
            out_h = max(1, round(full_h * out_w / full_w))
            larger = [
                image
                for (c, _), image in self.made.items()
                if c == crop and image.width >= 2 * out_w
            ]
            if larger:
                base = min(larger, key=lambda image: image.width)
                box = (0, 0, base.width, base.height)
            else:
                base, box = self.source, full
            self.made[key] = base.resize(
                (out_w, out_h), Image.Resampling.LANCZOS, box=box
            )
        return self.made[key]

    def forget(self, crop: str) -> None:
        """Free the sizes of ``crop`` (memory) once its renditions are made."""
        for key in [k for k in self.made if k[0] == crop]:
            del self.made[key]


def render(
    source: Image.Image | Resizer, spec: Spec, focal, meta: dict, language=""
) -> bytes:
    """One rendition of an opened source (or a Resizer of it), with its metadata."""
    resizer = source if isinstance(source, Resizer) else Resizer(source, focal)
    image = resizer.get(spec.crop, spec.width)
    if spec.format == "JPEG" and image.mode == "RGBA":
        flat = Image.new("RGB", image.size, "white")
        flat.paste(image, mask=image.getchannel("A"))
        image = flat
    out = io.BytesIO()
    options = {"quality": QUALITY[spec.format], "xmp": xmp_packet(meta, language)}
    icc = resizer.source.info.get("icc_profile")
    if icc:
        options["icc_profile"] = icc
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


def render_set(file, specs, size, focal, meta: dict, language=""):
    """Yield ``(spec, bytes)`` for each of ``specs`` from one decode of ``file``.

    ``size`` is the upright size of the original (``Photo.width/height``):
    the decode is scaled to the largest width any crop needs.
    """
    largest = max(_source_width(size, focal, spec) for spec in specs)
    source = open_source(file, largest)
    resizer = Resizer(source, focal)
    ordered = sorted(specs, key=lambda s: (s.crop, -s.width))
    for number, spec in enumerate(ordered):
        yield spec, render(resizer, spec, focal, meta, language)
        if number + 1 == len(ordered) or ordered[number + 1].crop != spec.crop:
            resizer.forget(spec.crop)


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
        size, focal = (photo.width, photo.height), (photo.focal_x, photo.focal_y)
        with photo.image.open("rb") as file:
            made = render_set(file, missing, size, focal, photo_meta(photo))
            for spec, data in made:
                found[spec.name] = _store(photo, version, spec, data)
    return found


def _source_width(size, focal, spec: Spec) -> int:
    """How wide the decoded source must be for ``spec``'s crop to reach its width."""
    width, height = size
    if not (width and height):
        return spec.width
    box = crop_box(size, spec.ratio, focal)
    crop_width = box[2] - box[0] if box else width
    return math.ceil(min(spec.width, crop_width) * width / crop_width)


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
