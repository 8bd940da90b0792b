from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "pbgdpl.core"
    label = "core"

    def ready(self) -> None:
        from django.db.models.signals import post_migrate
        from wagtail.models import Page, get_page_models

        from . import checks  # noqa: F401  (registers the system checks)
        from .admin_help import register_help_topic
        from .cache_table import create_cache_table
        from .demo import register_demo_loader
        from .models import PortalSettings
        from .pagecache import pages as cached_pages
        from .periodic import register_periodic
        from .sanitize import connect as connect_rich_text_sanitiser
        from .setup_steps import register_setup_step
        from .site_address import sync_default_site
        from .site_paths import connect as connect_site_paths
        from .site_tree import build_site_tree, fill_demo_portal_settings, name_tree_roots
        from .tasks import prune_page_cache_index, prune_task_results, publish_scheduled

        post_migrate.connect(create_cache_table, sender=self)
        # Every model's rich text is cleaned before it is saved, whichever app the model belongs to.
        connect_rich_text_sanitiser()
        register_setup_step("site-tree", build_site_tree, order=0)
        register_setup_step("site-address", sync_default_site, order=1)
        register_setup_step("tree-root-names", name_tree_roots, order=2)
        register_demo_loader("portal-settings", fill_demo_portal_settings, order=0)
        register_periodic("publish-scheduled", every=60, task=publish_scheduled)
        register_periodic("prune-task-results", every=24 * 3600, task=prune_task_results)
        # Anonymous page cache: pages and the site settings every page shows.
        cached_pages.connect(setting_models=[PortalSettings])
        connect_site_paths({Page, *get_page_models()})
        register_periodic("prune-page-cache-index", every=3600, task=prune_page_cache_index)
        register_help_topic("bat-dau", "Bắt đầu với trang quản trị", "core/admin/help/getting_started.html", order=10)
        register_help_topic("tin-bai", "Viết và gửi duyệt tin bài", "core/admin/help/pages.html", order=20)
