from django import forms
from django.utils.translation import gettext_lazy as _

from newszone.articles.models import ArticlePhoto
from newszone.photos.models import Photo
from newszone.photos.validators import validate_image_file


class ArticlePhotoForm(forms.ModelForm):
    """Pick a photo from the library, or upload a new one right here."""

    upload = forms.ImageField(
        label=_("or upload a new photo"),
        required=False,
        validators=[validate_image_file],
        help_text=_(
            "JPEG, PNG or WebP. The caption, credit and alt text below go with it."
        ),
    )

    class Meta:
        model = ArticlePhoto
        fields = ["photo", "upload", "position", "caption", "credit", "alt_text"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["photo"].required = False

    def clean(self):
        data = super().clean()
        if not data.get("photo") and not data.get("upload") and not self.has_changed():
            return data
        if not data.get("photo") and not data.get("upload"):
            raise forms.ValidationError(_("Choose a photo or upload one."))
        if data.get("photo") and data.get("upload"):
            raise forms.ValidationError(_("Choose a photo or upload one, not both."))
        return data

    def save(self, commit=True):
        upload = self.cleaned_data.get("upload")
        if upload:
            self.instance.photo = Photo.objects.create(
                image=upload,
                caption=self.cleaned_data.get("caption", ""),
                credit=self.cleaned_data.get("credit", ""),
                alt_text=self.cleaned_data.get("alt_text", ""),
            )
        return super().save(commit=commit)
