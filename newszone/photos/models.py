import hashlib

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps

from newszone.photos.validators import validate_image_file


class Photo(models.Model):
    """A picture in the photo library, with what readers must be told about it."""

    image = models.ImageField(
        _("image"),
        upload_to="photos/%Y/%m/",
        validators=[validate_image_file],
        help_text=_("JPEG, PNG or WebP."),
    )
    # Upright (after the EXIF orientation), as readers see it: set on save.
    width = models.PositiveIntegerField(editable=False, default=0)
    height = models.PositiveIntegerField(editable=False, default=0)
    caption = models.TextField(
        _("caption"),
        blank=True,
        help_text=_("What the picture shows: who, what, where."),
    )
    credit = models.CharField(
        _("credit"),
        max_length=120,
        blank=True,
        help_text=_("e.g. “Photo by Lee Ji-eun”."),
    )
    alt_text = models.CharField(
        _("alt text"),
        max_length=300,
        blank=True,
        help_text=_(
            "For readers who cannot see the image: describe what is in it, briefly."
        ),
    )
    copyright_notice = models.CharField(
        _("copyright notice"), max_length=200, blank=True
    )
    creator = models.CharField(
        _("photographer"),
        max_length=200,
        blank=True,
        help_text=_("Who took the picture (IPTC Creator / By-line)."),
    )
    taken_at = models.DateTimeField(_("date taken"), null=True, blank=True)
    city = models.CharField(_("city"), max_length=100, blank=True)
    country = models.CharField(_("country"), max_length=100, blank=True)
    focal_x = models.FloatField(
        _("focal point, across"),
        default=0.5,
        validators=[MinValueValidator(0), MaxValueValidator(1)],
        help_text=_("0 is the left edge, 1 the right: crops keep this point."),
    )
    focal_y = models.FloatField(
        _("focal point, down"),
        default=0.5,
        validators=[MinValueValidator(0), MaxValueValidator(1)],
        help_text=_("0 is the top edge, 1 the bottom."),
    )
    embedded = models.JSONField(
        _("metadata found in the file"), default=dict, blank=True, editable=False
    )
    source_key = models.CharField(
        max_length=200,
        unique=True,
        null=True,
        blank=True,
        editable=False,
        help_text="Stable key of an imported photo (idempotent imports).",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("photo")
        verbose_name_plural = _("photos")

    def __str__(self) -> str:
        return self.caption[:60] or self.image.name

    def save(self, *args, **kwargs):
        if self.image and (not self.width or self._image_name != self.image.name):
            self.width, self.height = upright_size(self.image)
        super().save(*args, **kwargs)
        self._image_name = self.image.name

    @classmethod
    def from_db(cls, db, field_names, values):
        photo = super().from_db(db, field_names, values)
        photo._image_name = photo.image.name if "image" in field_names else None
        return photo

    _image_name = None

    @property
    def version(self) -> str:
        """Changes when the image or its focal point does (rendition URLs)."""
        key = f"{self.image.name}:{self.focal_x:.4f}:{self.focal_y:.4f}"
        return hashlib.sha1(key.encode(), usedforsecurity=False).hexdigest()[:8]


def upright_size(image_file) -> tuple[int, int]:
    """Width and height once the EXIF orientation is applied (portraits upright)."""
    image_file.open("rb")
    try:
        image_file.seek(0)
        with Image.open(image_file) as image:
            width, height = image.size
            orientation = image.getexif().get(ImageOps.ExifTags.Base.Orientation, 1)
    finally:
        image_file.seek(0)
    return (height, width) if orientation in (5, 6, 7, 8) else (width, height)


def rendition_path(rendition: "Rendition", filename: str) -> str:
    return f"renditions/{rendition.photo_id}/{filename}"


class Rendition(models.Model):
    """One resized, cropped, re-encoded copy of a photo, made once per spec."""

    photo = models.ForeignKey(
        Photo, on_delete=models.CASCADE, related_name="renditions"
    )
    spec = models.CharField(max_length=40)  # "16x9-1280.webp", see renditions.py
    version = models.CharField(max_length=8)  # Photo.version when it was made
    file = models.FileField(upload_to=rendition_path, max_length=200)
    width = models.PositiveIntegerField()
    height = models.PositiveIntegerField()
    size = models.PositiveIntegerField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["photo", "spec", "version"], name="one_rendition_per_spec"
            )
        ]

    def __str__(self) -> str:
        return f"{self.photo_id}/{self.spec}@{self.version}"
