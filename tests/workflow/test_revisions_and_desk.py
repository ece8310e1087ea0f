"""Nothing lost: revisions, diff, restore, stale saves, autosave, presence;
and the desk's home and corrections as readers see them."""

import json
import threading
from datetime import timedelta

import pytest
from django.db import connection
from django.utils import timezone, translation

from newszone.articles import services
from newszone.articles.models import Article, Revision, Status, WorkingCopy
from newszone.articles.revisions import diff, word_diff
from tests.factories import make_article, make_user
from tests.workflow.test_permission_matrix import change_form

pytestmark = pytest.mark.django_db


def change_url(article):
    return f"/desk/articles/article/{article.pk}/change/"


@pytest.fixture
def story():
    article = make_article(published=False, headline="First headline")
    services.record_revision(article, None)
    Article.objects.filter(pk=article.pk).update(version=1)
    article.refresh_from_db()
    return article


def login(client, role="editor"):
    user = make_user(role)
    client.force_login(user)
    return user


def test_every_desk_save_is_a_revision_with_all_fields(client, story):
    user = login(client)
    client.post(change_url(story), change_form(story, headline="Second headline"))
    latest = story.revisions.order_by("-number").first()
    assert latest.number == 2 and latest.author == user
    assert latest.data["headline"] == "Second headline"
    assert {"body", "deck", "section_id", "tags", "reporters", "photos"} <= set(
        latest.data
    )
    with pytest.raises(ValueError):
        latest.save()  # immutable


def test_word_diff_marks_changes_and_escapes():
    html = word_diff("North Korea talks", "South Korea <b>talks</b>")
    assert "<del>North</del>" in html and "<ins>South</ins>" in html
    assert "<b>" not in html and "&lt;b&gt;" in html
    with translation.override("en"):
        changes = dict(diff({"headline": "a", "body": "<p>x</p>"}, {"headline": "b"}))
    assert set(changes) == {"headline", "body"}


def test_revisions_page_shows_a_diff_and_restore_makes_a_new_revision(client, story):
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"  # the note is in the desk's language
    login(client)
    client.post(change_url(story), change_form(story, headline="Second headline"))
    page = client.get(f"/desk/articles/article/{story.pk}/revisions/?a=1&b=2")
    text = page.content.decode()
    assert page.status_code == 200
    assert "<del>First</del>" in text and "<ins>Second</ins>" in text
    response = client.post(f"/desk/articles/article/{story.pk}/revisions/1/restore/")
    assert response.status_code == 302
    story.refresh_from_db()
    assert story.headline == "First headline"
    assert story.revisions.count() == 3  # restoring is itself a revision
    assert "Restored revision 1" in story.revisions.first().note


def test_stale_save_is_refused_and_both_texts_survive(client, story):
    """Two editors open the same version; the second save is refused."""
    login(client)
    client.post(change_url(story), change_form(story, headline="Editor A's words"))
    second = login(client)  # B still has the form of the first version
    response = client.post(
        change_url(story), change_form(story, headline="Editor B's words")
    )
    text = response.content.decode()
    assert response.status_code == 200  # the form again, not a redirect
    assert "Editor B&#x27;s words" in text or "Editor B's words" in text
    assert 'name="base_version" value="2"' in text  # next save is deliberate
    story.refresh_from_db()
    assert story.headline == "Editor A's words"
    kept = WorkingCopy.objects.get(article=story, user=second)
    assert kept.refused and kept.data["headline"] == "Editor B's words"
    # B merges and saves again on purpose: now both texts are revisions.
    client.post(
        change_url(story),
        change_form(story, headline="Editor B's words", base_version=2),
    )
    headlines = [r.data["headline"] for r in story.revisions.all()]
    assert "Editor A's words" in headlines and "Editor B's words" in headlines


@pytest.mark.django_db(transaction=True)
def test_simultaneous_saves_from_one_base_let_exactly_one_through():
    article = make_article(published=False, headline="Base")
    Article.objects.filter(pk=article.pk).update(version=1)
    editors = [make_user("editor"), make_user("editor")]
    barrier, outcomes = threading.Barrier(2), []

    def save(user, words):
        try:
            copy = Article.objects.get(pk=article.pk)
            copy.headline = words
            barrier.wait()
            services.save_article(copy, user, base_version=1)
            outcomes.append("saved")
        except services.StaleEdit:
            outcomes.append("refused")
        except Exception as error:  # noqa: BLE001 - reported below
            outcomes.append(repr(error))
        finally:
            connection.close()

    threads = [
        threading.Thread(target=save, args=(user, f"Words of {user.username}"))
        for user in editors
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert sorted(outcomes) == ["refused", "saved"], outcomes
    assert Article.objects.get(pk=article.pk).version == 2


def test_autosave_keeps_work_and_resume_brings_it_back(client, story):
    user = login(client)
    url = f"/desk/articles/article/{story.pk}/autosave/"
    reply = client.post(
        url,
        {
            "headline": "Half-written headline",
            "body": "<p>draft</p>",
            "base_version": 1,
        },
    )
    assert reply.status_code == 200 and json.loads(reply.content)["kept_at"]
    kept = WorkingCopy.objects.get(article=story, user=user)
    assert kept.data["headline"] == "Half-written headline" and not kept.refused
    page = client.get(change_url(story)).content.decode()
    assert "?resume=1" in page
    resumed = client.get(change_url(story) + "?resume=1").content.decode()
    assert "Half-written headline" in resumed
    # Saving the story clears the working copy.
    client.post(change_url(story), change_form(story, headline="Final"))
    assert not WorkingCopy.objects.filter(article=story, user=user).exists()


def test_autosave_refuses_a_user_who_may_not_edit(client, story):
    Article.objects.filter(pk=story.pk).update(status=Status.REVIEW)
    login(client, "reporter")  # not theirs, and in review
    url = f"/desk/articles/article/{story.pk}/autosave/"
    client.post(url, {"headline": "Sneaky", "base_version": 1})
    assert not WorkingCopy.objects.exists()


def test_presence_shows_who_else_has_the_story_open(client, story):
    first = login(client)
    client.get(change_url(story))
    login(client)
    page = client.get(change_url(story)).content.decode()
    assert first.username in page
    reply = client.post(f"/desk/articles/article/{story.pk}/autosave/")
    assert first.username in json.loads(reply.content)["others"]


def test_dashboard_lists_the_desk_work(client):
    user = login(client, "editor")
    mine = make_article(published=False, headline="My own draft", created_by=user)
    waiting = make_article(published=False, headline="Waiting story")
    Article.objects.filter(pk=waiting.pk).update(status=Status.REVIEW)
    later = make_article(published=False, headline="Later story")
    when = timezone.now() + timedelta(hours=3)
    Article.objects.filter(pk=later.pk).update(status=Status.SCHEDULED, publish_at=when)
    page = client.get("/desk/").content.decode()
    for headline in (mine.headline, waiting.headline, later.headline):
        assert headline in page
    assert timezone.localtime(when).strftime("%Y-%m-%d %H:%M") in page


def test_correction_on_page_in_json_ld_and_on_the_corrections_page(client):
    chief = make_user("chief")
    story = make_article(headline="Corrected story", language="en")
    hidden = make_article(published=False, headline="Draft with a note")
    services.add_correction(story, chief, "An earlier version misspelt the name.")
    Article.objects.filter(pk=hidden.pk).update(
        status=Status.PUBLISHED, published_at=timezone.now()
    )
    services.add_correction(hidden, chief, "Note on a soon-hidden story.")
    Article.objects.filter(pk=hidden.pk).update(status=Status.UNPUBLISHED)

    page = client.get(story.get_absolute_url()).content.decode()
    assert "misspelt the name" in page
    data = json.loads(
        page.split('<script type="application/ld+json">')[1].split("</script>")[0]
    )
    assert data["correction"][0]["@type"] == "CorrectionComment"
    assert data["correction"][0]["text"].startswith("An earlier version")

    listing = client.get("/en/corrections/").content.decode()
    assert "misspelt the name" in listing and "soon-hidden" not in listing
    assert "misspelt" not in client.get("/ko/corrections/").content.decode()


def test_revision_rows_cannot_be_rewritten(story):
    revision = Revision.objects.get(article=story)
    revision.note = "tampered"
    with pytest.raises(ValueError):
        revision.save()
