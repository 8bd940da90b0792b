from django.apps import AppConfig


class BookshelfConfig(AppConfig):
    name = "pbgdpl.bookshelf"
    label = "bookshelf"
    verbose_name = "Tủ sách pháp luật"

    def ready(self) -> None:
        from pbgdpl.accounts.roles import EDITOR, EDITORIAL_BOARD, grant_model_permissions
        from pbgdpl.api.registry import register_router
        from pbgdpl.core.demo import register_demo_loader
        from pbgdpl.media.programme import register_programme_kind
        from pbgdpl.search.answers import register_kind_label
        from pbgdpl.search.registry import register

        from . import signals
        from .demo import load_demo_library
        from .pagecache_tags import LIBRARY_TAG
        from .search_source import AudiobookSource, BookSource, EpisodeSource
        from .selectors import programme_audiobooks, programme_episodes

        register(BookSource())
        register(EpisodeSource())
        register(AudiobookSource())
        register_kind_label("book", "Tủ sách pháp luật")
        register_kind_label("podcast", "Podcast")
        register_kind_label("audiobook", "Sách nói")
        signals.connect()
        models = ["book", "podcastshow", "episode", "audiobook", "audiobookchapter"]
        grant_model_permissions(EDITOR, [f"bookshelf.{verb}_{m}" for m in models for verb in ("add", "change", "view")])
        grant_model_permissions(EDITORIAL_BOARD, [f"bookshelf.{verb}_{m}" for m in models
                                                 for verb in ("add", "change", "view", "delete")])
        register_demo_loader("bookshelf", load_demo_library, order=60)
        register_router("books", "pbgdpl.bookshelf.api:books", tag="Tủ sách pháp luật")
        register_router("podcasts", "pbgdpl.bookshelf.api:podcasts", tag="Podcast")
        # Tình huống pháp luật › Chương trình nghe nhìn lists audio beside the media app's videos.
        register_programme_kind("podcast", "Podcast", programme_episodes, cache_tags=[LIBRARY_TAG])
        register_programme_kind("audiobook", "Sách nói", programme_audiobooks, cache_tags=[LIBRARY_TAG])
