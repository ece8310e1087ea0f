"""Checks an uploaded image must pass before anything is stored."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from PIL import Image, UnidentifiedImageError

ALLOWED_FORMATS = {"JPEG": "JPEG", "PNG": "PNG", "WEBP": "WebP"}
# Decompression bombs: refuse anything past ~90 megapixels outright.
MAX_PIXELS = 90_000_000


def validate_image_file(upload) -> None:
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
        with Image.open(upload) as image:
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
                    % {
                        "mp": width * height // 1_000_000,
                        "max": MAX_PIXELS // 1_000_000,
                    }
                )
            image.verify()
    except ValidationError:
        raise
    except (
        UnidentifiedImageError,
        OSError,
        SyntaxError,
        ValueError,
        Image.DecompressionBombError,
    ):
        raise ValidationError(
            _("The file is not a readable JPEG, PNG or WebP image (it may be damaged).")
        ) from None
    finally:
        upload.seek(position)
