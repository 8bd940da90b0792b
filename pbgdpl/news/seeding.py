"""Create the page tree, site settings and demo articles (``manage.py seed_demo``).

Idempotent: existing pages (found by slug under their parent), images (by title) and
settings values that an editor already filled in are left alone, so running it again
never overwrites editorial work.
"""

from __future__ import annotations

import datetime
import html
import io
from typing import TextIO

from django.conf import settings
from django.core.files.images import ImageFile
from django.db import transaction
from django.utils import timezone
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, Site

from pbgdpl.core.models import (
    HomeFeaturedSection,
    HomePage,
    NationalDatabaseLink,
    PortalSettings,
    SectionPage,
)

from . import demo_content
from .demo_articles_guidance import GUIDANCE
from .demo_articles_news import NEWS
from .demo_articles_situations import SITUATIONS
from .demo_images import render_illustration
from .models import ArticleIndexPage, ArticlePage, GalleryImage, GalleryPage
from .search_sources import queue_for_search

ARTICLES_BY_SECTION = {"tin-tuc": NEWS, "huong-dan-nghiep-vu": GUIDANCE, "tinh-huong-phap-luat": SITUATIONS}
IMAGE_TITLE_PREFIX = "Ảnh minh họa: "


def markup_to_stream(text: str, extra_image_id: int | None = None) -> list[dict]:
    """Turn the demo markup (see demo_content.py) into raw StreamField data."""
    blocks: list[dict] = []
    for chunk in (part.strip() for part in text.strip().split("\n\n")):
        if not chunk:
            continue
        lines = chunk.splitlines()
        if chunk.startswith("### "):
            blocks.append({"type": "heading", "value": {"text": chunk[4:].strip(), "level": "h3"}})
        elif chunk.startswith("## "):
            blocks.append({"type": "heading", "value": {"text": chunk[3:].strip(), "level": "h2"}})
        elif chunk.startswith("> "):
            quote, _, attribution = chunk[2:].partition(" -- ")
            blocks.append({"type": "quote", "value": {"text": quote.strip(), "attribution": attribution.strip()}})
        elif chunk == "[[image]]":
            if extra_image_id:
                blocks.append({"type": "image", "value": {"image": extra_image_id, "caption": ""}})
        elif all(line.startswith("|") for line in lines):
            rows = [[cell.strip() for cell in line.strip().strip("|").split("|")] for line in lines]
            blocks.append(
                {
                    "type": "table",
                    "value": {
                        "data": rows,
                        "first_row_is_table_header": True,
                        "first_col_is_header": False,
                        "table_caption": "",
                    },
                }
            )
        elif all(line.startswith("- ") for line in lines):
            items = "".join(f"<li>{html.escape(line[2:].strip())}</li>" for line in lines)
            blocks.append({"type": "paragraph", "value": f"<ul>{items}</ul>"})
        else:
            blocks.append({"type": "paragraph", "value": f"<p>{html.escape(' '.join(lines))}</p>"})
    return blocks


def _add_live(parent: Page, page: Page) -> Page:
    """Add ``page`` under ``parent`` already published.

    Wagtail's revision-and-publish path costs about 60 queries a page and the demo has about
    50 pages, so demo pages are created live without a first revision (an editor's first
    edit creates it, as for any page made in code). The search outbox entry that the
    publish signal would have written is written here.
    """
    now = timezone.now()
    page.live = True
    page.first_published_at = page.last_published_at = now
    parent.add_child(instance=page)
    queue_for_search(page)
    return page


def _child_by_slug(parent: Page, slug: str) -> Page | None:
    return parent.get_children().filter(slug=slug).first()


def ensure_home_page() -> HomePage:
    """Make a core.HomePage the default site's root, replacing Wagtail's "Welcome" page."""
    existing = HomePage.objects.first()
    site = Site.objects.filter(is_default_site=True).first() or Site.objects.first()
    if existing is None:
        # Wagtail's migrations create the tree's root; a flushed database (transactional
        # tests) has none, and the seed should still work there.
        root = Page.get_first_root_node()
        if root is None:
            if not Locale.objects.exists():
                Locale.objects.create(language_code=get_supported_content_language_variant(settings.LANGUAGE_CODE))
            root = Page.add_root(title="Root", slug="root")
        data = demo_content.HOME
        home = HomePage(
            title=data["title"],
            slug="trang-chu",
            hero_title=data["hero_title"],
            intro=data["intro"],
            seo_title=data["seo_title"],
            search_description=data["search_description"],
        )
        _add_live(root, home)
        existing = home
    if site is None:
        site = Site.objects.create(hostname="localhost", port=80, root_page=existing, is_default_site=True)
    if site.root_page_id != existing.pk:
        old_root = site.root_page
        site.root_page = existing
        site.save()
        # Wagtail's placeholder page: a plain Page with no children. Anything else is kept.
        if old_root.content_type.model_class() is Page and not old_root.get_children().exists():
            old_root.delete()
    return existing


def ensure_settings(site: Site) -> PortalSettings:
    """Fill empty contact fields and add the national database links if there are none."""
    settings_obj = PortalSettings.for_site(site)
    changed = False
    for field, value in demo_content.PORTAL.items():
        if not getattr(settings_obj, field):
            setattr(settings_obj, field, value)
            changed = True
    if changed:
        settings_obj.save()
    if not settings_obj.national_links.exists():
        for order, (title, url) in enumerate(demo_content.NATIONAL_LINKS):
            NationalDatabaseLink.objects.create(settings=settings_obj, title=title, url=url, sort_order=order)
    return settings_obj


def ensure_images() -> dict:
    """Generate the demo illustrations once; returns {key: Image}."""
    image_model = get_image_model()
    images = {}
    for key, title, caption, scheme, motif in demo_content.IMAGES:
        full_title = f"{IMAGE_TITLE_PREFIX}{title}"
        image = image_model.objects.filter(title=full_title).first()
        if image is None:
            content = render_illustration(title, scheme, motif)
            image = image_model(title=full_title, description=caption)
            image.file = ImageFile(io.BytesIO(content), name=f"demo-{key}.jpg")
            image.save()
        images[key] = image
    return images


def ensure_sections(home: HomePage) -> dict[str, Page]:
    sections: dict[str, Page] = {}
    for slug, title, kind, intro, body, _description in demo_content.SECTIONS:
        page = _child_by_slug(home, slug)
        if page is None:
            if kind == "index":
                page = ArticleIndexPage(title=title, slug=slug, intro=intro, show_in_menus=True)
            else:
                page = SectionPage(title=title, slug=slug, intro=intro, body=body, show_in_menus=True)
            page.search_description = intro[:300]
            _add_live(home, page)
        sections[slug] = page.specific
    return sections


def ensure_situation_children(index: Page, images: dict) -> None:
    slug, title, intro, body = demo_content.AUDIOVISUAL
    if _child_by_slug(index, slug) is None:
        page = SectionPage(title=title, slug=slug, intro=intro, body=body, search_description=intro[:300])
        _add_live(index, page)
    slug, title, intro = demo_content.GALLERY
    if _child_by_slug(index, slug) is None:
        gallery = GalleryPage(title=title, slug=slug, intro=intro, search_description=intro[:300])
        for order, (key, caption) in enumerate(demo_content.GALLERY_IMAGES):
            gallery.gallery_images.add(GalleryImage(image=images[key], caption=caption, sort_order=order))
        _add_live(index, gallery)


def ensure_articles(sections: dict[str, Page], images: dict) -> int:
    created = 0
    for section_slug, articles in ARTICLES_BY_SECTION.items():
        index = sections[section_slug]
        existing = set(index.get_children().values_list("slug", flat=True))
        for data in articles:
            if data["slug"] in existing:
                continue
            extra = images.get(data.get("image2") or "")
            article = ArticlePage(
                title=data["title"],
                slug=data["slug"],
                date=datetime.date.fromisoformat(data["date"]),
                summary=data["summary"],
                source=data.get("source", ""),
                lead_image=images.get(data.get("image") or ""),
                body=markup_to_stream(data["body"], extra.pk if extra else None),
                search_description=data["summary"][:300],
            )
            article.tags.add(*data.get("tags", []))
            _add_live(index, article)
            created += 1
    return created


def ensure_home_blocks(home: HomePage, sections: dict[str, Page]) -> None:
    """Point the home page's news block at Tin tức and promote the main sections, once.

    Saved on the live page only when it has no revision yet: once an editor has saved
    one, the admin shows the revision and changing the row behind it would confuse them.
    """
    home = HomePage.objects.get(pk=home.pk)
    if home.latest_revision_id is not None:
        return
    changed = False
    if home.news_index_id is None and "tin-tuc" in sections:
        home.news_index = sections["tin-tuc"]
        changed = True
    if not home.featured_sections.exists():
        order = 0
        for slug, _title, _kind, _intro, _body, description in demo_content.SECTIONS:
            if description and slug in sections:
                home.featured_sections.add(
                    HomeFeaturedSection(link_page=sections[slug], description=description, sort_order=order)
                )
                order += 1
        changed = changed or order > 0
    if changed:
        home.save()


@transaction.atomic
def seed_demo(stdout: TextIO | None = None) -> str:
    """Create or complete the demo site; returns a one-line summary."""
    home = ensure_home_page()
    site = Site.objects.get(root_page=home)
    ensure_settings(site)
    images = ensure_images()
    sections = ensure_sections(home)
    ensure_situation_children(sections["tinh-huong-phap-luat"], images)
    created = ensure_articles(sections, images)
    ensure_home_blocks(home, sections)
    total = ArticlePage.objects.count()
    summary = f"{len(sections)} chuyên mục, {total} tin bài ({created} mới), {len(images)} ảnh minh họa"
    if stdout is not None:
        stdout.write(summary + "\n")
    return summary
