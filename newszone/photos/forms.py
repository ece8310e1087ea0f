from django import forms
from django.utils.translation import gettext_lazy as _

from newszone.photos.models import Photo

MAX_FILES = 50


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one field (Django's documented pattern)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": "image/*"}))
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        files = data if isinstance(data, list | tuple) else [data]
        files = [f for f in files if f]
        if not files:
            raise forms.ValidationError(_("Choose at least one photo."))
        if len(files) > MAX_FILES:
            raise forms.ValidationError(
                _("At most %(n)d photos at a time.") % {"n": MAX_FILES}
            )
        return files


class BulkUploadForm(forms.Form):
    files = MultipleFileField(
        label=_("Photos"),
        help_text=_(
            "JPEG, PNG or WebP. Caption, photographer, credit, copyright, alt text "
            "and date are read from the files' IPTC/XMP metadata."
        ),
    )
    credit = forms.CharField(
        label=_("Credit for all (optional)"),
        max_length=Photo._meta.get_field("credit").max_length,
        required=False,
        help_text=_("Used where a file carries no credit of its own."),
    )


class PhotoAdminForm(forms.ModelForm):
    class Meta:
        model = Photo
        fields = [
            "image",
            "caption",
            "alt_text",
            "creator",
            "credit",
            "copyright_notice",
            "taken_at",
            "city",
            "country",
            "focal_x",
            "focal_y",
        ]
