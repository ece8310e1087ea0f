"""What a search asks, independent of the engine: analysed groups plus filters."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime

from newszone.search.analyzers import analyze, normalize

MAX_QUERY_CHARS = 200
MAX_GROUPS = 12
QUOTED = re.compile(r'"([^"]+)"')
SCOPES = ("all", "headline", "body", "reporter")
SORTS = ("relevance", "newest", "oldest")

Groups = list[list[list[str]]]


def parse(text: str) -> Groups:
    """User text → groups. ``"defense talks"`` in quotes is one phrase group.

    Whatever the user typed becomes analysed terms: operators, quotes and
    SQL never reach an engine as syntax.
    """
    text = normalize(text)[:MAX_QUERY_CHARS]
    groups: Groups = []
    for phrase in QUOTED.findall(text):
        terms = analyze(phrase).terms
        if terms:
            groups.append([terms])
    groups += analyze(QUOTED.sub(" ", text)).groups
    unique: Groups = []
    for group in groups:
        if group not in unique:
            unique.append(group)
    return unique[:MAX_GROUPS]


@dataclass
class SearchQuery:
    groups: Groups = field(default_factory=list)
    groups2: Groups = field(default_factory=list)
    op: str = "and"  # how groups2 joins groups
    scope: str = "all"
    language: str | None = None
    section_ids: list[int] | None = None
    reporter_ids: list[int] | None = None
    date_from: datetime | None = None  # inclusive
    date_to: datetime | None = None  # exclusive
    photo: bool = False
    public_only: bool = True
    sort: str = "relevance"
    offset: int = 0
    limit: int = 20

    @property
    def has_phrases(self) -> bool:
        """Whether any alternative is a phrase (a quoted query, a compound's parts)."""
        return any(
            len(alternative) > 1
            for groups in (self.groups, self.groups2)
            for group in groups
            for alternative in group
        )

    @property
    def headline_tier(self) -> bool:
        """Whether relevance puts headline matches above all others: for words
        searched in the whole story or its body (a headline or reporter scope
        has one tier only)."""
        return self.scope in ("all", "body") and bool(self.groups or self.groups2)

    @property
    def is_empty(self) -> bool:
        return not (self.groups or self.groups2 or self.reporter_ids)


@dataclass
class Hit:
    object_id: int
    key: int


@dataclass
class SearchResults:
    total: int
    hits: list[Hit]
    ranked_newest: int | None = None  # set when ranking covered only the newest N
    total_exact: bool = True  # False: "more than ``total``" (counting stopped there)
