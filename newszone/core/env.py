"""Read configuration from the environment, once, with clear errors."""

import os

from django.core.exceptions import ImproperlyConfigured

TRUE_WORDS = {"1", "true", "yes", "on"}
FALSE_WORDS = {"0", "false", "no", "off", ""}


def env_bool(name: str, default: bool = False) -> bool:
    raw = os.environ.get(name)
    if raw is None:
        return default
    word = raw.strip().lower()
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    raise ImproperlyConfigured(
        f"{name}={raw!r} is not a yes/no value; use one of 1/0, true/false, yes/no."
    )


def env_list(name: str, default: list[str]) -> list[str]:
    raw = os.environ.get(name)
    if raw is None:
        return default
    return [item.strip() for item in raw.split(",") if item.strip()]


def env_int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None or not raw.strip():
        return default
    try:
        return int(raw)
    except ValueError:
        raise ImproperlyConfigured(f"{name}={raw!r} is not a whole number.") from None


def secret_key(debug: bool) -> str:
    """The secret key: required outside debug mode, a throwaway one in debug."""
    key = os.environ.get("NEWSZONE_SECRET_KEY", "").strip()
    if key:
        return key
    if debug:
        # Only for a developer's DEBUG session; sessions die with the process.
        return "insecure-debug-only-" + os.urandom(16).hex()
    raise ImproperlyConfigured(
        "NEWSZONE_SECRET_KEY is not set. Set it to a long random string "
        "(`make run` generates one in var/secret_key), or set NEWSZONE_DEBUG=1 "
        "for local development."
    )
