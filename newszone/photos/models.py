from django.db import models
from django.utils.translation import gettext_lazy as _

from newszone.photos.validators import validate_image_file


class Photo(models.Model):
    """A picture in the photo library, with what readers must be told about it."""

    image = models.ImageField(
        _("image"),
        upload_to="photos/%Y/%m/",
        width_field="width",
        height_field="height",
        validators=[validate_image_file],
        help_text=_("JPEG, PNG or WebP."),
    )
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
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("photo")
        verbose_name_plural = _("photos")

    def __str__(self) -> str:
        return self.caption[:60] or self.image.name
