"""Plain factory functions. Images are generated with Pillow, never committed."""

import io
import itertools
from datetime import timedelta

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image

from newszone.accounts.models import Reporter
from newszone.articles.models import Article, ArticlePhoto, ArticleReporter, Status
from newszone.photos.models import Photo
from newszone.taxonomy.models import Section, Tag

_seq = itertools.count(1)


def image_bytes(fmt="JPEG", size=(64, 48), colour=(30, 90, 160)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, colour).save(buffer, fmt)
    return buffer.getvalue()


def image_upload(name="photo.jpg", fmt="JPEG", **kwargs) -> SimpleUploadedFile:
    content_type = {"JPEG": "image/jpeg", "PNG": "image/png", "WEBP": "image/webp"}
    return SimpleUploadedFile(
        name,
        image_bytes(fmt, **kwargs),
        content_type.get(fmt, "application/octet-stream"),
    )


def make_section(slug=None, parent=None, **fields) -> Section:
    n = next(_seq)
    return Section.objects.create(
        slug=slug or f"section-{n}",
        name_en=fields.pop("name_en", f"Section {n}"),
        name_ko=fields.pop("name_ko", f"섹션 {n}"),
        parent=parent,
        **fields,
    )


def make_reporter(**fields) -> Reporter:
    n = next(_seq)
    defaults = {
        "slug": f"reporter-{n}",
        "name_ko": f"기자{n}",
        "name_en": f"Reporter, No{n}",
    }
    return Reporter.objects.create(**{**defaults, **fields})


def make_photo(**fields) -> Photo:
    photo = Photo(
        caption=fields.pop("caption", "A caption"),
        credit=fields.pop("credit", "Photo credit"),
        alt_text=fields.pop("alt_text", "Alt text"),
        **fields,
    )
    photo.image.save(f"p{next(_seq)}.jpg", image_upload(), save=False)
    photo.save()
    return photo


def make_article(
    section=None, reporters=(), tags=(), photos=0, published=True, hours_ago=1, **fields
) -> Article:
    n = next(_seq)
    article = Article.objects.create(
        section=section or make_section(),
        headline=fields.pop("headline", f"Headline {n}"),
        language=fields.pop("language", "en"),
        body=fields.pop("body", f"<p>Body of story {n}.</p>"),
        status=Status.PUBLISHED if published else Status.DRAFT,
        published_at=timezone.now() - timedelta(hours=hours_ago) if published else None,
        **fields,
    )
    for position, reporter in enumerate(reporters):
        ArticleReporter.objects.create(
            article=article, reporter=reporter, position=position
        )
    article.tags.set(
        Tag.objects.get_or_create(name=t)[0] if isinstance(t, str) else t for t in tags
    )
    for position in range(photos):
        ArticlePhoto.objects.create(
            article=article, photo=make_photo(), position=position
        )
    return article


def make_user(role: str | None = None, username: str | None = None, **fields):
    """A desk user holding ``role`` (reporter, editor, chief, admin) or none."""
    from django.contrib.auth.models import Group

    from newszone.accounts.models import User

    user = User.objects.create_user(
        username=username or f"{role or 'user'}-{next(_seq)}",
        password="pw-for-tests-only",  # noqa: S106
        is_staff=True,
        **fields,
    )
    if role:
        user.groups.add(Group.objects.get(name=role))
    return user
