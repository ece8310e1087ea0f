"""API tokens: ``nz_<prefix>_<secret>``, shown once, stored as a SHA-256 hash.

The secret has 256 bits of entropy, so a fast hash is enough (no password
stretching needed); lookups go by the hash, compared in the database.
"""

from __future__ import annotations

import hashlib
import secrets

from django.db import transaction
from django.utils import timezone

from newszone.accounts.models import ApiToken, User
from newszone.audit.log import record


def _hash(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


@transaction.atomic
def issue_token(user: User) -> tuple[ApiToken, str]:
    """A new token for ``user``: the row and the key (never stored in clear)."""
    prefix = secrets.token_hex(4)
    key = f"nz_{prefix}_{secrets.token_urlsafe(32)}"
    token = ApiToken.objects.create(user=user, prefix=prefix, key_hash=_hash(key))
    record("token_issued", None, user, detail={"prefix": prefix})
    return token, key


def user_for_key(key: str) -> User | None:
    """The active user owning ``key``, or None (unknown, revoked, inactive)."""
    if not key or len(key) > 200:
        return None
    token = (
        ApiToken.objects.select_related("user")
        .filter(key_hash=_hash(key), revoked_at__isnull=True, user__is_active=True)
        .first()
    )
    if token is None:
        return None
    ApiToken.objects.filter(pk=token.pk).update(last_used_at=timezone.now())
    return token.user


@transaction.atomic
def revoke_tokens(user: User, prefix: str | None = None) -> int:
    """Revoke one token of ``user`` (by prefix) or all of them; how many."""
    tokens = ApiToken.objects.filter(user=user, revoked_at__isnull=True)
    if prefix:
        tokens = tokens.filter(prefix=prefix)
    count = tokens.update(revoked_at=timezone.now())
    if count:
        record("token_revoked", None, user, detail={"prefix": prefix or "all"})
    return count
