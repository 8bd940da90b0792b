"""The dependency index of the page cache: which cached response depends on which tag.

It lives in the database, shared by every process and node, so a change made anywhere finds
every cached variant (and its URL, for the frontend caches) that showed what changed.
"""

from django.db import models


class CachedPageDependency(models.Model):
    cache_key = models.CharField(max_length=64, db_index=True)
    url = models.CharField(max_length=2000)
    tag = models.CharField(max_length=120, db_index=True)
    stored_at = models.DateTimeField(db_index=True)

    class Meta:
        app_label = "core"
        verbose_name = "page cache dependency"

    def __str__(self) -> str:
        return f"{self.url} ← {self.tag}"
