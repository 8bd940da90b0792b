"""News demo content (``bootstrap``'s "news-articles" demo loader; ``manage.py seed_demo``).

The articles are Markdown files under ``news/demo_data/articles/<section slug>/`` whose first line
is a JSON header (title, date, summary, tags, source, illustrations); the illustrations and the
photo gallery are described in ``news/demo_data/media.json`` (see ``news/demo_data/README.md``).
Idempotent: existing pages (by slug under their section) and images (by title) are left alone,
so running it again never overwrites editorial work.
"""

from __future__ import annotations

import datetime
import html
import io
from pathlib import Path
from typing import TextIO

from django.core.files.images import ImageFile
from django.db import transaction
from django.utils import timezone
from wagtail.images import get_image_model
from wagtail.models import Page

from pbgdpl.core.demo import read_demo_data
from pbgdpl.core.site_tree import build_site_tree, fill_demo_portal_settings

from .demo_images import render_illustration
from .models import ArticleIndexPage, ArticlePage, GalleryImage, GalleryPage
from .search_source import queue_for_search

ARTICLES_DIR = Path(__file__).resolve().parent / "demo_data" / "articles"
IMAGE_TITLE_PREFIX = "Ảnh minh họa: "


def markup_to_stream(text: str, extra_image_id: int | None = None) -> list[dict]:
    """Turn the demo articles' markup (news/demo_data/README.md) into raw StreamField data."""
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


def ensure_images(specs: list[dict]) -> dict:
    """Generate the demo illustrations once; returns {key: Image}."""
    image_model = get_image_model()
    images = {}
    for spec in specs:
        full_title = f"{IMAGE_TITLE_PREFIX}{spec['title']}"
        image = image_model.objects.filter(title=full_title).first()
        if image is None:
            content = render_illustration(spec["title"], spec["scheme"], spec["motif"])
            image = image_model(title=full_title, description=spec["caption"])
            image.file = ImageFile(io.BytesIO(content), name=f"demo-{spec['key']}.jpg")
            image.save()
        images[spec["key"]] = image
    return images


def ensure_gallery(spec: dict, images: dict) -> None:
    parent = Page.objects.filter(slug=spec["parent"]).first()
    if parent is None or parent.get_children().filter(slug=spec["slug"]).exists():
        return
    gallery = GalleryPage(title=spec["title"], slug=spec["slug"], intro=spec["intro"],
                          search_description=spec["intro"][:300])
    for order, item in enumerate(spec["images"]):
        gallery.gallery_images.add(GalleryImage(image=images[item["image"]], caption=item["caption"], sort_order=order))
    _add_live(parent, gallery)


def demo_articles(section_slug: str) -> list[dict]:
    """The demo articles of one section, oldest first."""
    files = sorted((ARTICLES_DIR / section_slug).glob("*.md"))
    articles = [read_demo_data("news", f"articles/{section_slug}/{path.name}") for path in files]
    return sorted(articles, key=lambda article: article["date"])


def ensure_articles(images: dict) -> int:
    created = 0
    for section_dir in sorted(path for path in ARTICLES_DIR.iterdir() if path.is_dir()):
        index = ArticleIndexPage.objects.filter(slug=section_dir.name).first()
        if index is None:
            continue
        existing = set(index.get_children().values_list("slug", flat=True))
        for data in demo_articles(section_dir.name):
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


def load_demo_articles(stdout: TextIO | None = None) -> str:
    """Demo loader: illustrations, the photo gallery and the demo articles; returns a summary."""
    media = read_demo_data("news", "media.json")
    images = ensure_images(media["images"])
    ensure_gallery(media["gallery"], images)
    created = ensure_articles(images)
    return f"{ArticlePage.objects.count()} tin bài ({created} mới), {len(images)} ảnh minh họa"


@transaction.atomic
def seed_demo(stdout: TextIO | None = None) -> str:
    """The whole demo site in one call (tests, ``seed_demo``): page tree, settings, news demo."""
    build_site_tree()
    fill_demo_portal_settings()
    summary = load_demo_articles()
    if stdout is not None:
        stdout.write(summary + "\n")
    return summary
