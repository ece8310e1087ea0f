"""Photos that come with imported stories: one library photo per source key."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.files import File

from newszone.articles.models import Article, ArticlePhoto
from newszone.importers.items import PhotoRef
from newszone.photos.models import Photo
from newszone.photos.services import create_photo

LIMITS = {"credit": 120, "alt_text": 300, "creator": 200}


class PhotoWriter:
    """Stores photo files; deletes the ones stored by a rolled-back write."""

    def __init__(self, dry_run: bool = False):
        self.dry_run = dry_run
        self.stored: list[Photo] = []

    def attach(self, article: Article, refs: list[PhotoRef], notes: list[str]):
        """Make ``refs`` the story's photos, in order (known photos are reused)."""
        article.article_photos.all().delete()
        photos = [self.photo_for(ref, notes) for ref in refs]
        ArticlePhoto.objects.bulk_create(
            ArticlePhoto(article=article, photo=photo, position=position)
            for position, photo in enumerate(p for p in photos if p is not None)
        )

    def photo_for(self, ref: PhotoRef, notes: list[str]) -> Photo | None:
        found = Photo.objects.filter(source_key=ref.source_key).first()
        if found is not None:
            return found
        fields = {"caption": ref.caption, "credit": ref.credit}
        fields.update(alt_text=ref.alt_text, creator=ref.creator)
        for name, limit in LIMITS.items():
            if len(fields[name]) > limit:
                notes.append(f"photo {ref.path.name}: {name} cut to {limit} characters")
                fields[name] = fields[name][:limit]
        try:
            with ref.path.open("rb") as handle:
                photo = create_photo(
                    File(handle, name=ref.path.name),
                    source_key=ref.source_key,
                    **fields,
                )
        except (ValidationError, OSError) as error:
            reason = " ".join(getattr(error, "messages", [])) or str(error)
            notes.append(f"photo {ref.path.name} not imported: {reason}")
            return None
        self.stored.append(photo)
        return photo

    def commit(self) -> None:
        self.stored = []

    def rollback(self) -> None:
        """The rows are gone with the transaction; their files must go too."""
        for photo in self.stored:
            photo.image.delete(save=False)
        self.stored = []
