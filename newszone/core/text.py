"""Model-free text helpers."""

import re
import unicodedata
from collections.abc import Iterator

from django.utils.text import slugify

_SPACES = re.compile(r"\s+")


def normalize_space(text: str) -> str:
    """NFC-normalise and collapse runs of white space to one space."""
    return _SPACES.sub(" ", unicodedata.normalize("NFC", text or "")).strip()


def storable(text: str) -> bool:
    """False for text no column can hold on every database: a NUL character
    (PostgreSQL refuses it) or an unpaired surrogate (not encodable as UTF-8)."""
    if "\x00" in text:
        return False
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def strings_in(value) -> Iterator[str]:
    """Every string inside nested dicts (keys too), lists and tuples."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from strings_in(key)
            yield from strings_in(item)
    elif isinstance(value, (list, tuple)):
        for item in value:
            yield from strings_in(item)


def unicode_slug(text: str, max_length: int = 80) -> str:
    """A URL slug that keeps Hangul (``국방 정책`` → ``국방-정책``)."""
    return slugify(normalize_space(text), allow_unicode=True)[:max_length].strip("-")
