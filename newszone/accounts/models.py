from django.contrib.auth.models import AbstractUser
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class User(AbstractUser):
    """A desk user. Custom from the first migration so it can grow later."""

    class Meta:
        verbose_name = _("desk user")
        verbose_name_plural = _("desk users")


class Reporter(models.Model):
    """A byline: the person readers see under a story."""

    user = models.OneToOneField(
        User,
        verbose_name=_("desk account"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="reporter",
        help_text=_("The desk login of this reporter, if they have one."),
    )
    name_ko = models.CharField(
        _("name in Korean"), max_length=60, help_text=_("As printed: 맹수열")
    )
    name_en = models.CharField(
        _("romanised name"),
        max_length=80,
        help_text=_("Exactly as the English edition prints it, e.g. “Su-Yeol, Maeng”."),
    )
    slug = models.SlugField(
        _("address"), max_length=80, unique=True, help_text=_("Used in the URL.")
    )
    email = models.EmailField(
        _("e-mail"), blank=True, help_text=_("Shown as a link in the byline.")
    )
    bio_ko = models.TextField(_("short bio (Korean)"), blank=True)
    bio_en = models.TextField(_("short bio (English)"), blank=True)
    photo = models.ImageField(_("portrait"), upload_to="reporters/", blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name_ko"]
        verbose_name = _("reporter")
        verbose_name_plural = _("reporters")

    def __str__(self) -> str:
        return f"{self.name_ko} ({self.name_en})"

    def display_name(self, language: str) -> str:
        return self.name_ko if language == "ko" else self.name_en

    def bio(self, language: str) -> str:
        return self.bio_ko if language == "ko" else self.bio_en

    def get_absolute_url(self) -> str:
        return reverse("frontend:reporter", kwargs={"slug": self.slug})


class ApiToken(models.Model):
    """An API key for a desk user. Only a hash is stored; revoked, never deleted."""

    user = models.ForeignKey(
        User,
        verbose_name=_("desk user"),
        on_delete=models.CASCADE,
        related_name="api_tokens",
    )
    prefix = models.CharField(_("key prefix"), max_length=12, unique=True)
    key_hash = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    last_used_at = models.DateTimeField(_("last used"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")

    def __str__(self) -> str:
        return f"{self.prefix}… ({self.user})"

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None
