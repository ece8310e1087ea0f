"""What other apps call: enqueue indexing, flip visibility, search."""

from __future__ import annotations

from collections.abc import Iterable

from django.db import transaction

from newszone.search import documents
from newszone.search.backends import get_backend
from newszone.search.query import SearchQuery, SearchResults


def index_later(source: str, ids: Iterable[int]) -> None:
    """Queue (re)indexing for after the current transaction commits."""
    from newszone.search.tasks import index_objects

    ids = list(ids)
    transaction.on_commit(lambda: index_objects.enqueue(source, ids))


def hide_now(source: str, object_id: int) -> None:
    """Drop an object from public search inside the current transaction."""
    documents.set_public(source, object_id, False)


def remove_now(source: str, ids: Iterable[int]) -> None:
    documents.remove(source, ids)


def search(query: SearchQuery) -> SearchResults:
    return get_backend().search(query)
