"""Checks an uploaded image must pass before anything is stored."""

from __future__ import annotations

import os
import warnings

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from PIL import Image, UnidentifiedImageError

ALLOWED_FORMATS = {"JPEG": "JPEG", "PNG": "PNG", "WEBP": "WebP"}
# What a browser or client may claim for each format (type and file name).
CLAIMS = {
    "JPEG": ({"image/jpeg", "image/pjpeg", "image/jpg"}, {".jpg", ".jpeg", ".jpe"}),
    "PNG": ({"image/png"}, {".png"}),
    "WEBP": ({"image/webp"}, {".webp"}),
}
# Decompression bombs: refuse anything past ~90 megapixels before decoding.
MAX_PIXELS = 90_000_000
UNREADABLE = "The file is not a readable JPEG, PNG or WebP image (it may be damaged)."


def validate_image_file(upload) -> None:
    """Size, type, pixel count and a full decode; ValidationError names the problem."""
    limit = settings.NEWSZONE_MAX_UPLOAD_MB * 1024 * 1024
    if upload.size is not None and upload.size > limit:
        raise ValidationError(
            _("The file is %(size).1f MB; the limit is %(limit)d MB.")
            % {
                "size": upload.size / 1024 / 1024,
                "limit": settings.NEWSZONE_MAX_UPLOAD_MB,
            }
        )
    position = upload.tell() if hasattr(upload, "tell") else 0
    try:
        upload.seek(0)
        _refuse_svg(upload.read(512))
        upload.seek(0)
        fmt = _check_header(upload)
        _check_claim(upload, fmt)
        upload.seek(0)
        _check_decodes(upload)
    except ValidationError:
        raise
    except (
        UnidentifiedImageError,
        OSError,
        SyntaxError,
        ValueError,
        EOFError,
        Image.DecompressionBombError,
    ):
        raise ValidationError(_(UNREADABLE)) from None
    finally:
        upload.seek(position)


def _refuse_svg(head: bytes) -> None:
    text = head.lstrip().lower()
    if text.startswith((b"<?xml", b"<svg", b"<!doctype svg")) or b"<svg" in text:
        raise ValidationError(
            _("SVG and other vector files are not accepted; use JPEG, PNG or WebP.")
        )


def _open(upload) -> Image.Image:
    with warnings.catch_warnings():
        # Our own pixel limit decides, with a clearer message.
        warnings.simplefilter("ignore", Image.DecompressionBombWarning)
        return Image.open(upload)


def _check_header(upload) -> str:
    try:
        image = _open(upload)
    except Image.DecompressionBombError:
        raise ValidationError(
            _("The image has far more than %(max)d megapixels.")
            % {"max": MAX_PIXELS // 1_000_000}
        ) from None
    with image:
        fmt = image.format
        width, height = image.size
        if fmt not in ALLOWED_FORMATS:
            raise ValidationError(
                _("%(format)s images are not accepted; use JPEG, PNG or WebP.")
                % {"format": fmt}
            )
        if width * height > MAX_PIXELS:
            raise ValidationError(
                _("The image is %(mp)d megapixels; the limit is %(max)d.")
                % {"mp": width * height // 1_000_000, "max": MAX_PIXELS // 1_000_000}
            )
        image.verify()
    return fmt


def _check_claim(upload, fmt: str) -> None:
    """The name and declared type must agree with the content."""
    types, extensions = CLAIMS[fmt]
    claimed_type = (getattr(upload, "content_type", "") or "").lower()
    extension = os.path.splitext(getattr(upload, "name", "") or "")[1].lower()
    if (
        claimed_type and claimed_type not in types and claimed_type.startswith("image/")
    ) or (extension and extension not in extensions):
        raise ValidationError(
            _(
                "The file claims to be %(claim)s but its content is %(format)s; "
                "fix its name or type and upload it again."
            )
            % {"claim": claimed_type or extension, "format": ALLOWED_FORMATS[fmt]}
        )


def _check_decodes(upload) -> None:
    """Decode every byte (at reduced JPEG scale): truncated files fail here."""
    with _open(upload) as image:
        if image.format == "JPEG":
            image.draft("RGB", (image.width // 8 or 1, image.height // 8 or 1))
        image.load()
