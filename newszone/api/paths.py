"""The OpenAPI path items: every route of ``urls.py`` (reads and writes).

``/articles/{id}/{action}/`` is one Django route; it is described as two
paths, ``schedule`` (which takes times) and the other actions (which take
an optional note). OpenAPI matches the concrete path first.
"""

from __future__ import annotations

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from newszone.api.ninjs import NINJS
from newszone.api.schemas import ref
from newszone.api.write import ACTIONS as WRITE_ACTIONS
from newszone.articles.workflow import RULES

JSON = "application/json"
# URL action → the workflow rule that names it (schedule has its own path).
ACTIONS = {url: rule for url, rule in WRITE_ACTIONS.items() if rule != "schedule"}
PROBLEMS = {
    400: (
        "BadRequest",
        gettext_lazy("A query parameter or the body is malformed; see errors."),
    ),
    401: ("Unauthorized", gettext_lazy("The token is missing, unknown or revoked.")),
    403: ("Forbidden", gettext_lazy("The token's role may not do this.")),
    404: ("NotFound", gettext_lazy("No such resource (or not public).")),
    405: (
        "MethodNotAllowed",
        gettext_lazy("The path does not offer that method; see Allow."),
    ),
    409: ("Conflict", gettext_lazy("Not possible in the story's present state.")),
    412: (
        "PreconditionFailed",
        gettext_lazy("If-Match names an older version: GET it again."),
    ),
    413: ("PayloadTooLarge", gettext_lazy("The body is too large.")),
    415: (
        "UnsupportedMediaType",
        gettext_lazy("Send the media type the operation takes."),
    ),
    422: ("UnprocessableContent", gettext_lazy("A field is invalid; errors name it.")),
    428: (
        "PreconditionRequired",
        gettext_lazy("Send If-Match with the ETag from GET."),
    ),
}
VALIDATORS = ("ETag", "Last-Modified", "Cache-Control")
WRITE_ERRORS = (400, 403, 404, 409, 413, 415, 422)


def problems(*statuses: int) -> dict:
    return {
        str(status): {"$ref": f"#/components/responses/{PROBLEMS[status][0]}"}
        for status in sorted(set(statuses))
    }


def param(name: str) -> dict:
    return {"$ref": f"#/components/parameters/{name}"}


def body(name: str, media_type: str = JSON) -> dict:
    return {media_type: {"schema": ref(name)}}


def response(description: str, content: dict, headers=VALIDATORS) -> dict:
    return {
        "description": description,
        "headers": {n: {"$ref": f"#/components/headers/{n}"} for n in headers},
        "content": content,
    }


def get(op_id, tag, summary, description, answer, *, params=(), errors=(404,)):
    """A read: a token is optional, conditional requests answer 304."""
    return {
        "operationId": op_id,
        "tags": [tag],
        "summary": summary,
        "description": description,
        "security": [{}, {"token": []}],
        "parameters": [*params, param("If-None-Match"), param("If-Modified-Since")],
        "responses": {
            "200": answer,
            "304": {"$ref": "#/components/responses/NotModified"},
            **problems(401, *errors),
        },
    }


def send(op_id, tag, summary, description, content, answer, *, errors, status="200"):
    """A write: a token is required; the body's ``required`` is set by callers."""
    return {
        "operationId": op_id,
        "tags": [tag],
        "summary": summary,
        "description": description,
        "security": [{"token": []}],
        "requestBody": {"required": True, "content": content},
        "responses": {status: answer, **problems(401, *errors)},
    }


def meta_paths() -> dict:
    def page(media_type, schema):
        return response(_("The document."), {media_type: {"schema": schema}})

    return {
        "/": {
            "get": get(
                "getIndex",
                "meta",
                _("The resources"),
                _("Links to every list."),
                response(_("The links."), body("Index")),
                errors=(),
            )
        },
        "/openapi.json": {
            "get": get(
                "getOpenApi",
                "meta",
                _("This description"),
                _("OpenAPI 3.1 as JSON."),
                page(JSON, {"type": "object"}),
                errors=(),
            )
        },
        "/docs/": {
            "get": get(
                "getDocs",
                "meta",
                _("These docs"),
                _("HTML rendered on the server from the OpenAPI document."),
                page("text/html", {"type": "string"}),
                errors=(),
            )
        },
    }


def article_paths() -> dict:
    filters = ("section", "language", "reporter", "tag", "updated_since")
    pages = {JSON: {"schema": {"anyOf": [ref("ArticleList"), ref("NinjsList")]}}}
    one = {JSON: {"schema": ref("Article")}, NINJS: {"schema": ref("NinjsItem")}}
    saved = response(_("The story as saved."), body("Article"), ("ETag",))
    update = body("ArticleUpdate") | body(
        "ArticleUpdate", "application/merge-patch+json"
    )
    return {
        "/articles/": {
            "get": get(
                "listArticles",
                "articles",
                _("List articles"),
                _(
                    "Newest change first (updated_at, then id), or oldest first with "
                    "updated_since. Follow the next link (also in the Link header) "
                    "for more. Without a desk token: published stories only."
                ),
                response(_("A page."), pages, (*VALIDATORS, "Link", "Vary")),
                params=[param(n) for n in (*filters, "limit", "cursor", "format")],
                errors=(400,),
            ),
            "post": send(
                "createArticle",
                "articles",
                _("Write a new story"),
                _("A draft; the token's user must be allowed to write stories."),
                body("ArticleCreate"),
                response(_("The new story."), body("Article"), ("ETag", "Location")),
                errors=(400, 403, 413, 415, 422),
                status="201",
            ),
        },
        "/articles/{id}/": {
            "parameters": [param("id")],
            "get": get(
                "getArticle",
                "articles",
                _("One article"),
                _(
                    "As JSON, or ninjs with ?format=ninjs or Accept: "
                    "application/ninjs+json. Its ETag is what PATCH's If-Match "
                    "takes. Not public and no desk token: 404."
                ),
                response(_("The article."), one, (*VALIDATORS, "Vary")),
                params=[param("format")],
                errors=(400, 404),
            ),
            "patch": {
                **send(
                    "updateArticle",
                    "articles",
                    _("Change a story"),
                    _("Send only the fields that change, with If-Match."),
                    update,
                    saved,
                    errors=(*WRITE_ERRORS, 412, 428),
                ),
                "parameters": [param("If-Match")],
            },
        },
    }


def workflow_paths() -> dict:
    labels = "; ".join(f"{url}: {RULES[rule].label}" for url, rule in ACTIONS.items())
    action = {
        "name": "action",
        "in": "path",
        "required": True,
        "description": labels,
        "schema": {"type": "string", "enum": list(ACTIONS)},
    }
    saved = response(_("The story after the step."), body("Article"), ("ETag",))
    step = send(
        "transitionArticle",
        "articles",
        _("Move a story through the workflow"),
        _("Allowed as in the desk (role and state). The body is optional."),
        body("Transition"),
        saved,
        errors=WRITE_ERRORS,
    )
    step["requestBody"]["required"] = False
    attached = response(_("The story with it."), body("Article"), ("ETag", "Location"))
    return {
        "/articles/{id}/{action}/": {"parameters": [param("id"), action], "post": step},
        "/articles/{id}/schedule/": {
            "parameters": [param("id")],
            "post": send(
                "scheduleArticle",
                "articles",
                _("Schedule a story"),
                _("It goes out by itself at publish_at, or embargo_until if later."),
                body("Schedule"),
                saved,
                errors=WRITE_ERRORS,
            ),
        },
        "/articles/{id}/photos/": {
            "parameters": [param("id")],
            "post": send(
                "attachPhoto",
                "articles",
                _("Add a photo to a story"),
                _(
                    "An uploaded photo, after the others. Caption, credit and alt "
                    "text left empty are the photo's own."
                ),
                body("PhotoAttach"),
                attached,
                errors=WRITE_ERRORS,
                status="201",
            ),
        },
    }


def photo_and_taxonomy_paths() -> dict:
    upload = {
        "multipart/form-data": {
            "schema": ref("PhotoUpload"),
            "encoding": {"file": {"contentType": "image/jpeg, image/png, image/webp"}},
        }
    }

    def one(op_id, summary, description, schema, errors=(404,)):
        found = response(_("Found."), body(schema))
        return get(op_id, "taxonomy", summary, description, found, errors=errors)

    slug = [param("slug")]
    return {
        "/photos/": {
            "post": send(
                "uploadPhoto",
                "photos",
                _("Upload a photo"),
                _(
                    "multipart/form-data with the field file. IPTC and XMP metadata "
                    "in the file fill caption, creator, credit and copyright."
                ),
                upload,
                response(
                    _("The photo and its metadata."), body("Photo"), ("Location",)
                ),
                errors=(403, 413, 415, 422),
                status="201",
            )
        },
        "/photos/{id}/": {
            "parameters": [param("id")],
            "get": get(
                "getPhoto",
                "photos",
                _("One photo"),
                _(
                    "A photo and its metadata: for desk tokens, or once a public "
                    "story uses it."
                ),
                response(_("Found."), body("Photo")),
            ),
        },
        "/sections/": {
            "get": one(
                "listSections",
                _("List sections"),
                _("Every section in menu order, with its count of public stories."),
                "SectionList",
                errors=(),
            )
        },
        "/sections/{slug}/": {
            "parameters": slug,
            "get": one(
                "getSection",
                _("One section"),
                _("With its parents' slugs and its subsections."),
                "SectionDetail",
            ),
        },
        "/reporters/": {
            "get": one(
                "listReporters",
                _("List reporters"),
                _("Every byline, with its count of public stories."),
                "ReporterList",
                errors=(),
            )
        },
        "/reporters/{slug}/": {
            "parameters": slug,
            "get": one(
                "getReporter", _("One reporter"), _("By slug or id."), "Reporter"
            ),
        },
        "/tags/": {
            "get": one(
                "listTags",
                _("List tags"),
                _("Tags of public stories, with counts (a desk token: every tag)."),
                "TagList",
                errors=(),
            )
        },
    }


def all_paths() -> dict:
    return {
        **meta_paths(),
        **article_paths(),
        **workflow_paths(),
        **photo_and_taxonomy_paths(),
    }
