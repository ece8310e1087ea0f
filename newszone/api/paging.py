"""The article list's parameters: filters, ``limit`` and an opaque ``cursor``.

Order: by ``updated_at`` then id, newest first. With ``updated_since`` the
list runs oldest change first instead, so a sync client can walk it as a
change feed: a story edited during the walk moves to the end and is read
again (never skipped), and an interrupted walk resumes from the last
``next`` link. ``updated_since`` is inclusive; pass the last ``updated_at``
you stored (a little earlier is safe: what you already have comes back with
the same id and version).

A cursor is the position after the last item of a page (its ``updated_at``
and id) and the direction, base64url-encoded JSON: keyset pagination, so a
page costs the same however deep and no item shows twice while the list
changes underneath.
"""

from __future__ import annotations

import base64
import binascii
import json
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from urllib.parse import urlencode

from django.db.models import Q
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from newszone.accounts.models import Reporter
from newszone.api.common import ApiError
from newszone.articles.models import Language
from newszone.taxonomy.models import Section, Tag

DEFAULT_LIMIT, MAX_LIMIT = 20, 100
MAX_ID = 2**63 - 1  # larger ids cannot exist, and overflow the database's integers
_DIGITS = re.compile(r"[0-9]{1,19}")
# "+09:00" typed into a query string arrives as " 09:00" ("+" means space).
_PLUS_AS_SPACE = re.compile(r" (\d{2}(?::?\d{2})?)$")


def bad_param(name: str, message: str) -> ApiError:
    """A 400 problem naming the query parameter."""
    return ApiError(400, "Bad Request", f"{name}: {message}", errors={name: [message]})


def parse_moment(name: str, value: str) -> datetime:
    """An ISO 8601 date-time with its time zone, in UTC."""
    value = _PLUS_AS_SPACE.sub(r"+\1", value.strip())
    try:
        moment = parse_datetime(value)
        if moment is not None and timezone.is_aware(moment):
            return moment.astimezone(UTC)  # OverflowError at the calendar's ends
    except (ValueError, OverflowError):
        moment = None
    if moment is None:
        raise bad_param(name, "An ISO 8601 date-time, e.g. 2026-03-01T09:00:00+09:00.")
    raise bad_param(name, "Give the time zone, e.g. 2026-03-01T09:00:00Z.")


def as_id(value: str) -> int | None:
    """``value`` as a possible database id, or None ("²".isdigit() is true)."""
    if _DIGITS.fullmatch(value) and 0 < int(value) <= MAX_ID:
        return int(value)
    return None


def parse_limit(value: str) -> int:
    if not _DIGITS.fullmatch(value) or not 1 <= int(value) <= MAX_LIMIT:
        raise bad_param("limit", f"A whole number from 1 to {MAX_LIMIT}.")
    return int(value)


# -- cursors ---------------------------------------------------------------------


def encode_cursor(article, ascending: bool) -> str:
    position = [article.updated_at.astimezone(UTC).isoformat(), article.pk]
    raw = json.dumps([*position, "a" if ascending else "d"]).encode()
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


def decode_cursor(value: str, ascending: bool) -> tuple[datetime, int]:
    """The position a cursor names, or a 400 naming ``cursor``."""
    try:
        raw = base64.urlsafe_b64decode(value + "=" * (-len(value) % 4))
        moment, pk, direction = json.loads(raw)
        moment = parse_datetime(moment).astimezone(UTC)
        valid = type(pk) is int and 0 < pk <= MAX_ID and direction in ("a", "d")
    except (binascii.Error, ValueError, TypeError, AttributeError, OverflowError):
        valid = False
    if not valid:
        raise bad_param("cursor", "Not a cursor from this API; use the next link.")
    if (direction == "a") != ascending:
        raise bad_param("cursor", "This cursor belongs to a list in the other order.")
    return moment, pk


# -- the query -------------------------------------------------------------------


@dataclass
class ArticleQuery:
    limit: int = DEFAULT_LIMIT
    filters: list[Q] = field(default_factory=list)
    updated_since: datetime | None = None
    after: tuple[datetime, int] | None = None

    @property
    def ascending(self) -> bool:
        return self.updated_since is not None

    @classmethod
    def parse(cls, request) -> ArticleQuery:
        """Check every parameter (empty ones are ignored) or raise a 400."""
        get = {k: v for k, v in request.GET.items() if v.strip()}
        query = cls()
        if "limit" in get:
            query.limit = parse_limit(get["limit"])
        if "language" in get:
            if get["language"] not in Language.values:
                raise bad_param("language", "Either 'ko' or 'en'.")
            query.filters.append(Q(language=get["language"]))
        if "section" in get:
            query.filters.append(Q(section__in=section_ids(get["section"])))
        if "reporter" in get:
            query.filters.append(Q(reporters=find_reporter(get["reporter"])))
        if "tag" in get:
            query.filters.append(tag_condition(get["tag"]))
        if "updated_since" in get:
            query.updated_since = parse_moment("updated_since", get["updated_since"])
            query.filters.append(Q(updated_at__gte=query.updated_since))
        if "cursor" in get:
            query.after = decode_cursor(get["cursor"], query.ascending)
        return query

    def apply(self, articles):
        for condition in self.filters:
            articles = articles.filter(condition)
        if self.after:
            moment, pk = self.after
            if self.ascending:
                later = Q(updated_at__gt=moment) | Q(updated_at=moment, pk__gt=pk)
            else:
                later = Q(updated_at__lt=moment) | Q(updated_at=moment, pk__lt=pk)
            articles = articles.filter(later)
        order = ("updated_at", "pk") if self.ascending else ("-updated_at", "-pk")
        return articles.order_by(*order)

    def next_url(self, request, last) -> str:
        params = request.GET.copy()
        params["cursor"] = encode_cursor(last, self.ascending)
        query = urlencode(sorted(params.items()))
        return request.build_absolute_uri(request.path) + "?" + query


def section_ids(slug: str) -> set[int]:
    """The section and every section below it."""
    tree = Section.objects.tree()
    current = next((s for s in tree.values() if s.slug == slug), None)
    if current is None:
        raise bad_param("section", f"No section {slug!r}; see /api/v1/sections/.")
    return current.descendant_ids(tree)


def find_reporter(value: str) -> Reporter:
    reporter = Reporter.objects.filter(slug=value).first()
    if reporter is None and as_id(value):
        reporter = Reporter.objects.filter(pk=as_id(value)).first()
    if reporter is None:
        raise bad_param("reporter", f"No reporter {value!r} (slug or id).")
    return reporter


def tag_condition(name: str) -> Q:
    """Stories with the tag of that name (or address). An unknown tag gives an
    empty list, not a 400: a tag may exist only on unpublished work, and
    saying so would reveal it."""
    tag = Tag.objects.filter(name=name).first() or Tag.objects.filter(slug=name).first()
    return Q(tags=tag) if tag else Q(pk__in=[])
