"""Write the audit log: ``record("publish", actor, article, note=...)``."""

from __future__ import annotations

from django.db import models

from newszone.audit.context import current_request
from newszone.audit.models import AuditEvent


def client_ip(request) -> str | None:
    return request.META.get("REMOTE_ADDR") if request is not None else None


def record(
    action: str,
    actor=None,
    obj: models.Model | None = None,
    *,
    note: str = "",
    detail: dict | None = None,
    request=None,
) -> AuditEvent:
    """Append one event.

    ``actor`` None means the user of the request being served, if any, else
    the system (scheduler, importer, command line).
    """
    request = request or current_request.get()
    if actor is None and request is not None:
        actor = getattr(request, "user", None)
    if actor is not None and not getattr(actor, "is_authenticated", False):
        actor = None
    return AuditEvent.objects.create(
        actor=actor,
        actor_name=actor.get_username() if actor else "",
        action=action,
        object_type=obj._meta.label_lower if obj is not None else "",
        object_id=str(obj.pk) if obj is not None else "",
        object_repr=str(obj)[:200] if obj is not None else "",
        note=note,
        detail=detail or {},
        ip=client_ip(request),
    )


def history(obj: models.Model):
    """Every event about ``obj``, oldest first."""
    return AuditEvent.objects.filter(
        object_type=obj._meta.label_lower, object_id=str(obj.pk)
    ).order_by("at", "pk")
