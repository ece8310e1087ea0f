"""The desk's command-line tools (adduser, token) and the audit log: who
signed in or failed to, role changes, every workflow transition; the log is
read-only and for administrators only."""

import hashlib
import re
from io import StringIO

import pytest
from django.apps import apps
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied
from django.core.management import CommandError, call_command

from newszone.accounts.models import ApiToken, User
from newszone.accounts.roles import Role
from newszone.accounts.tokens import user_for_key
from newszone.articles.models import Article, Status
from newszone.articles.services import (
    approve_article,
    kill_article,
    publish_article,
    send_back_article,
    submit_article,
    unpublish_article,
)
from newszone.audit.log import history, record
from newszone.audit.models import AuditEvent
from tests.factories import make_article, make_user

pytestmark = pytest.mark.django_db

PASSWORD = "pw-for-tests-only"  # the factories' password
PASSWORD_LINE = re.compile(r"password \(shown once, write it down\): (\S+)")
KEY = re.compile(r"^nz_([0-9a-f]{8})_[A-Za-z0-9_-]{40,}$")


def run(command, *args, **options) -> tuple[str, str]:
    out, err = StringIO(), StringIO()
    call_command(command, *args, stdout=out, stderr=err, **options)
    return out.getvalue(), err.getvalue()


def database_text() -> str:
    """Every row of every table, as text (small test databases only)."""
    rows = []
    for model in apps.get_models(include_auto_created=True):
        if model._meta.managed and not model._meta.proxy:
            rows += [repr(row) for row in model._base_manager.values_list()]
    return "\n".join(rows)


# ---------------------------------------------------------------------------
# adduser
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("role", Role.values)
def test_adduser_creates_a_desk_user_holding_the_role(role):
    out, _ = run("adduser", f"new-{role}", role=role, email=f"{role}@example.org")
    user = User.objects.get(username=f"new-{role}")
    assert user.is_staff and user.is_active and not user.is_superuser
    assert user.email == f"{role}@example.org"
    assert list(user.groups.values_list("name", flat=True)) == [role]
    assert f"role {role}" in out


def test_adduser_prints_a_working_password_once(client):
    out, _ = run("adduser", "hana", role="editor")
    (password,) = PASSWORD_LINE.findall(out)
    assert len(password) >= 16
    assert out.count(password) == 1
    assert client.login(username="hana", password=password)


def test_adduser_keeps_the_password_only_hashed():
    out, _ = run("adduser", "hana", role="reporter")
    (password,) = PASSWORD_LINE.findall(out)
    assert password not in database_text()
    assert User.objects.get(username="hana").check_password(password)


def test_adduser_is_audited():
    run("adduser", "hana", role="chief")
    user = User.objects.get(username="hana")
    assert set(history(user).values_list("action", flat=True)) == {
        "user_created",
        "roles_changed",
    }
    roles = history(user).get(action="roles_changed").detail["roles"]
    assert roles == ["chief"]


@pytest.mark.parametrize("name", ["taken", "TAKEN"])
def test_adduser_refuses_a_name_already_taken(name):
    make_user("reporter", username="taken")
    with pytest.raises(CommandError, match="already exists"):
        run("adduser", name, role="editor")
    assert User.objects.filter(username__iexact="taken").count() == 1


@pytest.mark.parametrize("email", ["not-an-email", "a@", "two@@example.org"])
def test_adduser_refuses_a_bad_email(email):
    with pytest.raises(CommandError):
        run("adduser", "hana", role="editor", email=email)
    assert not User.objects.filter(username="hana").exists()


@pytest.mark.parametrize(
    "args",
    [("hana", "--role", "boss"), ("hana", "--role=superuser"), ("hana",)],
    ids=["unknown role", "unknown role inline", "no role"],
)
def test_adduser_refuses_an_unknown_or_missing_role(args):
    with pytest.raises(CommandError, match="role"):
        run("adduser", *args)
    assert not User.objects.filter(username="hana").exists()


def test_adduser_refuses_an_unknown_role_given_as_option():
    with pytest.raises(CommandError, match="invalid choice"):
        run("adduser", "hana", role="boss")
    assert not User.objects.filter(username="hana").exists()


@pytest.mark.parametrize("name", ["", "   ", "has space", "x" * 151])
def test_adduser_refuses_a_bad_name(name):
    with pytest.raises(CommandError):
        run("adduser", name, role="editor")
    assert User.objects.filter(is_staff=True).count() == 0


# ---------------------------------------------------------------------------
# token
# ---------------------------------------------------------------------------


@pytest.fixture
def desk_user():
    return make_user("editor", username="api-user")


def issue(username="api-user") -> str:
    out, _ = run("token", username)
    return out.strip()


def test_token_prints_a_key_in_the_documented_form(desk_user):
    key = issue()
    assert key.startswith("nz_")
    match = KEY.match(key)
    assert match, key
    assert ApiToken.objects.get(user=desk_user).prefix == match.group(1)


def test_token_stores_only_the_sha256_of_the_key(desk_user):
    key = issue()
    token = ApiToken.objects.get(user=desk_user)
    assert token.key_hash == hashlib.sha256(key.encode()).hexdigest()
    secret = key.split("_", 2)[2]  # nz_<hex prefix>_<secret, may hold "_">
    text = database_text()
    assert key not in text and secret not in text


def test_token_key_finds_its_user(desk_user):
    key = issue()
    assert user_for_key(key) == desk_user
    assert user_for_key(key + "x") is None
    assert ApiToken.objects.get(user=desk_user).last_used_at is not None


def test_token_revoke_by_prefix_revokes_that_token_only(desk_user):
    first, second = issue(), issue()
    prefix = KEY.match(first).group(1)
    out, _ = run("token", "api-user", "--revoke", prefix)
    assert "Revoked 1 token" in out
    assert user_for_key(first) is None
    assert user_for_key(second) == desk_user


def test_token_revoke_all_revokes_every_token(desk_user):
    keys = [issue(), issue()]
    out, _ = run("token", "api-user", "--revoke", "all")
    assert "Revoked 2 token" in out
    assert [user_for_key(key) for key in keys] == [None, None]
    assert not ApiToken.objects.filter(revoked_at__isnull=True).exists()


def test_token_revoke_of_an_unknown_prefix_is_an_error(desk_user):
    key = issue()
    with pytest.raises(CommandError):
        run("token", "api-user", "--revoke", "00000000")
    assert user_for_key(key) == desk_user


def test_token_for_an_unknown_user_is_an_error():
    with pytest.raises(CommandError, match="No desk user"):
        run("token", "nobody")
    assert not ApiToken.objects.exists()


def test_token_for_a_deactivated_user_is_refused(desk_user):
    desk_user.is_active = False
    desk_user.save()
    with pytest.raises(CommandError):
        run("token", "api-user")
    assert not ApiToken.objects.exists()


def test_key_of_a_deactivated_user_stops_working(desk_user):
    key = issue()
    User.objects.filter(pk=desk_user.pk).update(is_active=False)
    assert user_for_key(key) is None


# ---------------------------------------------------------------------------
# Audit: sign-in, sign-out, roles
# ---------------------------------------------------------------------------


def desk_login(client, username, password):
    return client.post(
        "/desk/login/",
        {"username": username, "password": password, "next": "/desk/"},
    )


def test_desk_login_is_audited_with_the_user(client):
    user = make_user("editor")
    response = desk_login(client, user.username, PASSWORD)
    assert response.status_code == 302
    event = AuditEvent.objects.get(action="login")
    assert event.actor == user
    assert event.actor_name == user.username
    assert event.ip == "127.0.0.1"


def test_desk_logout_is_audited(client):
    user = make_user("editor")
    desk_login(client, user.username, PASSWORD)
    client.post("/desk/logout/")
    assert AuditEvent.objects.get(action="logout").actor == user


def test_failed_login_is_audited_with_the_name_but_never_the_password(client):
    user = make_user("editor")
    tried = "Wr0ng-but-Secret-9731"
    response = desk_login(client, user.username, tried)
    assert response.status_code == 200  # the form again
    event = AuditEvent.objects.get(action="login_failed")
    assert event.note == user.username
    assert event.actor is None
    row = AuditEvent.objects.filter(pk=event.pk).values().get()
    assert tried not in repr(row)
    assert not AuditEvent.objects.filter(action="login").exists()


def test_adding_a_role_is_audited():
    user = make_user(None)
    user.groups.add(Group.objects.get(name="editor"))
    event = history(user).filter(action="roles_changed").latest("pk")
    assert event.detail["roles"] == ["editor"]


def test_removing_a_role_is_audited():
    user = make_user("chief")
    user.groups.remove(Group.objects.get(name="chief"))
    event = history(user).filter(action="roles_changed").latest("pk")
    assert event.detail["roles"] == []


def test_adding_a_user_to_a_role_from_the_group_side_is_audited():
    user = make_user(None)
    Group.objects.get(name="admin").user_set.add(user)
    events = history(user).filter(action="roles_changed")
    assert [e.detail["roles"] for e in events] == [["admin"]]


# ---------------------------------------------------------------------------
# Audit: workflow transitions
# ---------------------------------------------------------------------------

S = Status
TRANSITIONS = [
    ("submit", submit_article, "editor", S.DRAFT, S.REVIEW),
    ("send_back", send_back_article, "editor", S.REVIEW, S.DRAFT),
    ("approve", approve_article, "editor", S.REVIEW, S.APPROVED),
    ("publish", publish_article, "editor", S.APPROVED, S.PUBLISHED),
    ("unpublish", unpublish_article, "editor", S.PUBLISHED, S.UNPUBLISHED),
    ("kill", kill_article, "chief", S.PUBLISHED, S.KILLED),
]


@pytest.mark.parametrize(
    ("action", "service", "role", "start", "end"),
    TRANSITIONS,
    ids=[t[0] for t in TRANSITIONS],
)
def test_each_transition_is_audited_with_actor_and_states(
    action, service, role, start, end
):
    story = make_article(published=True)
    Article.objects.filter(pk=story.pk).update(status=start)
    actor = make_user(role)

    service(Article.objects.get(pk=story.pk), actor, note="checked")

    event = history(story).get()
    assert event.action == action
    assert event.actor == actor and event.actor_name == actor.username
    assert event.detail["from"] == start and event.detail["to"] == end
    assert event.note == "checked"
    assert event.object_repr == story.headline


def test_a_refused_transition_leaves_no_event():
    story = make_article(published=True)
    with pytest.raises(PermissionDenied):
        kill_article(story, make_user("editor"))  # only the chief may kill
    assert not history(story).exists()
    assert Article.objects.get(pk=story.pk).status == Status.PUBLISHED


# ---------------------------------------------------------------------------
# Audit: who may read it, and it cannot be changed
# ---------------------------------------------------------------------------

AUDIT_PAGE = "/desk/audit/auditevent/"


def test_audit_log_page_is_open_to_administrators(client):
    record("token_issued", note="for the page")
    client.force_login(make_user("admin"))
    response = client.get(AUDIT_PAGE)
    assert response.status_code == 200
    assert "token_issued" in response.content.decode()


@pytest.mark.parametrize("role", ["reporter", "editor", "chief"])
def test_audit_log_page_is_closed_to_the_newsroom(client, role):
    client.force_login(make_user(role))
    assert client.get(AUDIT_PAGE).status_code == 403


def test_audit_log_page_sends_strangers_to_the_login(client):
    response = client.get(AUDIT_PAGE)
    assert response.status_code == 302
    assert response["Location"].startswith("/desk/login/")


def test_audit_event_cannot_be_changed():
    event = record("publish", note="original")
    event.note = "rewritten"
    with pytest.raises(ValueError):
        event.save()
    assert AuditEvent.objects.get(pk=event.pk).note == "original"


def test_audit_event_cannot_be_deleted():
    event = record("publish", note="original")
    with pytest.raises(ValueError):
        event.delete()
    assert AuditEvent.objects.filter(pk=event.pk).exists()
