"""Model-free text helpers."""

import re
import unicodedata

from django.utils.text import slugify

_SPACES = re.compile(r"\s+")


def normalize_space(text: str) -> str:
    """NFC-normalise and collapse runs of white space to one space."""
    return _SPACES.sub(" ", unicodedata.normalize("NFC", text or "")).strip()


def unicode_slug(text: str, max_length: int = 80) -> str:
    """A URL slug that keeps Hangul (``국방 정책`` → ``국방-정책``)."""
    return slugify(normalize_space(text), allow_unicode=True)[:max_length].strip("-")
