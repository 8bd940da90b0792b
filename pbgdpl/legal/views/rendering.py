"""A version's provision tree as semantic HTML and as a table of contents.

Built in Python from the rows of ONE query (``selectors.version_provisions``) and cached per
version: a version's text never changes, and a re-parse replaces its provision rows (new ids),
which changes the cache key. String building instead of nested template includes keeps a
689-article code well inside the page's time budget even when the cache is cold.

Anchors are the parser's eids: ``id="dieu-5"``, ``id="dieu-5-khoan-1"``,
``id="dieu-5-khoan-1-diem-a"``; every article, clause and point label links to itself.
"""

from __future__ import annotations

import zlib
from collections import OrderedDict
from dataclasses import dataclass
from html import escape

from django.core.cache import cache
from django.db.models import Count, Max
from django.utils.safestring import SafeString, mark_safe

from ..models import DocumentVersion, Provision, ProvisionKind
from ..selectors import ProvisionNode, build_tree, version_provisions
from ..validity import eid_label

# Bump when the markup below changes, so cached fragments of the old shape are not served.
MARKUP_VERSION = 5
CACHE_SECONDS = 7 * 24 * 3600

DIVISIONS = {
    ProvisionKind.PART,
    ProvisionKind.CHAPTER,
    ProvisionKind.SECTION,
    ProvisionKind.ATTACHMENT,
    ProvisionKind.APPENDIX,
}
LISTED = {ProvisionKind.CLAUSE, ProvisionKind.POINT}
FIRST_HEADING_LEVEL = 3  # the provisions sit under the page's "Nội dung" <h2>


@dataclass(frozen=True)  # shared between requests by the recent-texts memory: never changed in place
class RenderedText:
    """The HTML of one version: its body, its table of contents and how many articles it has."""

    body: SafeString
    toc: SafeString
    article_count: int


def _paragraphs(text: str, css: str = "") -> str:
    attribute = f' class="{css}"' if css else ""
    return "".join(f"<p{attribute}>{escape(line)}</p>" for line in text.split("\n") if line.strip())


def _heading_lines(row: Provision) -> list[str]:
    source = row.source_heading or row.heading
    return [line.strip() for line in source.split("\n") if line.strip()]


def _label(row: Provision) -> str:
    """"1." for a clause, "a)" for a point (as printed in the source when known)."""
    if row.source_heading and "\n" not in row.source_heading:
        return row.source_heading.strip()
    return f"{row.number}." if row.kind == ProvisionKind.CLAUSE else f"{row.number})"


def _article_bar(eid: str, name: str) -> str:
    """Copy the link of one article, share it, print it alone (the pinned header leads back to
    the table of contents).

    Without JavaScript "In điều này" opens the print view of that article alone; the copy and
    share buttons work with legal.js only (CSS hides them until ``html.lg-js`` is set), which
    also prints the article in place.
    """
    return (
        f'<div class="lg-art-bar" role="group" aria-label="{escape(name)}">'
        f'<button type="button" class="lg-art-btn lg-js-only" data-art="copy">Sao chép liên kết</button>'
        f'<button type="button" class="lg-art-btn lg-js-only" data-art="share">Chia sẻ</button>'
        f'<a class="lg-art-btn" href="?in=1&amp;dieu={eid}" rel="nofollow" data-art="print">In điều này</a></div>'
    )


class _Renderer:
    def __init__(self) -> None:
        self.out: list[str] = []
        self.articles = 0

    def nodes(self, nodes: list[ProvisionNode], level: int) -> None:
        listed: list[ProvisionNode] = []
        for node in nodes:
            if node.row.kind in LISTED:
                listed.append(node)
                continue
            self.flush_list(listed, level)
            listed = []
            self.node(node, level)
        self.flush_list(listed, level)

    def flush_list(self, listed: list[ProvisionNode], level: int) -> None:
        if not listed:
            return
        css = "lg-clauses" if listed[0].row.kind == ProvisionKind.CLAUSE else "lg-points"
        self.out.append(f'<ol class="{css}" role="list">')
        for node in listed:
            self.list_item(node, level)
        self.out.append("</ol>")

    def node(self, node: ProvisionNode, level: int) -> None:
        row = node.row
        if row.kind == ProvisionKind.ARTICLE:
            self.article(node, level)
        elif row.kind in DIVISIONS:
            self.division(node, level)
        else:
            self.block(node, level)

    def division(self, node: ProvisionNode, level: int) -> None:
        row = node.row
        eid = escape(row.eid)
        h = min(level, 6)
        lines = _heading_lines(row)
        heading = "".join(
            f'<span class="lg-div-{"label" if i == 0 else "title"}">{escape(line)}</span>' for i, line in enumerate(lines)
        )
        self.out.append(
            f'<section class="lg-div lg-{row.kind}" id="{eid}" aria-labelledby="{eid}--h">'
            f'<h{h} class="lg-div-heading" id="{eid}--h">{heading}</h{h}>'
        )
        css = "lg-pre" if row.kind == ProvisionKind.APPENDIX else ""
        self.out.append(_paragraphs(row.text, css))
        self.nodes(node.children, level + 1)
        self.out.append("</section>")

    def article(self, node: ProvisionNode, level: int) -> None:
        row = node.row
        self.articles += 1
        eid = escape(row.eid)
        h = min(level, 6)
        number = escape(f"{ProvisionKind.ARTICLE.label} {row.number}.")
        title = f' <span class="lg-article-title">{escape(row.title)}</span>' if row.title else ""
        self.out.append(
            f'<article class="lg-article" id="{eid}" aria-labelledby="{eid}--h">'
            f'<h{h} class="lg-article-heading" id="{eid}--h"><a class="lg-self" href="#{eid}">{number}</a>{title}</h{h}>'
        )
        self.out.append(_article_bar(eid, f"{ProvisionKind.ARTICLE.label} {row.number}"))
        self.out.append(_paragraphs(row.text))
        self.nodes(node.children, level + 1)
        self.out.append("</article>")

    def list_item(self, node: ProvisionNode, level: int) -> None:
        row = node.row
        eid = escape(row.eid)
        lines = [line for line in row.text.split("\n") if line.strip()]
        first = escape(lines[0]) if lines else ""
        label = escape(_label(row))
        name = escape(eid_label(row.eid))
        self.out.append(
            f'<li class="lg-{row.kind}" id="{eid}"><p><a class="lg-self lg-num" href="#{eid}" '
            f'aria-label="{name}">{label}</a> {first}</p>'
        )
        self.out.append("".join(f"<p>{escape(line)}</p>" for line in lines[1:]))
        self.nodes(node.children, level)
        self.out.append("</li>")

    def block(self, node: ProvisionNode, level: int) -> None:
        """Preamble, closing block, text without articles: kept whole, nothing lost."""
        row = node.row
        eid = escape(row.eid)
        self.out.append(f'<section class="lg-block lg-{row.kind}" id="{eid}">')
        if row.source_heading:
            self.out.append(_paragraphs(row.source_heading, "lg-block-heading"))
        self.out.append(_paragraphs(row.text))
        self.nodes(node.children, level)
        self.out.append("</section>")


TOC_TEXT_LIMIT = 110


def _short(text: str) -> str:
    """TOC entries stay on a few lines: a sentence-long title is cut at a word boundary."""
    if len(text) <= TOC_TEXT_LIMIT:
        return text
    return text[:TOC_TEXT_LIMIT].rsplit(" ", 1)[0].rstrip(",;:") + "…"


def _toc(nodes: list[ProvisionNode], out: list[str]) -> None:
    entries = [node for node in nodes if node.row.kind in DIVISIONS or node.row.kind == ProvisionKind.ARTICLE]
    if not entries:
        return
    out.append('<ol role="list">')
    for node in entries:
        row = node.row
        if row.kind == ProvisionKind.ARTICLE:
            text = f"{ProvisionKind.ARTICLE.label} {row.number}. {row.title}".strip()
            out.append(f'<li class="toc-article"><a href="#{escape(row.eid)}">{escape(_short(text))}</a></li>')
            continue
        text = _short(" – ".join(_heading_lines(row)[:2]))
        out.append(f'<li class="toc-{row.kind}"><a href="#{escape(row.eid)}">{escape(text)}</a>')
        _toc(node.children, out)
        out.append("</li>")
    out.append("</ol>")


def render_rows(rows: list[Provision]) -> RenderedText:
    """Render provision rows (document order) to body and table-of-contents HTML."""
    tree = build_tree(rows)
    renderer = _Renderer()
    renderer.nodes(tree, FIRST_HEADING_LEVEL)
    toc: list[str] = []
    _toc(tree, toc)
    return RenderedText(body=mark_safe("".join(renderer.out)), toc=mark_safe("".join(toc)), article_count=renderer.articles)


def render_unit(version: DocumentVersion, eid: str) -> RenderedText | None:
    """One provision (an article, a chapter) with everything under it, for its own print view."""
    rows = version_provisions(version.pk)
    target = next((row for row in rows if row.eid == eid), None)
    if target is None:
        return None
    kept = {target.pk}
    for row in rows:  # document order: a parent always comes before its children
        if row.parent_id in kept:
            kept.add(row.pk)
    target.parent_id = None
    return render_rows([row for row in rows if row.pk in kept])


def _cache_key(version: DocumentVersion) -> str:
    # A re-parse of the same text deletes and recreates the rows: the newest id and the count
    # change, so a stale fragment is never served (one cheap aggregate per page view).
    stamp = Provision.objects.filter(version_id=version.pk).aggregate(last=Max("id"), n=Count("id"))
    return f"legal:text:{MARKUP_VERSION}:{version.pk}:{version.content_hash[:16]}:{stamp['last']}:{stamp['n']}"


# The texts this process showed lately, unpacked: a key names one exact text (version, content,
# provision rows), so a kept text is never stale, and a busy code page skips the shared cache's
# ~130 KB read and the unpacking of ~1 MB (several milliseconds) on every view.
RECENT_TEXTS_MAX_CHARS = 32_000_000
_recent_texts: OrderedDict[str, RenderedText] = OrderedDict()


def _remember_text(key: str, text: RenderedText) -> RenderedText:
    _recent_texts[key] = text
    _recent_texts.move_to_end(key)
    while sum(len(kept.body) for kept in _recent_texts.values()) > RECENT_TEXTS_MAX_CHARS and len(_recent_texts) > 1:
        _recent_texts.popitem(last=False)
    return text


def rendered_text(version: DocumentVersion) -> RenderedText:
    """The version's HTML, from this process's memory or the shared cache when possible."""
    key = _cache_key(version)
    recent = _recent_texts.get(key)
    if recent is not None:
        return recent
    cached = cache.get(key)
    if cached is not None:
        body, toc, count = cached
        return _remember_text(key, RenderedText(body=mark_safe(_unpack(body)), toc=mark_safe(_unpack(toc)),
                                                article_count=count))
    result = render_rows(version_provisions(version.pk))
    cache.set(key, (_pack(result.body), _pack(result.toc), result.article_count), CACHE_SECONDS)
    return _remember_text(key, result)


# A code's HTML is about 1 MB and compresses about tenfold: compressed entries keep a per-process
# memory cache (or Redis) small, for a few milliseconds of decompression per view.
def _pack(html: str) -> bytes:
    return zlib.compress(html.encode("utf-8"), 3)


def _unpack(data: bytes) -> str:
    return zlib.decompress(data).decode("utf-8")


def annotate(body: str, notes: dict[str, list[str]]) -> SafeString:
    """Insert notes (already escaped HTML) under the heading or first paragraph of provisions.

    Notes come from relations, which change without a new version, so they are added to the
    cached text per request rather than cached with it. Unknown eids are ignored.
    """
    for eid, items in notes.items():
        start = body.find(f' id="{escape(eid)}"')
        if start < 0:
            continue
        ends = [i for i in (body.find("</p>", start), body.find("</h", start)) if i >= 0]
        if not ends:
            continue
        cut = body.find(">", min(ends) + 2) + 1
        html = "".join(f'<p class="lg-note" role="note">{item}</p>' for item in items)
        body = body[:cut] + html + body[cut:]
    return mark_safe(body)
