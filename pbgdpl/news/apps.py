from django.apps import AppConfig


class NewsConfig(AppConfig):
    name = "pbgdpl.news"
    label = "news"

    def ready(self) -> None:
        from django.db.models.signals import post_delete
        from wagtail.signals import page_published, page_unpublished

        from pbgdpl.search.registry import register

        from .search_sources import SOURCES, on_page_changed

        for model, source in SOURCES.items():
            register(source)
            for signal in (page_published, page_unpublished, post_delete):
                signal.connect(on_page_changed, sender=model, dispatch_uid=f"search-{source.label}-{id(signal)}")
