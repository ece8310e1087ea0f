"""The write API: a token-permission matrix, If-Match, and refusals that say why."""

import json
from datetime import timedelta

import pytest
from django.utils import timezone

from newszone.accounts.tokens import issue_token, revoke_tokens
from newszone.api.common import article_etag
from newszone.articles.models import Article, ArticlePhoto, Status
from tests.factories import (
    image_bytes,
    make_article,
    make_photo,
    make_section,
    make_user,
)

pytestmark = pytest.mark.django_db

ROLES = ["reporter", "editor", "chief", "admin", None]
ALLOWED = {
    "create": {"reporter", "editor", "chief"},
    "patch": {"reporter", "editor", "chief"},  # reporter: own drafts
    "submit": {"reporter", "editor", "chief"},
    "send-back": {"editor", "chief"},
    "approve": {"editor", "chief"},
    "publish": {"editor", "chief"},
    "schedule": {"editor", "chief"},
    "unschedule": {"editor", "chief"},
    "unpublish": {"editor", "chief"},
    "kill": {"chief"},
    "upload-photo": {"reporter", "editor", "chief"},
    "attach-photo": {"reporter", "editor", "chief"},
}
START = {
    "patch": Status.DRAFT,
    "submit": Status.DRAFT,
    "send-back": Status.REVIEW,
    "approve": Status.REVIEW,
    "publish": Status.APPROVED,
    "schedule": Status.APPROVED,
    "unschedule": Status.SCHEDULED,
    "unpublish": Status.PUBLISHED,
    "kill": Status.PUBLISHED,
    "attach-photo": Status.DRAFT,
}
AFTER = {
    "submit": Status.REVIEW,
    "send-back": Status.DRAFT,
    "approve": Status.APPROVED,
    "publish": Status.PUBLISHED,
    "schedule": Status.SCHEDULED,
    "unschedule": Status.APPROVED,
    "unpublish": Status.UNPUBLISHED,
    "kill": Status.KILLED,
}


class Api:
    def __init__(self, client, key=None):
        self.client, self.key = client, key

    def headers(self, **extra):
        headers = {f"HTTP_{k.upper().replace('-', '_')}": v for k, v in extra.items()}
        headers.setdefault("HTTP_ACCEPT_LANGUAGE", "en")  # messages follow it
        if self.key:
            headers["HTTP_AUTHORIZATION"] = f"Token {self.key}"
        return headers

    def post(self, url, data=None, **headers):
        if data is None:  # an empty POST, as curl -X POST sends it
            return self.client.generic("POST", url, b"", **self.headers(**headers))
        return self.client.post(
            url,
            json.dumps(data),
            content_type="application/json",
            **self.headers(**headers),
        )

    def patch(self, url, data, **headers):
        return self.client.patch(
            url,
            json.dumps(data),
            content_type="application/json",
            **self.headers(**headers),
        )

    def upload(self, url, data: bytes, name="photo.jpg"):
        from django.core.files.uploadedfile import SimpleUploadedFile

        upload = SimpleUploadedFile(name, data, "image/jpeg")
        return self.client.post(url, {"file": upload}, **self.headers())


def api_for(client, role):
    user = make_user(role)
    return user, Api(client, issue_token(user)[1])


def story(owner, state=Status.DRAFT, **fields):
    article = make_article(published=False, created_by=owner, **fields)
    changes = {"status": state, "version": 1}
    if state == Status.PUBLISHED:
        changes["published_at"] = timezone.now() - timedelta(hours=1)
    if state == Status.SCHEDULED:
        changes["publish_at"] = timezone.now() + timedelta(hours=1)
    Article.objects.filter(pk=article.pk).update(**changes)
    article.refresh_from_db()
    return article


def new_story_body(section):
    return {
        "headline": "API story",
        "body_html": "<p>Hello <script>alert(1)</script>world</p>",
        "language": "en",
        "section": section.slug,
        "tags": ["drones", "navy"],
        "type": "news",
    }


def attempt(operation, api, user):
    """Do ``operation`` as ``api``'s user; (response, did it happen?)."""
    if operation == "create":
        response = api.post("/api/v1/articles/", new_story_body(make_section()))
        return response, Article.objects.filter(headline="API story").exists()
    if operation == "upload-photo":
        before = ArticlePhoto.objects.count(), _photos()
        response = api.upload("/api/v1/photos/", image_bytes())
        return response, _photos() > before[1]
    article = story(user, START[operation])
    url = f"/api/v1/articles/{article.pk}/"
    if operation == "patch":
        response = api.patch(
            url, {"headline": "Patched"}, if_match=article_etag(article)
        )
        return response, Article.objects.get(pk=article.pk).headline == "Patched"
    if operation == "attach-photo":
        photo = make_photo()
        response = api.post(url + "photos/", {"photo": photo.pk, "alt_text": "A ship"})
        return response, ArticlePhoto.objects.filter(article=article).exists()
    body = None
    if operation == "schedule":
        later = timezone.localtime(timezone.now() + timedelta(hours=2))
        body = {"publish_at": later.isoformat()}
    response = api.post(url + operation + "/", body)
    return response, Article.objects.get(pk=article.pk).status == AFTER[operation]


def _photos():
    from newszone.photos.models import Photo

    return Photo.objects.count()


@pytest.mark.parametrize("role", ROLES, ids=lambda r: r or "no-role")
@pytest.mark.parametrize("operation", list(ALLOWED))
def test_token_permission_matrix(client, operation, role):
    user, api = api_for(client, role)
    response, happened = attempt(operation, api, user)
    if role in ALLOWED[operation]:
        assert response.status_code in (200, 201), response.content
        assert happened
    else:
        assert response.status_code == 403, response.content
        assert response["Content-Type"] == "application/problem+json"
        assert not happened


@pytest.mark.parametrize("operation", ["create", "submit", "publish", "upload-photo"])
def test_no_token_bad_token_revoked_token_are_401(client, operation):
    user = make_user("chief")
    token, key = issue_token(user)
    revoke_tokens(user)
    for api in (Api(client), Api(client, "nz_nope_nope"), Api(client, key)):
        response, happened = attempt(operation, api, user)
        assert response.status_code == 401 and not happened
        assert "Token" in response["WWW-Authenticate"]


def test_a_reporter_cannot_patch_someone_elses_draft(client):
    _, api = api_for(client, "reporter")
    theirs = story(make_user("reporter"))
    url = f"/api/v1/articles/{theirs.pk}/"
    response = api.patch(url, {"headline": "Mine now"}, if_match=article_etag(theirs))
    assert response.status_code == 403
    assert Article.objects.get(pk=theirs.pk).headline != "Mine now"


def test_patch_needs_if_match_and_refuses_a_stale_one(client):
    user, api = api_for(client, "editor")
    article = story(user)
    url = f"/api/v1/articles/{article.pk}/"
    assert api.patch(url, {"headline": "No precondition"}).status_code == 428
    first = api.patch(url, {"headline": "First"}, if_match=article_etag(article))
    assert first.status_code == 200 and first["ETag"] != article_etag(article)
    stale = api.patch(url, {"headline": "Second"}, if_match=article_etag(article))
    assert stale.status_code == 412
    assert Article.objects.get(pk=article.pk).headline == "First"
    again = api.patch(url, {"headline": "Second"}, if_match=first["ETag"])
    assert again.status_code == 200
    assert Article.objects.get(pk=article.pk).headline == "Second"


def test_validation_errors_name_the_field(client):
    _, api = api_for(client, "editor")
    section = make_section()
    cases = [
        ({"section": section.slug}, "headline"),
        ({**new_story_body(section), "language": "fr"}, "language"),
        ({**new_story_body(section), "section": "nowhere"}, "section"),
        ({**new_story_body(section), "reporters": ["ghost"]}, "reporters"),
        ({**new_story_body(section), "tags": "not a list"}, "tags"),
        ({**new_story_body(section), "type": "poem"}, "type"),
        ({**new_story_body(section), "colour": "red"}, "colour"),
    ]
    for body, field in cases:
        response = api.post("/api/v1/articles/", body)
        assert response.status_code == 422, (field, response.content)
        problem = response.json()
        assert response["Content-Type"] == "application/problem+json"
        assert field in problem["errors"] and problem["title"]
    assert not Article.objects.exists()


def test_bad_bodies_are_clear_4xx(client):
    _, api = api_for(client, "editor")
    headers = api.headers()
    bad_json = client.post(
        "/api/v1/articles/", "{nope", content_type="application/json", **headers
    )
    assert bad_json.status_code == 400 and "JSON" in bad_json.json()["detail"]
    form = client.post("/api/v1/articles/", {"headline": "x"}, **headers)
    assert form.status_code == 415
    not_object = client.post(
        "/api/v1/articles/", "[1, 2]", content_type="application/json", **headers
    )
    assert not_object.status_code == 400
    assert client.delete("/api/v1/articles/", **headers).status_code == 405


@pytest.mark.parametrize(
    "raw",
    ['{"headline": "a\\u0000b"}', '{"section": "\\udab1"}', '{"a\\u0000": 1}'],
    ids=["nul", "lone-surrogate", "nul-in-a-key"],
)
def test_text_no_database_can_hold_is_a_400(client, raw):
    """PostgreSQL refuses NUL characters: found by schemathesis as a 500."""
    _, api = api_for(client, "editor")
    answer = client.post(
        "/api/v1/articles/", raw, content_type="application/json", **api.headers()
    )
    assert answer.status_code == 400
    assert "NUL" in answer.json()["detail"]
    assert not Article.objects.exists()


def test_state_conflicts_are_409_and_content_problems_422(client):
    user, api = api_for(client, "chief")
    draft = story(user)
    response = api.post(f"/api/v1/articles/{draft.pk}/approve/")
    assert response.status_code == 409  # a draft is not in review
    past = api.post(
        f"/api/v1/articles/{draft.pk}/schedule/",
        {"publish_at": "2001-01-01T09:00:00+09:00"},
    )
    assert past.status_code == 422 and "publish_at" in past.json()["errors"]
    naive = api.post(
        f"/api/v1/articles/{draft.pk}/schedule/", {"publish_at": "2031-01-01T09:00"}
    )
    assert naive.status_code == 422 and "publish_at" in naive.json()["errors"]
    assert api.post(f"/api/v1/articles/{draft.pk}/explode/").status_code == 404
    bare = make_photo(alt_text="")
    api.post(f"/api/v1/articles/{draft.pk}/photos/", {"photo": bare.pk})
    refused = api.post(f"/api/v1/articles/{draft.pk}/publish/")
    assert refused.status_code == 422 and "alt text" in refused.json()["detail"]


def test_photo_upload_answers_with_the_metadata_read(client, tmp_path):
    from tests.photos.tools import tagged_photo

    _, api = api_for(client, "reporter")
    data = tagged_photo(
        tmp_path / "p.jpg",
        **{"IPTC:Caption-Abstract": "K9 자주포 사격", "IPTC:Credit": "국방일보"},
    )
    response = api.upload("/api/v1/photos/", data)
    assert response.status_code == 201, response.content
    body = response.json()
    assert (
        body["id"]
        and body["caption"] == "K9 자주포 사격"
        and body["credit"] == "국방일보"
    )
    svg = api.upload(
        "/api/v1/photos/", b"<svg xmlns='http://www.w3.org/2000/svg'/>", "x.svg"
    )
    assert svg.status_code == 422 and "file" in svg.json()["errors"]
    missing = client.post("/api/v1/photos/", {}, **api.headers())
    assert missing.status_code == 422 and "file" in missing.json()["errors"]


def test_from_draft_to_published_with_the_right_tokens(client):
    reporter, writer = api_for(client, "reporter")
    _, editor = api_for(client, "editor")
    section = make_section("api-news")
    made = writer.post("/api/v1/articles/", new_story_body(section))
    assert made.status_code == 201 and made["Location"].endswith(
        f"/{made.json()['id']}/"
    )
    pk = made.json()["id"]
    story_url = f"/api/v1/articles/{pk}/"
    assert "script" not in Article.objects.get(pk=pk).body  # sanitised on the server
    photo = writer.upload("/api/v1/photos/", image_bytes()).json()["id"]
    attached = writer.post(story_url + "photos/", {"photo": photo, "alt_text": "Ships"})
    assert attached.status_code == 201
    assert writer.post(story_url + "submit/", {"note": "ready"}).status_code == 200
    assert writer.post(story_url + "publish/").status_code == 403  # not a reporter's
    assert editor.post(story_url + "approve/").status_code == 200
    published = editor.post(story_url + "publish/")
    assert published.status_code == 200
    article = Article.objects.get(pk=pk)
    assert article.status == Status.PUBLISHED and article.created_by == reporter
    assert article.lead_photo.alt_text == "Ships"
    assert client.get(article.get_absolute_url()).status_code == 200
