"""Database tables of the search app: the outbox that feeds the index."""

from django.db import models


class OutboxEntry(models.Model):
    """A change to index: written in the same transaction as the change itself.

    The indexer applies entries in id order and remembers the last id it applied, so
    every index replica (one per app node) can catch up on its own.
    """

    source = models.CharField(max_length=100)
    object_pk = models.CharField(max_length=64)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "search outbox entry"
        indexes = [models.Index(fields=["source", "object_pk"])]

    def __str__(self) -> str:
        return f"{self.source}:{self.object_pk}"
