"""Public forum threads in the site search: only visible threads of public categories, visible posts.

Members-only categories never reach the public index: ``entries_for`` returns nothing for them, so a
thread moved into one is removed at its next reindex (moves call ``mark_changed``).
"""

from __future__ import annotations

from collections.abc import Iterable

from pbgdpl.search.registry import SearchEntry, SearchSource

from .models import Thread


class ThreadSource(SearchSource):
    label = "forum.Thread"

    def entries_for(self, pk) -> list[SearchEntry]:
        thread = Thread.objects.public().select_related("category").filter(pk=pk).first()
        if thread is None:
            return []
        bodies = thread.posts.filter(hidden=False).values_list("source", flat=True)
        url = thread.get_absolute_url()
        return [SearchEntry(
            key=f"forum-thread:{thread.pk}", kind="forum", title=thread.title, body="\n".join(bodies), url=url,
            group_key=f"forum-thread:{thread.pk}", group_title=thread.title, group_url=url,
            date=thread.last_post_at.date(), facets={"year": [str(thread.last_post_at.year)]},
        )]

    def all_pks(self) -> Iterable:
        return Thread.objects.public().values_list("pk", flat=True).iterator()
