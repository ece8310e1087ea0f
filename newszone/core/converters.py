"""URL converters shared by every app."""

from django.urls.converters import IntConverter


class IdConverter(IntConverter):
    """A database id: 1 to 18 digits, so it always fits a 64-bit integer
    column (an over-long id is a 404, never a database overflow)."""

    regex = "[0-9]{1,18}"
