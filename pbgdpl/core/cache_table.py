"""Creates the database cache's table after every ``migrate`` (production without Redis uses it).

Django keeps that table outside migrations (``createcachetable``); running it from ``post_migrate``
means ``migrate`` (hence ``make run`` and every deployment) always leaves it in place. It does
nothing when no database cache is configured or the table exists.
"""

from __future__ import annotations

from django.core.management import call_command


def create_cache_table(sender, using: str = "default", verbosity: int = 1, **kwargs) -> None:
    call_command("createcachetable", database=using, verbosity=max(0, verbosity - 1))
