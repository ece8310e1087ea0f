"""What every API view shares: RFC 7807 problems, token authentication,
JSON bodies, and the article ETag that PATCH's If-Match must carry.

A view is wrapped by ``@endpoint("GET", "POST")``: the method is checked, the
``Authorization: Token …`` header (if any) becomes ``request.api_user``, and
every refusal becomes ``application/problem+json`` with a reason (and, for
validation errors, the fields). Nothing is ever a 500 for bad input.
"""

from __future__ import annotations

import functools
import json

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.views.decorators.csrf import csrf_exempt

from newszone.accounts.tokens import user_for_key
from newszone.core.http import problem
from newszone.core.text import storable, strings_in

MAX_BODY = 2 * 1024 * 1024  # JSON bodies; photo uploads have their own limit


class ApiError(Exception):
    """A refusal with an HTTP status, a title and a reason for the client."""

    def __init__(self, status: int, title: str, detail: str = "", **extra):
        super().__init__(detail or title)
        self.status, self.title, self.detail, self.extra = status, title, detail, extra


def field_errors(error: ValidationError) -> dict[str, list[str]]:
    if hasattr(error, "error_dict"):
        return {
            field: [str(m) for m in e.messages] for field, e in error.error_dict.items()
        }
    return {"non_field_errors": [str(m) for m in error.messages]}


def authenticate(request) -> None:
    """``Authorization: Token <key>`` → ``request.api_user`` (None without one)."""
    request.api_user = None
    header = request.headers.get("Authorization", "")
    if not header:
        return
    scheme, _, key = header.partition(" ")
    if scheme.lower() != "token" or not key.strip():
        raise ApiError(
            401, "Unauthorized", "Use the header: Authorization: Token <key>."
        )
    user = user_for_key(key.strip())
    if user is None:
        raise ApiError(401, "Unauthorized", "The token is unknown or revoked.")
    request.api_user = user


def require_user(request):
    """The token's user, or a 401 problem."""
    if request.api_user is None:
        raise ApiError(
            401, "Unauthorized", "This needs a token: Authorization: Token <key>."
        )
    return request.api_user


def json_body(request) -> dict:
    """The request's JSON object, or a 400/413/415 problem."""
    if int(request.headers.get("Content-Length") or 0) > MAX_BODY:
        raise ApiError(413, "Payload Too Large", "JSON bodies are limited to 2 MB.")
    kind = request.content_type or ""
    if kind not in ("application/json", "application/merge-patch+json"):
        raise ApiError(415, "Unsupported Media Type", "Send JSON (application/json).")
    try:
        data = json.loads(request.body or b"{}")
    except (ValueError, UnicodeDecodeError) as error:
        raise ApiError(
            400, "Bad Request", f"The body is not valid JSON: {error}"
        ) from None
    if not isinstance(data, dict):
        raise ApiError(400, "Bad Request", "The body must be a JSON object.")
    if not all(storable(text) for text in strings_in(data)):
        raise ApiError(
            400,
            "Bad Request",
            "Text in the body may not hold NUL characters or unpaired surrogates.",
        )
    return data


def article_etag(article) -> str:
    """Strong ETag of an article as stored: its version (every save) and its
    update time (corrections, translation links and transitions too)."""
    stamp = int(article.updated_at.timestamp() * 1_000_000)
    return f'"article-{article.pk}-v{article.version}-{stamp}"'


def endpoint(*methods: str):
    """Method check, token, and problems instead of exceptions."""

    def decorate(view):
        @csrf_exempt  # token-authenticated, no cookies: CSRF does not apply
        @functools.wraps(view)
        def wrapper(request, *args, **kwargs):
            allowed = {*methods, "HEAD"} if "GET" in methods else set(methods)
            if request.method not in allowed:
                response = problem(
                    405,
                    "Method Not Allowed",
                    f"Use {', '.join(sorted(methods))} here.",
                )
                response["Allow"] = ", ".join(sorted(allowed))
                return response
            try:
                authenticate(request)
                return view(request, *args, **kwargs)
            except ApiError as error:
                return problem(error.status, error.title, error.detail, **error.extra)
            except ValidationError as error:
                errors = field_errors(error)
                detail = "; ".join(f"{f}: {' '.join(m)}" for f, m in errors.items())
                return problem(422, "Unprocessable Content", detail, errors=errors)
            except PermissionDenied as error:
                return problem(403, "Forbidden", str(error) or "Not allowed.")
            except Http404 as error:
                return problem(404, "Not Found", str(error) or "No such resource.")

        return wrapper

    return decorate


def no_content() -> HttpResponse:
    return HttpResponse(status=204)
