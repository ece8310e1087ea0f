"""Jobs of the desk, run by the job worker (``newszone db_worker``)."""

from django_tasks import task


@task()
def publish_due_task() -> list[int]:
    from newszone.articles.services import publish_due

    return publish_due()
