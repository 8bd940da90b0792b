from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "pbgdpl.search"
    label = "search"
    verbose_name = "Tìm kiếm"

    def ready(self) -> None:
        from django.db.models.signals import post_delete, post_save

        from . import dictionary
        from .models import DictionaryEntry

        def _invalidate(**kwargs) -> None:
            dictionary.invalidate()

        post_save.connect(_invalidate, sender=DictionaryEntry, dispatch_uid="search_dictionary_saved")
        post_delete.connect(_invalidate, sender=DictionaryEntry, dispatch_uid="search_dictionary_deleted")
