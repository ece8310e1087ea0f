"""Last-Modified / ETag for reader pages, from one cheap query.

A page may show any article, section, reporter, tag or photo, and the
publication's own lines, so its version is the newest change among them.
"""

import hashlib
from datetime import UTC
from functools import wraps

from django.db import connection
from django.utils import timezone
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.dateparse import parse_datetime
from django.utils.http import http_date, quote_etag
from django.utils.translation import get_language

from newszone import __version__

VERSIONED_TABLES = (
    "articles_article",
    "accounts_reporter",
    "taxonomy_section",
    "taxonomy_tag",
    "photos_photo",
    "publication_publication",
)


def content_last_modified():
    """The newest ``updated_at`` of anything a reader page can show (one query)."""
    parts = " UNION ALL ".join(
        # Table names are our own constants, quoted; nothing comes from users.
        f"SELECT MAX(updated_at) AS m FROM {connection.ops.quote_name(table)}"  # noqa: S608
        for table in VERSIONED_TABLES
    )
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT MAX(m) FROM ({parts}) AS versions")  # noqa: S608
        (value,) = cursor.fetchone()
    if value is None:
        return None
    if isinstance(value, str):  # SQLite hands back text from a subquery
        value = parse_datetime(value)
    if timezone.is_naive(value):
        value = value.replace(tzinfo=UTC)
    return value


def conditional_page(view):
    """Answer 304 to a repeat visit when nothing shown has changed since."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.method not in ("GET", "HEAD"):
            return view(request, *args, **kwargs)
        changed = content_last_modified()
        stamp = changed.isoformat() if changed else "empty"
        digest = hashlib.sha256(
            f"{__version__}|{get_language()}|{stamp}".encode()
        ).hexdigest()[:32]
        etag = quote_etag(digest)
        last_modified = int(changed.timestamp()) if changed else None
        response = get_conditional_response(
            request, etag=etag, last_modified=last_modified
        )
        if response is None:
            response = view(request, *args, **kwargs)
        if response.status_code in (200, 304):
            response.headers.setdefault("ETag", etag)
            if last_modified is not None:
                response.headers.setdefault("Last-Modified", http_date(last_modified))
            patch_cache_control(response, public=True, max_age=0, must_revalidate=True)
        return response

    return wrapper
