from django.db import models


class VectorField(models.TextField):
    """A weighted tsvector literal (documents.vector_for): stored as a
    ``tsvector`` on PostgreSQL (cast as it is written), as text elsewhere."""

    def db_type(self, connection):
        if connection.vendor == "postgresql":
            return "tsvector"
        return super().db_type(connection)


class SearchDocument(models.Model):
    """The analysed form of one searchable object, stored so that a rebuild of
    the engine's index never re-runs the analyser.

    ``id`` is the sort key: the object's publication time in seconds times
    1024, plus a tie-breaker. The engines order by it, so "newest first" is a
    walk of the index, and a date range is a key range.
    """

    id = models.BigIntegerField(primary_key=True)
    source = models.CharField(max_length=30)
    object_id = models.BigIntegerField()
    language = models.CharField(max_length=5)
    is_public = models.BooleanField(default=False)
    has_photo = models.BooleanField(default=False)
    section_ids = models.CharField(max_length=200, blank=True)
    reporter_ids = models.CharField(max_length=200, blank=True)
    title_terms = models.TextField(blank=True)
    title_extra = models.TextField(blank=True)
    body_terms = models.TextField(blank=True)
    body_extra = models.TextField(blank=True)
    reporter_terms = models.TextField(blank=True)
    meta_terms = models.TextField(blank=True)
    # Only for engines that ask for it (PostgreSQL): the weighted vector of
    # the terms above, which its GIN index is built from.
    vector = VectorField(blank=True, db_default="")
    # The headline's part of it (a few lexemes, stored in the row), which
    # ranks the stories whose headline matches without reading ``vector``.
    headline_vector = VectorField(blank=True, db_default="")
    # Its pair signature (documents.pair_bits), which lets a phrase pass over
    # stories that cannot hold it; none (every pair may be there) until made.
    pair_bits = models.BinaryField(null=True, blank=True)
    # analyzers.ANALYSIS_VERSION when the terms were made; an older one is
    # analysed again by rebuild_search_index.
    analysis_version = models.SmallIntegerField(db_default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["source", "object_id"], name="one_doc_per_object"
            )
        ]

    def __str__(self) -> str:
        return f"{self.source}:{self.object_id}"
