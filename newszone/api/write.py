"""Write endpoints: each allowed only as the token's user may in the desk.

Every write goes through ``articles/services.py`` (the desk's verbs), so the
role and state checks, revisions, audit log and indexing are the desk's own.
Refusals: 401 without a valid token, 403 for the role, 409 for the story's
state, 412 for a stale If-Match, 428 without one, 422 naming the field.
"""

from __future__ import annotations

from datetime import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.http import JsonResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from newszone.accounts.models import Reporter, User
from newszone.api.common import (
    ApiError,
    article_etag,
    endpoint,
    json_body,
    require_user,
)
from newszone.articles import services, workflow
from newszone.articles.models import (
    Article,
    ArticlePhoto,
    ArticleReporter,
    ArticleType,
    Language,
)
from newszone.photos.models import Photo
from newszone.photos.services import create_photo
from newszone.taxonomy.models import Section, Tag

FIELDS = {
    "headline",
    "alternate_headline",
    "deck",
    "body_html",
    "language",
    "section",
    "reporters",
    "tags",
    "type",
}
ACTIONS = {  # URL name → the desk's verb
    "submit": "submit",
    "send-back": "send_back",
    "approve": "approve",
    "publish": "publish",
    "unpublish": "unpublish",
    "unschedule": "unschedule",
    "kill": "kill",
    "schedule": "schedule",
}
MAX_TAGS = 30
MAX_REPORTERS = 10


# -- answers -------------------------------------------------------------------


def article_response(request, article: Article, status: int = 200) -> JsonResponse:
    from newszone.api.serializers import article_json

    article = Article.objects.for_listing().prefetch_related("tags").get(pk=article.pk)
    response = JsonResponse(article_json(article, request, desk=True), status=status)
    response["ETag"] = article_etag(article)
    response["Cache-Control"] = "private, no-store"
    if status == 201:
        response["Location"] = request.build_absolute_uri(
            f"/api/v1/articles/{article.pk}/"
        )
    return response


def refused(error: ValidationError):
    """A services ValidationError as 409 (state) or 422 (the content)."""
    if getattr(error, "code", None) == "state":
        return ApiError(409, "Conflict", " ".join(error.messages))
    errors = {"non_field_errors": [str(m) for m in error.messages]}
    return ApiError(
        422, "Unprocessable Content", " ".join(error.messages), errors=errors
    )


# -- the article fields ----------------------------------------------------------


def _text(data, name, limit=None, required=False) -> str:
    value = data.get(name, "")
    if value is None:
        value = ""
    if not isinstance(value, str):
        raise _invalid(name, "Must be a string.")
    value = value.strip()
    if required and not value:
        raise _invalid(name, "This field is required.")
    if limit and len(value) > limit:
        raise _invalid(name, f"At most {limit} characters.")
    return value


def _invalid(field: str, message: str) -> ApiError:
    return ApiError(
        422,
        "Unprocessable Content",
        f"{field}: {message}",
        errors={field: [message]},
    )


def _reporters(values) -> list[Reporter]:
    if not isinstance(values, list) or len(values) > MAX_REPORTERS:
        raise _invalid("reporters", f"A list of at most {MAX_REPORTERS} items.")
    found = []
    for value in values:
        reporter = None
        if isinstance(value, int) and not isinstance(value, bool):
            reporter = Reporter.objects.filter(pk=value).first()
        elif isinstance(value, str) and value.strip():
            user = User.objects.filter(username=value.strip()).first()
            reporter = getattr(user, "reporter", None) if user else None
            reporter = reporter or Reporter.objects.filter(slug=value.strip()).first()
        if reporter is None:
            raise _invalid("reporters", f"No reporter {value!r} (username or id).")
        if reporter not in found:
            found.append(reporter)
    return found


def _tags(values) -> list[str]:
    if not isinstance(values, list) or len(values) > MAX_TAGS:
        raise _invalid("tags", f"A list of at most {MAX_TAGS} names.")
    limit = Tag._meta.get_field("name").max_length
    names = []
    for value in values:
        if not isinstance(value, str) or not value.strip() or len(value) > limit:
            raise _invalid("tags", f"Each tag is a name of 1 to {limit} characters.")
        if value.strip() not in names:
            names.append(value.strip())
    return names


def apply_fields(article: Article, data: dict, creating: bool):
    """Check and copy the JSON fields onto ``article``; the links to set after."""
    unknown = sorted(set(data) - FIELDS)
    if unknown:
        raise _invalid(unknown[0], f"Unknown field; the fields are {sorted(FIELDS)}.")
    limit = Article._meta.get_field("headline").max_length
    if creating or "headline" in data:
        article.headline = _text(data, "headline", limit, required=True)
    if "alternate_headline" in data:
        article.alternate_headline = _text(data, "alternate_headline", limit)
    if "deck" in data:
        article.deck = _text(data, "deck", 5000)
    if "body_html" in data:
        article.body = _text(data, "body_html", 500_000)  # sanitised on save (nh3)
    if creating or "language" in data:
        language = data.get("language", Language.KOREAN)
        if language not in Language.values:
            raise _invalid("language", "Either 'ko' or 'en'.")
        article.language = language
    if "type" in data:
        if data["type"] not in ArticleType.values:
            raise _invalid("type", f"One of {ArticleType.values}.")
        article.article_type = data["type"]
    if creating or "section" in data:
        slug = data.get("section")
        section = Section.objects.filter(slug=slug).first() if slug else None
        if section is None:
            raise _invalid("section", "A section's slug, e.g. 'news-zone'.")
        article.section = section
    reporters = _reporters(data["reporters"]) if "reporters" in data else None
    tags = _tags(data["tags"]) if "tags" in data else None

    def set_links(saved: Article) -> None:
        if reporters is not None:
            saved.article_reporters.all().delete()
            ArticleReporter.objects.bulk_create(
                ArticleReporter(article=saved, reporter=r, position=i)
                for i, r in enumerate(reporters)
            )
        if tags is not None:
            saved.tags.set(Tag.objects.get_or_create(name=n)[0] for n in tags)

    return set_links


# -- endpoints -------------------------------------------------------------------


def create_article(request):
    """POST /api/v1/articles/: a new draft."""
    user = require_user(request)
    data = json_body(request)
    article = Article()
    set_links = apply_fields(article, data, creating=True)
    try:
        article = services.save_article(article, user, None, "API", set_links)
    except ValidationError as error:
        raise refused(error) from None
    return article_response(request, article, 201)


def update_article(request, pk: int):
    """PATCH /api/v1/articles/{id}/ with If-Match: the ETag last read."""
    user = require_user(request)
    article = get_object_or_404(Article, pk=pk)
    base = base_version(request, article)
    data = json_body(request)
    set_links = apply_fields(article, data, creating=False)
    try:
        article = services.save_article(article, user, base, "API", set_links)
    except services.StaleEdit:
        raise ApiError(
            412,
            "Precondition Failed",
            "The article changed since that ETag; GET it again and re-apply.",
        ) from None
    except ValidationError as error:
        raise refused(error) from None
    return article_response(request, article)


def base_version(request, article: Article) -> int | None:
    """The version an If-Match names (None for ``*``): 428 without one, 412
    unless it is the article's current ETag (any change since the client's
    GET, an edit or a correction alike, makes it stale)."""
    header = request.headers.get("If-Match", "").strip()
    if not header:
        raise ApiError(
            428,
            "Precondition Required",
            "Send If-Match with the article's ETag (from GET) so no one's "
            "edit is overwritten.",
        )
    if header == "*":
        return None
    current = article_etag(article)
    if current not in (tag.strip() for tag in header.split(",")):
        raise ApiError(
            412,
            "Precondition Failed",
            "The article changed since that ETag; GET it again and re-apply.",
        )
    return article.version


def _moment(data: dict, name: str, required: bool) -> datetime | None:
    value = data.get(name)
    if value in (None, ""):
        if required:
            raise _invalid(name, "This field is required (ISO 8601 with offset).")
        return None
    moment = parse_datetime(value) if isinstance(value, str) else None
    if moment is None:
        raise _invalid(name, "An ISO 8601 date-time, e.g. 2026-12-01T09:00:00+09:00.")
    if timezone.is_naive(moment):
        raise _invalid(name, "Give the time zone offset, e.g. +09:00.")
    return moment


@endpoint("POST")
def transition(request, pk: int, action: str):
    """POST /api/v1/articles/{id}/{action}/."""
    user = require_user(request)
    if action not in ACTIONS:
        raise ApiError(
            404, "Not Found", f"No action {action!r}; use {sorted(ACTIONS)}."
        )
    article = get_object_or_404(Article, pk=pk)
    has_body = bool(request.body)
    data = json_body(request) if has_body else {}
    note = data.get("note", "")
    if not isinstance(note, str) or len(note) > 1000:
        raise _invalid("note", "A string of at most 1000 characters.")
    verb = ACTIONS[action]
    try:
        if verb == "schedule":
            publish_at = _moment(data, "publish_at", required=True)
            embargo = _moment(data, "embargo_until", required=False)
            if publish_at <= timezone.now():
                raise _invalid("publish_at", "Must be in the future.")
            services.schedule_article(article, user, publish_at, embargo, note)
        else:
            services.VERBS[verb](article, user, note=note)
    except ValidationError as error:
        raise refused(error) from None
    return article_response(request, article)


@endpoint("POST")
def upload_photo(request):
    """POST /api/v1/photos/ (multipart, field ``file``): the metadata read."""
    user = require_user(request)
    if not workflow.can(user, "create"):
        raise ApiError(403, "Forbidden", "Your role does not upload photos.")
    upload = request.FILES.get("file")
    if upload is None:
        raise _invalid("file", "Send the image as multipart/form-data field 'file'.")
    try:
        photo = create_photo(upload)
    except ValidationError as error:
        raise _invalid("file", " ".join(error.messages)) from None
    from newszone.api.serializers import photo_json

    body = photo_json(photo, request)
    body["embedded"] = photo.embedded
    response = JsonResponse(body, status=201)
    response["Location"] = request.build_absolute_uri(
        reverse("api:photo", kwargs={"pk": photo.pk})
    )
    return response


@endpoint("POST")
def attach_photo(request, pk: int):
    """POST /api/v1/articles/{id}/photos/: {"photo": id, caption, credit, alt_text}."""
    user = require_user(request)
    article = get_object_or_404(Article, pk=pk)
    data = json_body(request)
    unknown = sorted(set(data) - {"photo", "caption", "credit", "alt_text"})
    if unknown:
        raise _invalid(unknown[0], "Unknown field.")
    photo_id = data.get("photo")
    photo = (
        Photo.objects.filter(pk=photo_id).first()
        if isinstance(photo_id, int) and not isinstance(photo_id, bool)
        else None
    )
    if photo is None:
        raise _invalid("photo", "The id of an uploaded photo.")
    texts = {
        "caption": _text(data, "caption", 5000),
        "credit": _text(
            data, "credit", ArticlePhoto._meta.get_field("credit").max_length
        ),
        "alt_text": _text(
            data, "alt_text", ArticlePhoto._meta.get_field("alt_text").max_length
        ),
    }

    def add(saved: Article) -> None:
        last = saved.article_photos.aggregate(last=Max("position"))["last"]
        ArticlePhoto.objects.create(
            article=saved,
            photo=photo,
            position=0 if last is None else last + 1,
            **texts,
        )

    try:
        with transaction.atomic():
            article = services.save_article(article, user, None, "API photo", add)
    except ValidationError as error:
        raise refused(error) from None
    return article_response(request, article, 201)
