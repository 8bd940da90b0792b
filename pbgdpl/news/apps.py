from django.apps import AppConfig


class NewsConfig(AppConfig):
    name = "pbgdpl.news"
    label = "news"

    def ready(self) -> None:
        from django.db.models.signals import post_delete
        from wagtail.signals import page_published, page_unpublished

        from pbgdpl.api.registry import register_router
        from pbgdpl.core.demo import register_demo_loader
        from pbgdpl.search.registry import register

        from .search_source import SOURCES, on_page_changed
        from .seeding import load_demo_articles

        for model, source in SOURCES.items():
            register(source)
            for signal in (page_published, page_unpublished, post_delete):
                signal.connect(on_page_changed, sender=model, dispatch_uid=f"search-{source.label}-{id(signal)}")
        register_demo_loader("news-articles", load_demo_articles, order=5)
        register_router("news", "pbgdpl.news.api:router", tag="Tin tức")
