from django.apps import AppConfig


class MediaConfig(AppConfig):
    name = "pbgdpl.media"
    label = "media"
    verbose_name = "Tài liệu, video, bài giảng"

    def ready(self) -> None:
        from django.db.models.signals import post_delete, post_save

        from pbgdpl.accounts.roles import ADMINISTRATOR, EDITOR, EDITORIAL_BOARD, grant_model_permissions
        from pbgdpl.api.registry import register_router
        from pbgdpl.core.demo import register_demo_loader
        from pbgdpl.core.system_tools import DEJAVU_FONT, FFMPEG, LIBREOFFICE, POPPLER
        from pbgdpl.search.answers import register_kind_label
        from pbgdpl.search.registry import register

        from . import page_cache, signals
        from .demo import load_demo_media
        from .models import Course, Infographic, Lesson, Material, Video
        from .programme import register_programme_kind
        from .search_source import KIND_LABELS, SOURCES
        from .selectors import latest_videos

        for model in (Material, Video, Infographic, Course):
            post_save.connect(signals.item_changed, sender=model, dispatch_uid=f"media-saved-{model.__name__}")
            post_delete.connect(signals.item_changed, sender=model, dispatch_uid=f"media-deleted-{model.__name__}")
        post_save.connect(signals.lesson_changed, sender=Lesson, dispatch_uid="media-lesson-saved")
        for source in SOURCES:
            register(source())
        for kind, label in KIND_LABELS.items():
            register_kind_label(kind, label)
        register_programme_kind("video", "Video", latest_videos, cache_tags=["media.Video:list"])
        register_router("media", "pbgdpl.media.api:router", tag="Tài liệu, video")
        # After the quizzes (a lesson links a practice quiz); its files are drawn, encoded and converted here.
        register_demo_loader("media", load_demo_media, order=70,
                             requires=(DEJAVU_FONT, FFMPEG, LIBREOFFICE, POPPLER))
        # Editors upload and publish; the board and administrators may also delete.
        models = ("material", "video", "infographic", "course")
        editing = [f"media.{action}_{model}" for model in models for action in ("view", "add", "change")]
        grant_model_permissions(EDITOR, editing)
        for role in (EDITORIAL_BOARD, ADMINISTRATOR):
            grant_model_permissions(role, editing + [f"media.delete_{model}" for model in models])
        page_cache.register()
