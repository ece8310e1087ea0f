"""Search engines behind one interface, chosen from the database in use.

``NEWSZONE_SEARCH_BACKEND`` may name a backend class by dotted path; by
default the engine follows the database vendor (like Wagtail's
``search/backends/database/__init__.py``).
"""

from functools import lru_cache

from django.conf import settings
from django.db import connections
from django.utils.module_loading import import_string

from newszone.search.backends.base import BaseSearchBackend

BY_VENDOR = {
    "sqlite": "newszone.search.backends.sqlite.SQLiteSearchBackend",
    "postgresql": "newszone.search.backends.postgres.PostgresSearchBackend",
}


@lru_cache
def _backend(path: str, alias: str) -> BaseSearchBackend:
    return import_string(path)(alias)


def get_backend(alias: str = "default") -> BaseSearchBackend:
    path = getattr(settings, "NEWSZONE_SEARCH_BACKEND", "") or BY_VENDOR.get(
        connections[alias].vendor
    )
    if path is None:
        raise NotImplementedError(
            f"No search engine for the {connections[alias].vendor} database; "
            "set NEWSZONE_SEARCH_BACKEND."
        )
    return _backend(path, alias)
