from django.db import models
from django.utils.translation import gettext_lazy as _


class Publication(models.Model):
    """The paper itself: its names and default copyright lines (one row)."""

    name_ko = models.CharField(_("name in Korean"), max_length=80, default="뉴스존")
    name_en = models.CharField(_("name in English"), max_length=80, default="Newszone")
    tagline_ko = models.CharField(_("tagline (Korean)"), max_length=160, blank=True)
    tagline_en = models.CharField(_("tagline (English)"), max_length=160, blank=True)
    copyright_ko = models.CharField(
        _("copyright line (Korean)"),
        max_length=200,
        default="저작권자 © 뉴스존, 무단전재 및 재배포 금지",
        help_text=_("Printed under every Korean story unless the story has its own."),
    )
    copyright_en = models.CharField(
        _("copyright line (English)"),
        max_length=200,
        default="Copyright Newszone, All rights reserved",
        help_text=_("Printed under every English story unless the story has its own."),
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("publication")
        verbose_name_plural = _("publication")

    def __str__(self) -> str:
        return self.name_en

    @classmethod
    def current(cls) -> "Publication":
        """The saved row, or unsaved defaults: reading never writes."""
        return cls.objects.filter(pk=1).first() or cls(pk=1)

    def name(self, language: str) -> str:
        return self.name_ko if language == "ko" else self.name_en

    def tagline(self, language: str) -> str:
        return self.tagline_ko if language == "ko" else self.tagline_en

    def copyright(self, language: str) -> str:
        return self.copyright_ko if language == "ko" else self.copyright_en
