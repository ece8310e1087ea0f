from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from newszone.accounts.models import Reporter
from newszone.articles.fields import BodyField
from newszone.photos.models import Photo
from newszone.taxonomy.models import Section, Tag


class Language(models.TextChoices):
    KOREAN = "ko", _("Korean")
    ENGLISH = "en", _("English")


class ArticleType(models.TextChoices):
    NEWS = "news", _("News")
    ANALYSIS = "analysis", _("Analysis")
    OPINION = "opinion", _("Opinion")
    PHOTO = "photo", _("Photo")
    FEATURE = "feature", _("Feature")


class Status(models.TextChoices):
    DRAFT = "draft", _("Draft")
    REVIEW = "review", _("In review")
    APPROVED = "approved", _("Approved")
    SCHEDULED = "scheduled", _("Scheduled")
    PUBLISHED = "published", _("Published")
    UNPUBLISHED = "unpublished", _("Unpublished")
    KILLED = "killed", _("Killed")


class ArticleQuerySet(models.QuerySet):
    def published(self):
        """What readers may see: published, not dated in the future, not
        under embargo. Every public output goes through here."""
        now = timezone.now()
        return self.filter(
            Q(embargo_until__isnull=True) | Q(embargo_until__lte=now),
            status=Status.PUBLISHED,
            published_at__lte=now,
        )

    def due(self):
        """Scheduled stories whose time (and embargo) has come."""
        now = timezone.now()
        return self.filter(
            Q(embargo_until__isnull=True) | Q(embargo_until__lte=now),
            status=Status.SCHEDULED,
            publish_at__lte=now,
        )

    def in_language(self, language: str):
        return self.filter(language=language)

    def for_listing(self):
        """Everything a list item shows, without one query per item."""
        return self.select_related("section").prefetch_related(
            models.Prefetch(
                "article_reporters",
                queryset=ArticleReporter.objects.select_related("reporter"),
            ),
            models.Prefetch(
                "article_photos", queryset=ArticlePhoto.objects.select_related("photo")
            ),
        )

    def newest_first(self):
        return self.order_by("-published_at", "-pk")


class Article(models.Model):
    language = models.CharField(
        _("language"), max_length=2, choices=Language.choices, default=Language.KOREAN
    )
    headline = models.CharField(_("headline"), max_length=200)
    alternate_headline = models.CharField(
        _("alternate headline"),
        max_length=200,
        blank=True,
        help_text=_(
            "A second title, e.g. the one used in print or on social media. "
            "Shown at the foot of the story."
        ),
    )
    deck = models.TextField(
        _("deck"),
        blank=True,
        help_text=_("One or two sentences under the headline that sum up the story."),
    )
    body = BodyField(_("body"), blank=True)
    section = models.ForeignKey(
        Section,
        verbose_name=_("section"),
        on_delete=models.PROTECT,
        related_name="articles",
    )
    reporters = models.ManyToManyField(
        Reporter,
        through="ArticleReporter",
        verbose_name=_("reporters"),
        related_name="articles",
        blank=True,
    )
    tags = models.ManyToManyField(
        Tag, verbose_name=_("tags"), related_name="articles", blank=True
    )
    article_type = models.CharField(
        _("type of work"),
        max_length=10,
        choices=ArticleType.choices,
        default=ArticleType.NEWS,
    )
    copyright_line = models.CharField(
        _("copyright line"),
        max_length=200,
        blank=True,
        help_text=_("Leave empty to print the publication's default line."),
    )
    featured = models.BooleanField(
        _("top story"),
        default=False,
        help_text=_("The newest published top story leads the home page."),
    )
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.DRAFT
    )
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    publish_at = models.DateTimeField(
        _("scheduled for"),
        null=True,
        blank=True,
        help_text=_("When a scheduled story goes out by itself."),
    )
    embargo_until = models.DateTimeField(
        _("embargoed until"),
        null=True,
        blank=True,
        help_text=_(
            "Before this time the story appears nowhere public: no page, list, "
            "feed, sitemap, search or API."
        ),
    )
    created_by = models.ForeignKey(
        "accounts.User",
        verbose_name=_("written by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    # Bumped by every save; a save based on an older version is refused.
    version = models.PositiveIntegerField(_("version"), default=0, editable=False)
    created_at = models.DateTimeField(_("entered"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    translation = models.OneToOneField(
        "self",
        verbose_name=_("translation"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="translation_of",
        help_text=_("The same story in the other language."),
    )
    source_key = models.CharField(
        max_length=200,
        unique=True,
        null=True,
        blank=True,
        editable=False,
        help_text="Stable key of an imported or generated story (idempotent loads).",
    )
    source_fingerprint = models.CharField(
        max_length=64,
        blank=True,
        editable=False,
        help_text="Hash of the imported source as last read: same hash, no change.",
    )

    objects = ArticleQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "-pk"]
        verbose_name = _("article")
        verbose_name_plural = _("articles")
        indexes = [
            models.Index(
                fields=["language", "status", "-published_at"], name="article_listing"
            ),
            models.Index(fields=["section", "-published_at"], name="article_section"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~Q(status="published") | Q(published_at__isnull=False),
                name="published_has_date",
            ),
        ]

    def __str__(self) -> str:
        return self.headline

    def get_absolute_url(self) -> str:
        from django.utils.translation import override

        with override(self.language):
            return reverse("frontend:article", kwargs={"pk": self.pk})

    @property
    def is_public(self) -> bool:
        now = timezone.now()
        return (
            self.status == Status.PUBLISHED
            and self.published_at is not None
            and self.published_at <= now
            and (self.embargo_until is None or self.embargo_until <= now)
        )

    @property
    def goes_live_at(self):
        """When a scheduled story will go out: its time or its embargo, later one."""
        times = [t for t in (self.publish_at, self.embargo_until) if t]
        return max(times) if times else None

    @property
    def ordered_reporters(self) -> list[Reporter]:
        return [link.reporter for link in self.article_reporters.all()]

    @property
    def ordered_photos(self) -> list["ArticlePhoto"]:
        return list(self.article_photos.all())

    @property
    def lead_photo(self) -> "ArticlePhoto | None":
        photos = self.ordered_photos
        return photos[0] if photos else None

    @property
    def was_updated(self) -> bool:
        """True when the story changed noticeably after it went out."""
        if not self.published_at:
            return False
        return (self.updated_at - self.published_at).total_seconds() > 60


class ArticleReporter(models.Model):
    article = models.ForeignKey(
        Article, on_delete=models.CASCADE, related_name="article_reporters"
    )
    reporter = models.ForeignKey(
        Reporter,
        verbose_name=_("reporter"),
        on_delete=models.PROTECT,
        related_name="article_links",
    )
    position = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("byline")
        verbose_name_plural = _("byline")
        constraints = [
            models.UniqueConstraint(
                fields=["article", "reporter"], name="one_byline_per_reporter"
            )
        ]

    def __str__(self) -> str:
        return str(self.reporter)


class ArticlePhoto(models.Model):
    """A photo as used in one story: its caption here may differ from the library's."""

    article = models.ForeignKey(
        Article, on_delete=models.CASCADE, related_name="article_photos"
    )
    photo = models.ForeignKey(
        Photo,
        verbose_name=_("photo"),
        on_delete=models.PROTECT,
        related_name="article_uses",
    )
    position = models.PositiveSmallIntegerField(
        _("order"), default=0, help_text=_("The first photo is the lead photo.")
    )
    caption = models.TextField(
        _("caption"), blank=True, help_text=_("Empty: the photo's own caption.")
    )
    credit = models.CharField(
        _("credit"),
        max_length=120,
        blank=True,
        help_text=_("Empty: the photo's own credit."),
    )
    alt_text = models.CharField(
        _("alt text"),
        max_length=300,
        blank=True,
        help_text=_("Empty: the photo's own alt text."),
    )

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("photo in this story")
        verbose_name_plural = _("photos in this story")

    def __str__(self) -> str:
        return self.shown_caption[:60] or str(self.photo)

    @property
    def shown_caption(self) -> str:
        return self.caption or self.photo.caption

    @property
    def shown_credit(self) -> str:
        return self.credit or self.photo.credit

    @property
    def shown_alt_text(self) -> str:
        return self.alt_text or self.photo.alt_text or self.shown_caption


class Revision(models.Model):
    """Every save of a story, whole and immutable: who, when, every field."""

    article = models.ForeignKey(
        Article, on_delete=models.CASCADE, related_name="revisions"
    )
    number = models.PositiveIntegerField(_("revision"))
    created_at = models.DateTimeField(_("saved"), auto_now_add=True)
    author = models.ForeignKey(
        "accounts.User",
        verbose_name=_("saved by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    note = models.CharField(_("note"), max_length=200, blank=True)
    data = models.JSONField(_("content"))

    class Meta:
        ordering = ["-number"]
        verbose_name = _("revision")
        verbose_name_plural = _("revisions")
        constraints = [
            models.UniqueConstraint(
                fields=["article", "number"], name="one_revision_number"
            )
        ]

    def __str__(self) -> str:
        return f"{self.article_id} r{self.number}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise ValueError("Revisions are immutable.")
        super().save(*args, **kwargs)


class Correction(models.Model):
    """A correction or an update note appended to a published story."""

    class Kind(models.TextChoices):
        CORRECTION = "correction", _("Correction")
        UPDATE = "update", _("Update")

    article = models.ForeignKey(
        Article, on_delete=models.CASCADE, related_name="corrections"
    )
    kind = models.CharField(
        _("kind"), max_length=10, choices=Kind.choices, default=Kind.CORRECTION
    )
    text = models.TextField(
        _("text"),
        help_text=_("What was wrong and what is right now, in the story's language."),
    )
    created_at = models.DateTimeField(_("time"), default=timezone.now, db_index=True)
    created_by = models.ForeignKey(
        "accounts.User",
        verbose_name=_("by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("correction or update")
        verbose_name_plural = _("corrections and updates")

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.text[:60]}"


class WorkingCopy(models.Model):
    """A desk user's unsaved work on a story: autosaved, or a refused save."""

    article = models.ForeignKey(
        Article, on_delete=models.CASCADE, related_name="working_copies"
    )
    user = models.ForeignKey(
        "accounts.User", on_delete=models.CASCADE, related_name="+"
    )
    base_version = models.PositiveIntegerField()
    data = models.JSONField()
    saved_at = models.DateTimeField(auto_now=True)
    refused = models.BooleanField(
        default=False, help_text="Kept because a save was refused as stale."
    )

    class Meta:
        verbose_name = _("working copy")
        verbose_name_plural = _("working copies")
        constraints = [
            models.UniqueConstraint(fields=["article", "user"], name="one_working_copy")
        ]

    def __str__(self) -> str:
        return f"{self.article_id}: {self.user_id} @ {self.saved_at}"


class DeskPresence(models.Model):
    """Who has a story open in the desk (refreshed by the editor page)."""

    article = models.ForeignKey(
        Article, on_delete=models.CASCADE, related_name="presences"
    )
    user = models.ForeignKey(
        "accounts.User", on_delete=models.CASCADE, related_name="+"
    )
    seen_at = models.DateTimeField(db_index=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["article", "user"], name="one_presence")
        ]

    def __str__(self) -> str:
        return f"{self.article_id}: {self.user_id} @ {self.seen_at}"
