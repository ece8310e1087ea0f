"""Indexing jobs, run by the job worker (``newszone db_worker``)."""

from django_tasks import task

from newszone.search import documents


@task()
def index_objects(source: str, ids: list[int]) -> int:
    return documents.index_objects(source, ids)
