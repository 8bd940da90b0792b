"""The portal's page tree: the home page as the site root and its fixed sections.

The sections' slugs are part of the product (menu, the editorial workflow, the Q&A and contest
URLs), so ``bootstrap`` builds the tree on every start as a set-up step (registered in
``CoreConfig.ready()``), demo or not; ``manage.py build_site_tree`` runs it alone. The tree is
described in ``core/demo_data/site_tree.json``; a section names its page type as
``"app_label.Model"``, so core imports no app, and a section whose app is not installed is
skipped. Idempotent: a page that exists (by slug under its parent) is left as editors made it.
"""

from __future__ import annotations

from django.apps import apps
from django.conf import settings
from django.db import transaction
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale, Page, Site

from .demo import read_demo_data
from .models import HomeFeaturedSection, HomePage, NationalDatabaseLink, PortalSettings


def _publish_under(parent: Page, page: Page) -> Page:
    """Add ``page`` under ``parent`` and publish it the way an editor would (signals included:
    the apps' search sources see it)."""
    parent.add_child(instance=page)
    page.save_revision().publish(log_action=False)
    return page


def _page_model(dotted: str):
    try:
        return apps.get_model(dotted)
    except LookupError:
        return None


def _root_page() -> Page:
    root = Page.get_first_root_node()
    if root is None:  # a flushed database (transactional tests) has no tree root
        if not Locale.objects.exists():
            Locale.objects.create(language_code=get_supported_content_language_variant(settings.LANGUAGE_CODE))
        root = Page.add_root(title="Root", slug="root")
    return root


def _make_site_root(home: HomePage) -> None:
    """Make ``home`` the default site's root, deleting Wagtail's empty "Welcome" placeholder."""
    site = Site.objects.filter(is_default_site=True).first() or Site.objects.first()
    if site is None:
        Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True)
        return
    if site.root_page_id == home.pk:
        return
    old_root = site.root_page
    site.root_page = home
    site.save()
    if old_root.content_type.model_class() is Page and not old_root.get_children().exists():
        old_root.delete()


def _ensure_children(parent: Page, specs: list[dict], created: list[str]) -> dict[str, Page]:
    pages: dict[str, Page] = {}
    for spec in specs:
        model = _page_model(spec["page_type"])
        if model is None:
            continue
        page = parent.get_children().filter(slug=spec["slug"]).first()
        if page is None:
            fields = {"title": spec["title"], "slug": spec["slug"], "intro": spec["intro"], "show_in_menus": True,
                      "search_description": spec["intro"][:300]}
            if spec.get("body"):
                fields["body"] = spec["body"]
            if parent.depth > 2:  # only the home page's children are menu entries
                fields["show_in_menus"] = False
            page = _publish_under(parent, model(**fields))
            created.append(spec["slug"])
        pages[spec["slug"]] = page
        pages.update(_ensure_children(page, spec.get("children", []), created))
    return pages


def _new_home_page(spec: dict) -> HomePage:
    return HomePage(title=spec["title"], slug=spec["slug"], hero_title=spec["hero_title"], intro=spec["intro"],
                    seo_title=spec["seo_title"], search_description=spec["search_description"])


@transaction.atomic
def build_site_tree() -> str | None:
    """Create what is missing of the home page and its sections; return a summary, or None if complete."""
    tree = read_demo_data("core", "site_tree.json")
    home = HomePage.objects.first()
    new_home = home is None
    if new_home:
        home = _new_home_page(tree["home"])
        _root_page().add_child(instance=home)
    _make_site_root(home)
    created: list[str] = []
    sections = _ensure_children(home, tree["sections"], created)
    if new_home:
        # The home page's blocks point at the sections, so it is published once they exist.
        home.news_index = sections.get(tree["home"]["news_index"])
        for order, spec in enumerate(spec for spec in tree["sections"] if spec.get("featured") and spec["slug"] in sections):
            home.featured_sections.add(
                HomeFeaturedSection(link_page=sections[spec["slug"]], description=spec["featured"], sort_order=order))
        home.save_revision().publish(log_action=False)
    if not new_home and not created:
        return None
    return f"{'trang chủ và ' if new_home else ''}{len(created)} chuyên mục mới"


def fill_demo_portal_settings(stdout=None) -> str | None:
    """Demo loader: fill empty contact fields of the site settings and add the national database links."""
    data = read_demo_data("core", "portal_settings.json")
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        return None
    portal = PortalSettings.for_site(site)
    empty = {field: value for field, value in data["portal"].items() if not getattr(portal, field)}
    for field, value in empty.items():
        setattr(portal, field, value)
    if empty:
        portal.save()
    added = 0
    if not portal.national_links.exists():
        for order, link in enumerate(data["national_links"]):
            NationalDatabaseLink.objects.create(settings=portal, title=link["title"], url=link["url"], sort_order=order)
            added += 1
    if not empty and not added:
        return None
    return f"{len(empty)} thông tin liên hệ, {added} liên kết cơ sở dữ liệu quốc gia"


ROOT_TITLE = "Gốc"


def name_tree_roots() -> str | None:
    """Wagtail names the page tree's and the collections' root "Root"; editors read Vietnamese."""
    from wagtail.models import Collection

    renamed = Page.objects.filter(depth=1, title="Root").update(title=ROOT_TITLE, draft_title=ROOT_TITLE)
    renamed += Collection.objects.filter(depth=1, name="Root").update(name=ROOT_TITLE)
    return f"gốc cây trang và bộ sưu tập được đặt tên “{ROOT_TITLE}”" if renamed else None
