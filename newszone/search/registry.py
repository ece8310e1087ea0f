"""Content apps register what they want searchable; ``search`` imports none of them.

A source turns its objects into ``SourceDocument``s (plain text plus the
facts the filters need). ``articles`` registers one in ``AppConfig.ready()``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from typing import Protocol


@dataclass
class SourceDocument:
    object_id: int
    language: str
    is_public: bool
    sort_time: datetime
    title: str
    body: str
    reporter_names: list[str] = field(default_factory=list)
    reporter_ids: list[int] = field(default_factory=list)
    section_ids: list[int] = field(default_factory=list)  # with every ancestor
    has_photo: bool = False


class SearchSource(Protocol):
    name: str

    def documents(self, ids: Iterable[int] | None = None) -> Iterator[SourceDocument]:
        """The documents for ``ids`` (all objects when None), in batches."""

    def count(self) -> int: ...

    def all_ids(self) -> Iterable[int]: ...


_sources: dict[str, SearchSource] = {}


def register(source: SearchSource) -> None:
    _sources[source.name] = source


def get_source(name: str) -> SearchSource:
    try:
        return _sources[name]
    except KeyError:
        raise LookupError(f"No search source named {name!r} is registered") from None


def sources() -> list[SearchSource]:
    return list(_sources.values())
