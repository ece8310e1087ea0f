"""Every role × every action, through the service layer and through the desk.

The expected matrix is written out here by hand (not derived from
``workflow.RULES``), so a change of policy has to change this table too.
"""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from newszone.articles import services
from newszone.articles.models import Article, Correction, Status
from tests.factories import make_article, make_section, make_user

pytestmark = pytest.mark.django_db

ROLES = ["reporter", "editor", "chief", "admin", None]
ALLOWED = {
    "create": {"reporter", "editor", "chief"},
    "edit": {"reporter", "editor", "chief"},  # reporter: own drafts only
    "submit": {"reporter", "editor", "chief"},  # reporter: own drafts only
    "send_back": {"editor", "chief"},
    "approve": {"editor", "chief"},
    "publish": {"editor", "chief"},
    "schedule": {"editor", "chief"},
    "unschedule": {"editor", "chief"},
    "unpublish": {"editor", "chief"},
    "kill": {"chief"},
    "correct": {"chief"},
    "restore": {"reporter", "editor", "chief"},  # as edit
    "delete": {"chief"},  # never-published drafts only
}
START = {  # the state each action is tried from
    "edit": Status.DRAFT,
    "submit": Status.DRAFT,
    "send_back": Status.REVIEW,
    "approve": Status.REVIEW,
    "publish": Status.APPROVED,
    "schedule": Status.APPROVED,
    "unschedule": Status.SCHEDULED,
    "unpublish": Status.PUBLISHED,
    "kill": Status.PUBLISHED,
    "correct": Status.PUBLISHED,
    "restore": Status.DRAFT,
    "delete": Status.DRAFT,
}
AFTER = {
    "submit": Status.REVIEW,
    "send_back": Status.DRAFT,
    "approve": Status.APPROVED,
    "publish": Status.PUBLISHED,
    "schedule": Status.SCHEDULED,
    "unschedule": Status.APPROVED,
    "unpublish": Status.UNPUBLISHED,
    "kill": Status.KILLED,
}
LATER = timedelta(hours=2)


def story_in(state, owner):
    """A story of ``owner`` in ``state``, with two revisions (for restore)."""
    article = make_article(published=False, headline="Matrix story", created_by=owner)
    services.record_revision(article, None)
    Article.objects.filter(pk=article.pk).update(headline="Matrix story, edited")
    article.refresh_from_db()
    services.record_revision(article, None)
    fields = {"status": state}
    if state in (Status.PUBLISHED, Status.SCHEDULED):
        fields["published_at" if state == Status.PUBLISHED else "publish_at"] = (
            timezone.now() - LATER
            if state == Status.PUBLISHED
            else timezone.now() + LATER
        )
    Article.objects.filter(pk=article.pk).update(**fields)
    article.refresh_from_db()
    return article


def run_service(action, article, user):
    if action == "create":
        blank = Article(section=make_section(), headline="New", language="en")
        return services.save_article(blank, user, None)
    if action == "edit":
        article.headline = "Changed by the desk"
        return services.save_article(article, user, article.version)
    if action == "schedule":
        return services.schedule_article(article, user, timezone.now() + LATER)
    if action == "correct":
        return services.add_correction(article, user, "The date was wrong.")
    if action == "restore":
        first = article.revisions.get(number=1)
        return services.restore_revision(article, first, user)
    if action == "delete":
        return services.delete_articles([article], user)
    verb = {
        "submit": services.submit_article,
        "send_back": services.send_back_article,
        "approve": services.approve_article,
        "publish": services.publish_article,
        "unschedule": services.unschedule_article,
        "unpublish": services.unpublish_article,
        "kill": services.kill_article,
    }[action]
    return verb(article, user)


def outcome_happened(action, article_pk) -> bool:
    article = Article.objects.filter(pk=article_pk).first()
    if action == "create":
        return Article.objects.filter(headline="New").exists()
    if action == "delete":
        return article is None
    if action == "edit":
        return article.headline == "Changed by the desk"
    if action == "restore":
        return article.headline == "Matrix story"
    if action == "correct":
        return Correction.objects.filter(article_id=article_pk).exists()
    return article.status == AFTER[action]


@pytest.mark.parametrize("role", ROLES, ids=lambda r: r or "no-role")
@pytest.mark.parametrize("action", list(ALLOWED))
def test_service_layer(action, role):
    user = make_user(role)
    article = story_in(START.get(action, Status.DRAFT), owner=user)
    if role in ALLOWED[action]:
        run_service(action, article, user)
        assert outcome_happened(action, article.pk)
    else:
        with pytest.raises(PermissionDenied):
            run_service(action, article, user)
        assert not outcome_happened(action, article.pk)


@pytest.mark.parametrize("action", ["edit", "submit", "restore"])
def test_reporter_only_touches_own_drafts(action):
    reporter, other = make_user("reporter"), make_user("reporter")
    theirs = story_in(Status.DRAFT, owner=other)
    with pytest.raises(PermissionDenied):
        run_service(action, theirs, reporter)
    mine_in_review = story_in(Status.REVIEW, owner=reporter)
    with pytest.raises((PermissionDenied,)):
        run_service("edit", mine_in_review, reporter)


def test_reporter_in_the_byline_counts_as_owner():
    from newszone.articles.models import ArticleReporter
    from tests.factories import make_reporter

    user = make_user("reporter")
    reporter = make_reporter(user=user)
    article = story_in(Status.DRAFT, owner=None)
    ArticleReporter.objects.create(article=article, reporter=reporter)
    services.submit_article(article, user)
    assert Article.objects.get(pk=article.pk).status == Status.REVIEW


def test_wrong_state_is_a_validation_error_not_a_permission_error():
    from django.core.exceptions import ValidationError

    chief = make_user("chief")
    draft = story_in(Status.DRAFT, owner=chief)
    with pytest.raises(ValidationError):
        services.kill_article(draft, chief)  # nothing to kill yet
    published = story_in(Status.PUBLISHED, owner=chief)
    with pytest.raises(ValidationError):
        services.delete_articles([published], chief)  # kill it instead


def test_killed_story_cannot_come_back():
    from django.core.exceptions import ValidationError

    chief = make_user("chief")
    article = story_in(Status.PUBLISHED, owner=chief)
    services.kill_article(article, chief)
    for verb in (services.publish_article, services.submit_article):
        with pytest.raises(ValidationError):
            verb(article, chief)
    with pytest.raises(ValidationError):
        services.save_article(article, chief, article.version)


# -- the same matrix through the desk's HTTP interface ------------------------

DESK_ACTIONS = ["submit", "send_back", "approve", "publish", "schedule"] + [
    "unschedule",
    "unpublish",
    "kill",
]


def change_form(article, **extra):
    data = {
        "base_version": article.version,
        "language": article.language,
        "section": article.section_id,
        "article_type": article.article_type,
        "headline": article.headline,
        "alternate_headline": "",
        "deck": "",
        "body": article.body,
        "copyright_line": "",
        "article_reporters-TOTAL_FORMS": "0",
        "article_reporters-INITIAL_FORMS": "0",
        "article_photos-TOTAL_FORMS": "0",
        "article_photos-INITIAL_FORMS": "0",
    }
    data.update(extra)
    return data


def desk_client(client, role):
    user = make_user(role)
    client.force_login(user)
    return user


@pytest.mark.parametrize("role", ROLES, ids=lambda r: r or "no-role")
@pytest.mark.parametrize("action", DESK_ACTIONS)
def test_desk_transitions(client, action, role):
    user = desk_client(client, role)
    article = story_in(START[action], owner=user)
    extra = {"_action": action}
    if action == "schedule":
        when = timezone.localtime(timezone.now() + LATER)
        extra["publish_at_input"] = when.strftime("%Y-%m-%dT%H:%M")
    url = f"/desk/articles/article/{article.pk}/change/"
    response = client.post(url, change_form(article, **extra))
    assert response.status_code in (302, 403)
    if role in ALLOWED[action]:
        assert outcome_happened(action, article.pk), response
    else:
        assert not outcome_happened(action, article.pk)


@pytest.mark.parametrize("role", ROLES, ids=lambda r: r or "no-role")
def test_desk_edit_create_delete_correct(client, role):
    user = desk_client(client, role)
    add = client.get("/desk/articles/article/add/")
    assert (add.status_code == 200) == (role in ALLOWED["create"])

    draft = story_in(Status.DRAFT, owner=user)
    url = f"/desk/articles/article/{draft.pk}/change/"
    client.post(url, change_form(draft, headline="Changed by the desk"))
    assert outcome_happened("edit", draft.pk) == (role in ALLOWED["edit"])

    published = story_in(Status.PUBLISHED, owner=user)
    client.post(
        f"/desk/articles/article/{published.pk}/correct/",
        {"kind": "correction", "text": "The date was wrong."},
    )
    assert outcome_happened("correct", published.pk) == (role in ALLOWED["correct"])

    doomed = story_in(Status.DRAFT, owner=user)
    client.post(f"/desk/articles/article/{doomed.pk}/delete/", {"post": "yes"})
    assert outcome_happened("delete", doomed.pk) == (role in ALLOWED["delete"])


@pytest.mark.parametrize("role", ROLES, ids=lambda r: r or "no-role")
def test_people_and_sections_are_for_administrators(client, role):
    desk_client(client, role)
    for url in ("/desk/accounts/user/", "/desk/taxonomy/section/add/"):
        assert (client.get(url).status_code == 200) == (role == "admin"), url


def test_an_administrator_cannot_make_anyone_superuser(client):
    admin_user = desk_client(client, "admin")
    target = make_user("reporter")
    page = client.get(f"/desk/accounts/user/{target.pk}/change/").content.decode()
    assert 'name="is_superuser"' not in page  # shown read-only
    client.post(
        f"/desk/accounts/user/{target.pk}/change/",
        {"username": target.username, "is_superuser": "on", "is_active": "on"},
    )
    target.refresh_from_db()
    admin_user.refresh_from_db()
    assert not target.is_superuser and not admin_user.is_superuser
