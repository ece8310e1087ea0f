"""Scheduled publishing under a controlled clock (time-machine): nothing goes
out before its time or embargo, everything due goes out at once after it, and
the real job queue wakes the scheduler at the go-live time."""

from datetime import datetime, timedelta
from io import StringIO
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.core.management import call_command

from newszone.articles import services
from newszone.articles.models import Article, Status
from newszone.articles.services import (
    publish_due,
    schedule_article,
    unschedule_article,
)
from newszone.audit.log import history
from newszone.audit.models import AuditEvent
from newszone.search.api import search
from newszone.search.query import SearchQuery, parse
from tests.factories import make_article, make_user

pytestmark = pytest.mark.django_db

KST = ZoneInfo("Asia/Seoul")
START = datetime(2030, 3, 4, 9, 0, tzinfo=KST)
PUBLISH_DUE_TASK = "newszone.articles.tasks.publish_due_task"


@pytest.fixture
def clock():
    """The clock stands still at START until the test moves it."""
    with time_machine.travel(START, tick=False) as traveller:
        yield traveller


@pytest.fixture
def editor():
    return make_user("editor")


def at(hours: float) -> datetime:
    return START + timedelta(hours=hours)


def draft(**fields) -> Article:
    return make_article(published=False, **fields)


def reload(article: Article) -> Article:
    return Article.objects.get(pk=article.pk)


def is_listed(article: Article) -> bool:
    return Article.objects.published().filter(pk=article.pk).exists()


# ---------------------------------------------------------------------------
# Before and after the publication time
# ---------------------------------------------------------------------------


def test_scheduled_story_is_not_public_before_its_time(client, clock, editor):
    story = schedule_article(draft(), editor, at(1))
    clock.move_to(at(1) - timedelta(seconds=1))

    assert publish_due() == []
    assert reload(story).status == Status.SCHEDULED
    assert not is_listed(story)
    assert client.get(story.get_absolute_url()).status_code == 404


def test_publish_due_after_the_time_publishes_at_the_scheduled_time(
    client, clock, editor
):
    story = schedule_article(draft(), editor, at(1))
    clock.move_to(at(1) + timedelta(minutes=1))

    assert publish_due() == [story.pk]
    story = reload(story)
    assert story.status == Status.PUBLISHED
    assert story.published_at == at(1)
    assert story.publish_at is None and story.embargo_until is None
    assert is_listed(story)
    assert client.get(story.get_absolute_url()).status_code == 200


def test_publish_due_is_done_once(clock, editor):
    story = schedule_article(draft(), editor, at(1))
    clock.move_to(at(2))
    assert publish_due() == [story.pk]
    assert publish_due() == []


def test_scheduler_publication_is_audited_as_the_system(clock, editor):
    story = schedule_article(draft(), editor, at(1))
    clock.move_to(at(2))
    publish_due()
    event = history(story).filter(action="publish").get()
    assert event.actor is None and event.actor_name == ""
    assert event.note == "scheduled"
    assert event.detail["from"] == Status.SCHEDULED
    assert event.detail["to"] == Status.PUBLISHED


# ---------------------------------------------------------------------------
# Embargo
# ---------------------------------------------------------------------------


def test_embargo_later_than_the_time_holds_the_story_back(client, clock, editor):
    story = schedule_article(draft(), editor, at(1), embargo_until=at(3))
    assert reload(story).goes_live_at == at(3)

    clock.move_to(at(2))  # past the publication time, inside the embargo
    assert publish_due() == []
    assert reload(story).status == Status.SCHEDULED
    assert not is_listed(story)
    assert client.get(story.get_absolute_url()).status_code == 404

    clock.move_to(at(3) + timedelta(seconds=1))
    assert publish_due() == [story.pk]
    story = reload(story)
    assert story.status == Status.PUBLISHED
    assert story.published_at == at(3)  # out when the embargo lifted
    assert client.get(story.get_absolute_url()).status_code == 200


def test_embargo_earlier_than_the_time_does_not_bring_it_forward(clock, editor):
    story = schedule_article(draft(), editor, at(2), embargo_until=at(1))
    clock.move_to(at(1.5))
    assert publish_due() == []
    clock.move_to(at(2))
    assert publish_due() == [story.pk]
    assert reload(story).published_at == at(2)


# ---------------------------------------------------------------------------
# Catch-up, rescheduling, unscheduling
# ---------------------------------------------------------------------------


def test_one_call_catches_up_with_everything_missed(clock, editor):
    first = schedule_article(draft(), editor, at(1))
    second = schedule_article(draft(), editor, at(2), embargo_until=at(2.5))
    third = schedule_article(draft(), editor, at(3))
    later = schedule_article(draft(), editor, at(30))

    clock.move_to(at(24))  # the scheduler was down all day
    assert sorted(publish_due()) == sorted([first.pk, second.pk, third.pk])

    assert reload(first).published_at == at(1)
    assert reload(second).published_at == at(2.5)
    assert reload(third).published_at == at(3)
    assert reload(later).status == Status.SCHEDULED
    assert not is_listed(later)


def test_a_story_that_cannot_go_out_does_not_hold_back_the_others(clock, editor):
    first = schedule_article(draft(), editor, at(1))
    broken = schedule_article(draft(), editor, at(1))
    last = schedule_article(draft(), editor, at(1))
    # Its headline emptied after scheduling, by a tool that bypasses the desk
    # form: publish_article refuses it. The others must still go out.
    Article.objects.filter(pk=broken.pk).update(headline="")

    clock.move_to(at(2))
    assert sorted(publish_due()) == sorted([first.pk, last.pk])
    assert reload(first).status == reload(last).status == Status.PUBLISHED
    # The broken one goes back to the desk (approved), with the reason in its
    # history, instead of failing again every few seconds.
    assert reload(broken).status == Status.APPROVED
    event = AuditEvent.objects.get(action="schedule_failed", object_id=str(broken.pk))
    assert "headline" in event.note


def test_publish_now_does_not_break_an_embargo(clock, editor):
    story = schedule_article(draft(), editor, at(1), embargo_until=at(5))
    with pytest.raises(ValidationError):
        services.publish_article(story, editor)
    assert reload(story).status == Status.SCHEDULED
    story = services.unschedule_article(story, editor, note="embargo lifted")
    services.publish_article(story, editor)
    assert reload(story).status == Status.PUBLISHED


def test_rescheduling_later_moves_the_time(clock, editor):
    story = schedule_article(draft(), editor, at(1))
    story = schedule_article(story, editor, at(3))

    clock.move_to(at(2))
    assert publish_due() == []
    clock.move_to(at(3))
    assert publish_due() == [story.pk]
    assert reload(story).published_at == at(3)


def test_rescheduling_earlier_moves_the_time(clock, editor):
    story = schedule_article(draft(), editor, at(3))
    story = schedule_article(story, editor, at(1))

    clock.move_to(at(1))
    assert publish_due() == [story.pk]
    assert reload(story).published_at == at(1)


def test_rescheduling_can_drop_the_embargo(clock, editor):
    story = schedule_article(draft(), editor, at(1), embargo_until=at(5))
    story = schedule_article(story, editor, at(1))
    assert reload(story).embargo_until is None

    clock.move_to(at(1))
    assert publish_due() == [story.pk]


def test_unscheduled_story_stays_unpublished(client, clock, editor):
    story = schedule_article(draft(), editor, at(1), embargo_until=at(2))
    story = unschedule_article(story, editor)
    stored = reload(story)
    assert stored.status == Status.APPROVED
    assert stored.publish_at is None and stored.embargo_until is None

    clock.move_to(at(48))
    assert publish_due() == []
    assert reload(story).status == Status.APPROVED
    assert client.get(story.get_absolute_url()).status_code == 404


# ---------------------------------------------------------------------------
# The publish_scheduled command
# ---------------------------------------------------------------------------


def test_publish_scheduled_command_publishes_due_stories_and_counts(clock, editor):
    due = [schedule_article(draft(), editor, at(h)) for h in (1, 2)]
    not_yet = schedule_article(draft(), editor, at(10))
    clock.move_to(at(5))

    out = StringIO()
    call_command("publish_scheduled", stdout=out)

    assert out.getvalue().strip() == "Published 2 scheduled stories."
    assert all(reload(s).status == Status.PUBLISHED for s in due)
    assert reload(not_yet).status == Status.SCHEDULED


def test_publish_scheduled_command_says_when_nothing_is_due(clock, editor):
    story = schedule_article(draft(), editor, at(1))
    out = StringIO()
    call_command("publish_scheduled", stdout=out)
    assert out.getvalue().strip() == "Published 0 scheduled stories."
    assert reload(story).status == Status.SCHEDULED


# ---------------------------------------------------------------------------
# What schedule_article refuses
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("case", "publish_at", "embargo_until"),
    [
        ("past time", START - timedelta(minutes=1), None),
        ("this very moment", START, None),
        ("naive time", datetime(2030, 3, 5, 9, 0), None),
        ("naive embargo", at(1), datetime(2030, 3, 5, 9, 0)),
        ("no time", None, None),
    ],
)
def test_schedule_refuses_a_bad_time(clock, editor, case, publish_at, embargo_until):
    story = draft()
    with pytest.raises(ValidationError):
        schedule_article(story, editor, publish_at, embargo_until=embargo_until)
    stored = reload(story)
    assert stored.status == Status.DRAFT
    assert stored.publish_at is None and stored.embargo_until is None


@pytest.mark.parametrize("headline", ["", "   "])
def test_schedule_refuses_a_blank_headline(clock, editor, headline):
    story = draft(headline=headline)
    with pytest.raises(ValidationError):
        schedule_article(story, editor, at(1))
    assert reload(story).status == Status.DRAFT


# ---------------------------------------------------------------------------
# Search
# ---------------------------------------------------------------------------


def found(word: str, *, public_only: bool = True) -> list[int]:
    query = SearchQuery(groups=parse(word), public_only=public_only)
    return [hit.object_id for hit in search(query).hits]


def test_search_hides_a_scheduled_story_until_it_is_published(
    clock, editor, django_capture_on_commit_callbacks
):
    story = draft(headline="Zephyrine frigate launch", body="<p>Zephyrine.</p>")
    with django_capture_on_commit_callbacks(execute=True):
        schedule_article(story, editor, at(1), embargo_until=at(2))

    assert found("zephyrine", public_only=False) == [story.pk]  # indexed...
    assert found("zephyrine") == []  # ...but not for the public

    clock.move_to(at(1.5))  # time passed, embargo not
    with django_capture_on_commit_callbacks(execute=True):
        assert publish_due() == []
    assert found("zephyrine") == []

    clock.move_to(at(2))
    with django_capture_on_commit_callbacks(execute=True):
        assert publish_due() == [story.pk]
    assert found("zephyrine") == [story.pk]


# ---------------------------------------------------------------------------
# The real job queue (django_tasks_db)
# ---------------------------------------------------------------------------


@pytest.fixture
def db_queue(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    from django_tasks_db.models import DBTaskResult

    return DBTaskResult


def run_worker():
    call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize(
    ("embargo", "wakes_at"), [(None, 1), (3, 3)], ids=["time", "embargo"]
)
def test_scheduling_enqueues_the_scheduler_for_the_go_live_time(
    db_queue, clock, editor, embargo, wakes_at
):
    story = draft()
    schedule_article(
        story, editor, at(1), embargo_until=at(embargo) if embargo else None
    )
    wake = db_queue.objects.get(task_path=PUBLISH_DUE_TASK)
    assert wake.status == "READY"
    assert wake.run_after == at(wakes_at)


@pytest.mark.django_db(transaction=True)
def test_worker_leaves_the_story_alone_before_its_time(db_queue, clock, editor):
    story = schedule_article(draft(), editor, at(1))
    clock.move_to(at(0.5))
    run_worker()
    assert reload(story).status == Status.SCHEDULED
    assert db_queue.objects.get(task_path=PUBLISH_DUE_TASK).status == "READY"


@pytest.mark.django_db(transaction=True)
def test_worker_publishes_the_story_once_its_time_has_come(db_queue, clock, editor):
    story = draft(headline="Quillonbeck harbour reopens")
    schedule_article(story, editor, at(1))
    clock.move_to(at(1) + timedelta(seconds=5))

    run_worker()

    story = reload(story)
    assert story.status == Status.PUBLISHED
    assert story.published_at == at(1)
    wake = db_queue.objects.get(task_path=PUBLISH_DUE_TASK)
    assert wake.status == "SUCCESSFUL"
    assert wake.return_value == [story.pk]
    assert found("quillonbeck") == [story.pk]  # indexed by the same worker run
