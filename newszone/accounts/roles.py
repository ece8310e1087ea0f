"""Desk roles: Django groups with fixed names, created by a migration.

A user's rights are the union of their roles; a superuser holds them all.
What each role may do to an article is decided in ``articles/workflow.py``;
the model permissions below only open the desk's screens to the role.
"""

from __future__ import annotations

from django.db.models import TextChoices
from django.utils.translation import gettext_lazy as _


class Role(TextChoices):
    REPORTER = "reporter", _("Reporter")
    EDITOR = "editor", _("Editor")
    CHIEF = "chief", _("Editor-in-chief")
    ADMIN = "admin", _("Administrator")


_WRITE = ["add", "change", "view"]
_NEWSROOM = {
    "articles.article": _WRITE,
    "articles.articlereporter": [*_WRITE, "delete"],
    "articles.articlephoto": [*_WRITE, "delete"],
    "photos.photo": _WRITE,
    "taxonomy.tag": ["add", "view"],
    "taxonomy.section": ["view"],
    "accounts.reporter": ["view"],
}
ROLE_PERMISSIONS: dict[str, dict[str, list[str]]] = {
    Role.REPORTER: _NEWSROOM,
    Role.EDITOR: {**_NEWSROOM, "taxonomy.tag": _WRITE},
    Role.CHIEF: {**_NEWSROOM, "taxonomy.tag": [*_WRITE, "delete"]},
    Role.ADMIN: {
        "accounts.user": [*_WRITE, "delete"],
        "accounts.reporter": [*_WRITE, "delete"],
        "accounts.apitoken": ["view", "change"],
        "auth.group": ["view"],
        "taxonomy.section": [*_WRITE, "delete"],
        "taxonomy.tag": [*_WRITE, "delete"],
        "publication.publication": ["change", "view"],
        "audit.auditevent": ["view"],
        "articles.article": ["view"],
    },
}


def roles_of(user) -> set[str]:
    """The role names ``user`` holds (every role for a superuser)."""
    if user is None or not getattr(user, "is_authenticated", False):
        return set()
    if not user.is_active:
        return set()
    if user.is_superuser:
        return set(Role.values)
    cached = getattr(user, "_newszone_roles", None)
    if cached is None:
        names = user.groups.filter(name__in=Role.values).values_list("name", flat=True)
        cached = user._newszone_roles = set(names)
    return cached


def has_role(user, *roles: str) -> bool:
    return bool(roles_of(user) & set(roles))


def sync_role_permissions(apps=None, **kwargs) -> None:
    """Create the role groups and give each its model permissions (idempotent).

    Run after every ``migrate`` (post_migrate), so models added later get
    their permissions without a hand-written migration each time.
    """
    if apps is None:
        from django.apps import apps
    try:
        Group = apps.get_model("auth", "Group")
        Permission = apps.get_model("auth", "Permission")
    except LookupError:
        return
    for role, table in ROLE_PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=role)
        wanted = []
        for label, verbs in table.items():
            app_label, model = label.split(".")
            codenames = [f"{verb}_{model}" for verb in verbs]
            wanted += Permission.objects.filter(
                content_type__app_label=app_label, codename__in=codenames
            )
        group.permissions.set(wanted)
