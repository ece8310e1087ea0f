from django import forms
from django.utils.translation import gettext_lazy as _

from newszone.articles import services
from newszone.articles.models import Article, ArticlePhoto, Correction
from newszone.photos.services import create_photo
from newszone.photos.validators import validate_image_file

# What a working copy keeps of the form: the text a journalist types.
WORKING_FIELDS = ["headline", "alternate_headline", "deck", "body", "copyright_line"]


class ArticleAdminForm(forms.ModelForm):
    """The desk's article form: refuses a save based on a stale version."""

    base_version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Article
        fields = [
            "language",
            "section",
            "article_type",
            "headline",
            "alternate_headline",
            "deck",
            "body",
            "tags",
            "translation",
            "featured",
            "copyright_line",
        ]

    request = None  # set by ArticleAdmin.get_form

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk and not self.is_bound:
            self.fields["base_version"].initial = self.instance.version

    def clean(self):
        data = super().clean()
        if self.instance.pk is None:
            self.next_version = 1
            return data
        base = data.get("base_version")
        try:
            self.next_version = services.claim_version(self.instance, base)
        except services.StaleEdit:
            current = Article.objects.values_list("version", flat=True)
            current = current.get(pk=self.instance.pk)
            kept = {f: self.data.get(f, "") for f in WORKING_FIELDS}
            services.keep_working_copy(
                self.instance, self.request.user, kept, base or 0, refused=True
            )
            # The next save is a deliberate overwrite of the version now stored.
            self.data = self.data.copy()
            self.data["base_version"] = str(current)
            raise
        return data


class CorrectionForm(forms.ModelForm):
    class Meta:
        model = Correction
        fields = ["kind", "text"]


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
            # What the desk typed wins; the file's IPTC/XMP fills the rest.
            self.instance.photo = create_photo(
                upload,
                caption=self.cleaned_data.get("caption", ""),
                credit=self.cleaned_data.get("credit", ""),
                alt_text=self.cleaned_data.get("alt_text", ""),
            )
        return super().save(commit=commit)
