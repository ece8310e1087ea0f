"""The OpenAPI 3.1 description of /api/v1/ and the HTML docs drawn from it.

``document()`` describes every route in ``urls.py``, the writes included;
``/api/v1/openapi.json`` serves it and ``/api/v1/docs/`` renders it on the
server (no script, no CDN). Its texts go through gettext; the schemas of the
bodies are in ``schemas.py``.
"""

from __future__ import annotations

from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _

from newszone.api import docs as docs_page
from newszone.api.common import endpoint
from newszone.api.paging import DEFAULT_LIMIT, MAX_ID, MAX_LIMIT
from newszone.api.paths import PROBLEMS, all_paths
from newszone.api.read import CODE_CHANGED, answer, conditional
from newszone.api.schemas import input_schemas, output_schemas, ref
from newszone.core.http import PROBLEM


def document(server_url: str = "/api/v1") -> dict:
    return {
        "openapi": "3.1.0",
        "jsonSchemaDialect": "https://spec.openapis.org/oas/3.1/dialect/base",
        "info": {
            "title": "newszone API",
            "version": "1.0.0",
            "description": _(
                "Stories of a bilingual (Korean/English) newsroom as JSON or IPTC "
                "ninjs 2.3. Reads need no token and see published stories only; "
                "a desk token (Authorization: Token <key>) also sees unpublished "
                "work and may write through the desk's workflow. Errors are RFC "
                "7807 problems (application/problem+json); a method a path does "
                "not offer answers 405 with Allow. Every GET sends ETag and "
                "Last-Modified and answers conditional requests with 304."
            ),
        },
        "servers": [{"url": server_url}],
        "tags": [
            {"name": "articles", "description": _("Stories, read and written.")},
            {"name": "photos", "description": _("Photo uploads.")},
            {"name": "taxonomy", "description": _("Sections, reporters and tags.")},
            {"name": "meta", "description": _("This description and the index.")},
        ],
        "paths": all_paths(),
        "components": {
            "schemas": {**output_schemas(), **input_schemas()},
            "responses": {
                name: problem_response(description)
                for name, description in PROBLEMS.values()
            }
            | {"NotModified": {"description": _("Your copy is current.")}},
            "parameters": parameters(),
            "headers": headers(),
            "securitySchemes": {
                "token": {
                    "type": "apiKey",
                    "in": "header",
                    "name": "Authorization",
                    "description": _(
                        "The value is 'Token <key>'; an administrator issues keys "
                        "(newszone token USERNAME)."
                    ),
                }
            },
        },
    }


# -- building blocks -------------------------------------------------------------


def problem_response(description) -> dict:
    return {
        "description": str(description),
        "content": {PROBLEM: {"schema": ref("Problem")}},
    }


def parameters() -> dict:
    def query(name, description, schema):
        return {
            "name": name,
            "in": "query",
            "description": description,
            "schema": schema,
        }

    return {
        "id": {
            "name": "id",
            "in": "path",
            "required": True,
            "schema": {"type": "integer", "minimum": 0, "maximum": MAX_ID},
        },
        "slug": {
            "name": "slug",
            "in": "path",
            "required": True,
            "schema": {
                "type": "string",
                "pattern": "^[-a-zA-Z0-9_]+$",
                "maxLength": 80,
            },
        },
        "format": query(
            "format",
            _("json (the default) or ninjs; the Accept header also chooses."),
            {"type": "string", "enum": ["json", "ninjs"]},
        ),
        "If-None-Match": {
            "name": "If-None-Match",
            "in": "header",
            "description": _("The ETag of your copy: 304 if it is current."),
            "schema": {"type": "string"},
        },
        "If-Modified-Since": {
            "name": "If-Modified-Since",
            "in": "header",
            "description": _("Last-Modified of your copy: 304 if nothing changed."),
            "schema": {"type": "string"},
        },
        "If-Match": {
            "name": "If-Match",
            "in": "header",
            "required": True,
            "description": _("The ETag from your last GET; 428 without, 412 if stale."),
            "schema": {"type": "string"},
        },
        **list_parameters(query),
    }


def list_parameters(query) -> dict:
    return {
        "section": query(
            "section",
            _("A section's slug; its subsections are included."),
            {"type": "string"},
        ),
        "language": query(
            "language", _("ko or en."), {"type": "string", "enum": ["ko", "en"]}
        ),
        "reporter": query(
            "reporter", _("A reporter's slug or id."), {"type": "string"}
        ),
        "tag": query("tag", _("A tag's name."), {"type": "string"}),
        "updated_since": query(
            "updated_since",
            _(
                "Stories changed at or after this time (ISO 8601 with a time zone). "
                "The list then runs oldest change first, so a sync client walks it "
                "to the end and comes back with the last updated_at it stored."
            ),
            {"type": "string", "format": "date-time"},
        ),
        "limit": query(
            "limit",
            _("Stories per page."),
            {
                "type": "integer",
                "minimum": 1,
                "maximum": MAX_LIMIT,
                "default": DEFAULT_LIMIT,
            },
        ),
        "cursor": query(
            "cursor",
            _("Opaque: copy it from the next link, never build it."),
            {"type": "string"},
        ),
    }


def headers() -> dict:
    def string(description):
        return {"description": description, "schema": {"type": "string"}}

    return {
        "ETag": string(_("The version of this answer; send it back in If-None-Match.")),
        "Last-Modified": string(_("When anything shown last changed.")),
        "Cache-Control": string(
            _(
                "public, max-age=60 for public reads; private, no-store with a "
                "desk token."
            )
        ),
        "Link": string(_('<next page>; rel="next", when there is one.')),
        "Location": string(_("The URL of what was created.")),
        "Vary": string(_("Accept, Authorization on article reads.")),
    }


# -- views -----------------------------------------------------------------------


def server_url(request) -> str:
    return request.build_absolute_uri(reverse("api:index")).rstrip("/")


@endpoint("GET")
def schema(request):
    described = document(server_url(request))
    return answer(request, described, desk=False, last_modified=CODE_CHANGED)


@endpoint("GET")
def docs(request):
    context = docs_page.context(document(server_url(request)))
    # No request: the site's context processors (menus) have nothing to add.
    page = render_to_string("api/docs.html", context)
    return conditional(
        request,
        page.encode(),
        desk=False,
        last_modified=CODE_CHANGED,
        content_type="text/html; charset=utf-8",
    )
