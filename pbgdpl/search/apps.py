from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "pbgdpl.search"
    label = "search"
    verbose_name = "Tìm kiếm"

    def ready(self) -> None:
        from django.db.models.signals import post_delete, post_save

        from pbgdpl.accounts.roles import EDITORIAL_BOARD, grant_model_permissions
        from pbgdpl.api.registry import register_router
        from pbgdpl.core import pagecache
        from pbgdpl.core.pagecache import hits as pagecache_hits
        from pbgdpl.core.periodic import register_periodic

        from . import dictionary
        from .analytics.tasks import maintain_search_analytics
        from .index import SEARCH_RESULTS_TAG
        from .models import DictionaryEntry
        from .tasks import apply_outbox_task, embed_pending_task
        from .views import record_cached_search

        def _invalidate(**kwargs) -> None:
            dictionary.invalidate()
            pagecache.purge(SEARCH_RESULTS_TAG)  # synonyms change what every search finds

        pagecache_hits.register_hook("/tim-kiem/", record_cached_search)

        post_save.connect(_invalidate, sender=DictionaryEntry, dispatch_uid="search_dictionary_saved")
        post_delete.connect(_invalidate, sender=DictionaryEntry, dispatch_uid="search_dictionary_deleted")
        # Every node's worker keeps its own index replica current.
        register_router("search", "pbgdpl.search.api:router", tag="Tìm kiếm")
        register_periodic("search-apply-outbox", every=5, task=apply_outbox_task)
        register_periodic("search-embed", every=30, task=embed_pending_task)  # a no-op unless SEARCH_SEMANTIC
        register_periodic("search-analytics-maintain", every=24 * 3600, task=maintain_search_analytics)
        # The search statistics (what citizens ask, which phrases are public) are the board's:
        # administrators hold every model permission anyway; editors and other roles see none.
        grant_model_permissions(
            EDITORIAL_BOARD,
            ["search.view_searchquerystat", "search.view_searchphrase", "search.change_searchphrase"],
        )
