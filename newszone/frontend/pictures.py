"""Responsive ``<picture>`` data for a photo, built without a database query.

A rendition's URL is the photo's id, its ``version`` and the spec's name, and
its size follows from the photo's size, its focal point and the crop, the
same arithmetic as ``photos.renditions.render()``. So a page lists every
size of every photo from the rows it already loaded.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.urls import reverse

from newszone.photos.renditions import (
    CROPS,
    STRUCTURED_DATA_WIDTH,
    WIDTHS,
    Spec,
    crop_box,
    full_set,
)

# Per crop, the widths made in both formats on upload (orig: all of WIDTHS;
# 4x3: card sizes): markup asks for renditions that are already there.
OFFERED = {
    crop: tuple(
        sorted({s.width for s in full_set() if (s.crop, s.ext) == (crop, "webp")})
    )
    for crop in CROPS
}
LD_CROPS = ("16x9", "4x3", "1x1")  # Google's article image ratios


def rendition_url(photo, spec: Spec) -> str:
    """The rendition's path on this site (not language-prefixed)."""
    return _prefix(photo) + spec.name


def crop_size(photo, crop: str) -> tuple[int, int]:
    """Width and height of the crop ``crop`` of ``photo``, before resizing."""
    # A row saved without its image's size would divide by zero: assume it
    # is large, so every width is offered and the renderer caps it.
    size = (photo.width or WIDTHS[-1], photo.height or WIDTHS[-1] * 2 // 3)
    box = crop_box(size, CROPS[crop], (photo.focal_x, photo.focal_y))
    return (box[2] - box[0], box[3] - box[1]) if box else size


def scaled(crop: tuple[int, int], width: int) -> tuple[int, int]:
    """The size ``render()`` gives a crop asked for at ``width`` (never upscaled)."""
    crop_w, crop_h = crop
    out_w = min(width, crop_w)
    return out_w, max(1, round(crop_h * out_w / crop_w))


@dataclass(frozen=True)
class Picture:
    webp_srcset: str
    jpeg_srcset: str
    src: str
    width: int
    height: int


def picture(photo, crop: str = "orig") -> Picture:
    """Sources for ``photo`` cropped to ``crop``: every offered width up to the
    first one the crop cannot fill (which is made at the crop's own width),
    so a small photo still gets the smallest rendition and none is upscaled."""
    if not OFFERED.get(crop):
        raise ValueError(f"no responsive widths are made for crop {crop!r}")
    size = crop_size(photo, crop)
    widths = []
    for width in OFFERED[crop]:
        widths.append(width)
        if width >= size[0]:
            break
    prefix = _prefix(photo)

    def srcset(ext):
        return ", ".join(
            f"{prefix}{Spec(crop, w, ext).name} {scaled(size, w)[0]}w" for w in widths
        )

    middle = widths[len(widths) // 2]
    # The largest size it comes in: the aspect ratio reserves the space (no
    # layout shift) and CSS's max-width scales it down to the column.
    width, height = scaled(size, widths[-1])
    return Picture(
        webp_srcset=srcset("webp"),
        jpeg_srcset=srcset("jpg"),
        src=prefix + Spec(crop, middle, "jpg").name,
        width=width,
        height=height,
    )


def _prefix(photo) -> str:
    """The photo's rendition URL up to the spec name: one reverse() per photo,
    not one per source (a listing has dozens)."""
    kwargs = {"pk": photo.pk, "version": photo.version, "spec": "_"}
    return reverse("photo-rendition", kwargs=kwargs)[:-1]


def structured_data_images(request, photo) -> list[str]:
    """The 16x9, 4x3 and 1x1 crops at 1200 wide, as absolute URLs."""
    return [
        request.build_absolute_uri(
            rendition_url(photo, Spec(crop, STRUCTURED_DATA_WIDTH, "jpg"))
        )
        for crop in LD_CROPS
    ]
