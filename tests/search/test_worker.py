"""The real job queue: publishing enqueues indexing in the database, and the
worker (`newszone db_worker`, started by `make run`) indexes the story."""

import pytest
from django.core.management import call_command

from newszone.articles.services import publish_article
from newszone.search.backends import get_backend
from newszone.search.query import SearchQuery, parse
from tests.factories import make_article

pytestmark = pytest.mark.django_db(transaction=True)


def test_worker_indexes_a_published_story(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    from django_tasks_db.models import DBTaskResult

    story = make_article(headline="Minesweeper returns to port", published=False)
    publish_article(story)
    assert DBTaskResult.objects.filter(status="READY").count() == 1
    query = SearchQuery(groups=parse("minesweeper"))
    assert get_backend().search(query).total == 0  # queued, not yet run
    call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)
    assert DBTaskResult.objects.get().status == "SUCCESSFUL"
    assert [h.object_id for h in get_backend().search(query).hits] == [story.pk]
