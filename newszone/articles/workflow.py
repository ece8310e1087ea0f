"""Who may do what to an article, in which state. Checked on the server for
every way in (desk, API, commands) by ``articles/services.py``.

``RULES`` is the whole policy: for each action, the states it starts from,
the state it leads to, and the roles allowed. The permission-matrix tests
walk this table and the desk's buttons are drawn from it.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from newszone.accounts.roles import Role, roles_of
from newszone.articles.models import Article, Status

S = Status
ANY_STATE = frozenset(Status.values)
LIVE_OR_BEFORE = frozenset(Status.values) - {S.KILLED}


@dataclass(frozen=True)
class Rule:
    label: str
    roles: frozenset[str]
    from_states: frozenset[str]
    to_state: str | None = None  # None: the action does not change the state
    # Roles limited to their own stories, and there to these states.
    own_only_for: frozenset[str] = frozenset()
    own_states: frozenset[str] = frozenset({Status.DRAFT})


NEWSROOM = frozenset({Role.EDITOR, Role.CHIEF})
WRITERS = frozenset({Role.REPORTER, Role.EDITOR, Role.CHIEF})

RULES: dict[str, Rule] = {
    "create": Rule(gettext_lazy("Write a new story"), WRITERS, ANY_STATE),
    "edit": Rule(
        gettext_lazy("Edit"),
        WRITERS,
        LIVE_OR_BEFORE,
        own_only_for=frozenset({Role.REPORTER}),
    ),
    "submit": Rule(
        gettext_lazy("Submit for review"),
        WRITERS,
        frozenset({S.DRAFT}),
        S.REVIEW,
        own_only_for=frozenset({Role.REPORTER}),
    ),
    "send_back": Rule(
        gettext_lazy("Send back to the reporter"),
        NEWSROOM,
        frozenset({S.REVIEW, S.APPROVED}),
        S.DRAFT,
    ),
    "approve": Rule(
        gettext_lazy("Approve"), NEWSROOM, frozenset({S.REVIEW}), S.APPROVED
    ),
    "publish": Rule(
        gettext_lazy("Publish now"),
        NEWSROOM,
        frozenset({S.DRAFT, S.REVIEW, S.APPROVED, S.SCHEDULED, S.UNPUBLISHED}),
        S.PUBLISHED,
    ),
    "schedule": Rule(
        gettext_lazy("Schedule"),
        NEWSROOM,
        frozenset({S.DRAFT, S.REVIEW, S.APPROVED, S.SCHEDULED, S.UNPUBLISHED}),
        S.SCHEDULED,
    ),
    "unschedule": Rule(
        gettext_lazy("Take off the schedule"),
        NEWSROOM,
        frozenset({S.SCHEDULED}),
        S.APPROVED,
    ),
    "unpublish": Rule(
        gettext_lazy("Unpublish"), NEWSROOM, frozenset({S.PUBLISHED}), S.UNPUBLISHED
    ),
    "kill": Rule(
        gettext_lazy("Kill (withdraw for good)"),
        frozenset({Role.CHIEF}),
        frozenset({S.PUBLISHED, S.UNPUBLISHED, S.SCHEDULED}),
        S.KILLED,
    ),
    "correct": Rule(
        gettext_lazy("Add a correction or update"),
        frozenset({Role.CHIEF}),
        frozenset({S.PUBLISHED}),
    ),
    "delete": Rule(
        gettext_lazy("Delete (never-published drafts only)"),
        frozenset({Role.CHIEF}),
        frozenset({S.DRAFT}),
    ),
}
TRANSITIONS = [name for name, rule in RULES.items() if rule.to_state]


def is_own(user, article: Article) -> bool:
    if article.pk is None:
        return True
    if article.created_by_id is not None and article.created_by_id == user.pk:
        return True
    reporter = getattr(user, "reporter", None)
    return reporter is not None and any(
        link.reporter_id == reporter.pk for link in article.article_reporters.all()
    )


def refusal(user, action: str, article: Article | None) -> str | None:
    """Why ``user`` may not do ``action`` to ``article`` now; None if allowed.

    ``user`` None is the system (scheduler, importers): only the state counts.
    """
    rule = RULES[action]
    if article is not None and article.status not in rule.from_states:
        return _("“%(action)s” is not possible while the story is %(state)s.") % {
            "action": rule.label,
            "state": Status(article.status).label.lower(),
        }
    if action == "delete" and article is not None and article.published_at:
        return _("A story that was published is never deleted; kill it instead.")
    if user is None:
        return None
    roles = roles_of(user) & rule.roles
    if not roles:
        return _("Your role does not allow “%(action)s”.") % {"action": rule.label}
    if roles <= rule.own_only_for and article is not None:
        if not is_own(user, article):
            return _("You may only “%(action)s” your own stories.") % {
                "action": rule.label
            }
        if article.status not in rule.own_states:
            return _(
                "Only an editor or the editor-in-chief can “%(action)s” a story "
                "that is %(state)s."
            ) % {
                "action": rule.label,
                "state": Status(article.status).label.lower(),
            }
    return None


def can(user, action: str, article: Article | None = None) -> bool:
    return refusal(user, action, article) is None


def is_desk_writer(user) -> bool:
    """A reporter, editor or chief (a superuser holds every role): may see
    unpublished work in the desk, previews, the API and rendition URLs."""
    return can(user, "create")


def require(user, action: str, article: Article | None = None) -> Rule:
    """Raise PermissionDenied (role) or ValidationError (state) unless allowed."""
    reason = refusal(user, action, article)
    if reason is None:
        return RULES[action]
    if refusal(None, action, article) is not None:  # the state is the problem
        raise ValidationError(reason, code="state")
    raise PermissionDenied(reason)


def allowed_actions(user, article: Article) -> list[tuple[str, Rule]]:
    """The transitions ``user`` may apply to ``article`` now (the desk's buttons)."""
    return [(name, RULES[name]) for name in TRANSITIONS if can(user, name, article)]
