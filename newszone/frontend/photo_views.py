"""Photos for readers: renditions only, made on first request, cached for good.

A photo is public once a published story uses it. Until then (a draft, an
embargoed or scheduled story) only the desk may fetch it, and uncached, so a
story's pictures never go out before the story. Originals may carry GPS and
camera serials: they are never served to readers, renditions carry neither.
"""

import posixpath

from django.conf import settings
from django.db.models import Exists, OuterRef
from django.http import FileResponse, Http404, HttpResponseNotFound
from django.shortcuts import redirect
from django.utils.cache import add_never_cache_headers, get_conditional_response
from django.utils.http import http_date, quote_etag
from django.views.decorators.http import require_safe
from django.views.static import serve

from newszone.articles import workflow
from newszone.articles.models import Article
from newszone.frontend.pictures import rendition_url
from newszone.photos.models import Photo
from newszone.photos.renditions import Spec, get_rendition

# A version's rendition never changes: its URL changes instead (Photo.version).
PUBLIC_CACHE = "public, max-age=31536000, immutable"
PRIVATE_CACHE = "private, no-store"
STALE_CACHE = "public, max-age=86400"  # the redirect to a newer version
# Media folders holding originals and rendition files: the desk's only.
DESK_ONLY_MEDIA = {"photos", "renditions"}


def is_desk_user(user) -> bool:
    """Staff who may write stories (or a superuser): they see unpublished work.
    ``is_desk_writer`` already requires an active, signed-in user."""
    return bool(user.is_staff and workflow.is_desk_writer(user))


def photos_with_visibility():
    """Photos annotated with ``public``: used by a story readers can see."""
    in_public_story = Article.objects.published().filter(
        article_photos__photo=OuterRef("pk")
    )
    return Photo.objects.annotate(public=Exists(in_public_story))


def _not_found():
    # Never cached: the same URL turns public when the story's embargo lifts.
    response = HttpResponseNotFound(b"Not found", content_type="text/plain")
    add_never_cache_headers(response)
    return response


@require_safe
def rendition(request, pk: str, version: str, spec: str):
    wanted = Spec.parse(spec)
    if wanted and wanted.name != spec:  # "orig-0960.webp": one URL per file
        wanted = None
    photo = photos_with_visibility().filter(pk=pk).first() if wanted else None
    # Access before the version check: a draft's photo does not even redirect.
    if photo is None or not (photo.public or is_desk_user(request.user)):
        return _not_found()
    cache = PUBLIC_CACHE if photo.public else PRIVATE_CACHE
    if version != photo.version:
        response = redirect(rendition_url(photo, wanted), permanent=True)
        response.headers["Cache-Control"] = STALE_CACHE if photo.public else cache
        return response
    etag = quote_etag(f"{version}-{wanted.name}")
    response = get_conditional_response(request, etag=etag)
    if response is None:
        made = get_rendition(photo, wanted)
        response = FileResponse(
            made.file.storage.open(made.file.name, "rb"),
            content_type=wanted.content_type,
        )
        response.headers["Last-Modified"] = http_date(made.created_at.timestamp())
    response.headers["ETag"] = etag
    response.headers["Cache-Control"] = cache
    response.headers["X-Content-Type-Options"] = "nosniff"
    return response


def media(request, path):
    """Local media for the embedded setup. Originals and rendition files are
    the desk's: readers get renditions through ``rendition`` above."""
    # Normalise as serve() does, so "x/../photos/…" is caught as well.
    folder = posixpath.normpath(path).lstrip("/").split("/", 1)[0]
    desk_only = folder in DESK_ONLY_MEDIA
    if desk_only and not is_desk_user(request.user):
        raise Http404("No such file")
    response = serve(request, path, document_root=settings.MEDIA_ROOT)
    response.headers["Cache-Control"] = (
        PRIVATE_CACHE if desk_only else "public, max-age=2592000"
    )
    response.headers["X-Content-Type-Options"] = "nosniff"
    return response
