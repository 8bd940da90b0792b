from django.apps import AppConfig


class ForumConfig(AppConfig):
    name = "pbgdpl.forum"
    label = "forum"
    verbose_name = "Diễn đàn nghiệp vụ"

    def ready(self) -> None:
        from pbgdpl.accounts.roles import FORUM_MODERATOR, grant_model_permissions
        from pbgdpl.core import pagecache, personal_data
        from pbgdpl.core.demo import register_demo_loader
        from pbgdpl.core.pagecache.policy import exclude_prefix
        from pbgdpl.core.periodic import register_periodic
        from pbgdpl.search.answers import register_kind_label
        from pbgdpl.search.registry import register

        from . import personal
        from .demo import load_demo_forum
        from .models import Category, Post, Thread
        from .search_source import ThreadSource
        from .tasks import forum_daily_digest

        register(ThreadSource())
        register_kind_label("forum", "Diễn đàn")
        # Public threads are cached for strangers and purged when they change; members carry a
        # session cookie (never cached) and members-only pages say "private, no-store".
        for model in (Category, Thread, Post):
            pagecache.track_model(model)
            pagecache.register_model(model)
        for prefix in ("/dien-dan/dang-nhap/", "/dien-dan/loi-moi/", "/dien-dan/bai/"):
            exclude_prefix(prefix)
        grant_model_permissions(FORUM_MODERATOR, [
            "forum.add_category", "forum.change_category", "forum.view_category",
            "forum.add_invitation", "forum.view_invitation", "forum.view_moderationaction",
        ])
        register_periodic("forum-digest", every=24 * 3600, task=forum_daily_digest)
        register_demo_loader("forum", load_demo_forum, order=95)
        personal_data.register("forum", export=personal.export_person, delete=personal.erase_person)
