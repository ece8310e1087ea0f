"""Logins, user and role changes go to the audit log wherever they happen."""

from django.contrib.auth import get_user_model
from django.contrib.auth.signals import (
    user_logged_in,
    user_logged_out,
    user_login_failed,
)
from django.db.models.signals import m2m_changed, post_save
from django.dispatch import receiver

from newszone.audit.log import record

User = get_user_model()
WATCHED_USER_FIELDS = ("username", "email", "is_active", "is_staff", "is_superuser")


@receiver(user_logged_in)
def on_login(sender, request, user, **kwargs):
    record("login", user, user, request=request)


@receiver(user_logged_out)
def on_logout(sender, request, user, **kwargs):
    if user is not None:
        record("logout", user, user, request=request)


@receiver(user_login_failed)
def on_login_failed(sender, credentials, request=None, **kwargs):
    # The user name tried, never the password.
    username = str(credentials.get("username", ""))[:150]
    record("login_failed", note=username, request=request)


@receiver(post_save, sender=User)
def on_user_saved(sender, instance, created, update_fields=None, raw=False, **kw):
    if raw or (update_fields and set(update_fields) <= {"last_login", "password"}):
        return
    fields = {name: getattr(instance, name) for name in WATCHED_USER_FIELDS}
    record("user_created" if created else "user_changed", None, instance, detail=fields)


@receiver(m2m_changed, sender=User.groups.through)
def on_roles_changed(sender, instance, action, pk_set, reverse, **kwargs):
    """From either side: ``user.groups.add(g)`` or ``group.user_set.add(u)``."""
    if reverse and action == "pre_clear":  # the members are unknown afterwards
        instance._newszone_cleared = list(
            instance.user_set.values_list("pk", flat=True)
        )
        return
    if action not in ("post_add", "post_remove", "post_clear"):
        return
    if not reverse:
        users = [instance]
    elif action == "post_clear":
        users = User.objects.filter(pk__in=getattr(instance, "_newszone_cleared", []))
    else:
        users = User.objects.filter(pk__in=pk_set or [])
    for user in users:
        roles = sorted(user.groups.values_list("name", flat=True))
        record("roles_changed", None, user, detail={"roles": roles, "change": action})
