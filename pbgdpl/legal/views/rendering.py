"""A version's provision tree as semantic HTML and as a table of contents.

Built in Python from the rows of ONE query (``selectors.version_provisions``) and cached per
version: a version's text never changes, and a re-parse replaces its provision rows (new ids),
which changes the cache key. String building instead of nested template includes keeps a
689-article code well inside the page's time budget even when the cache is cold.

Anchors are the parser's eids: ``id="dieu-5"``, ``id="dieu-5-khoan-1"``,
``id="dieu-5-khoan-1-diem-a"``; every article, clause and point label links to itself.
A long text is also cut into pages (``parts.py``) while it is rendered.
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
from . import parts

# Bump when the markup below changes, so cached fragments of the old shape are not served.
MARKUP_VERSION = 6
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
    """The HTML of one version: its body, its table of contents, how many articles it has and,
    for a long text, the same body cut into pages (empty when it is shown whole)."""

    body: SafeString
    toc: SafeString
    article_count: int
    pages: tuple[parts.TextPage, ...] = ()


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
        self.size = 0  # characters emitted so far
        self.open: list[parts.OpenDivision] = []  # divisions and blocks open at this point
        self.in_list = 0  # inside a clause or point list: the text cannot be cut there
        self.cuts: list[parts.Cut] = []
        self.marks: list[parts.Mark] = []

    def emit(self, html: str) -> None:
        self.out.append(html)
        self.size += len(html)

    def may_cut(self, eid: str, *, division: bool, article_label: str = "") -> None:
        self.marks.append(parts.Mark(size=self.size, eid=eid, article_label=article_label))
        if not self.in_list:
            self.cuts.append(parts.Cut(index=len(self.out), size=self.size, open=tuple(self.open), division=division))

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
        self.emit(f'<ol class="{css}" role="list">')
        self.in_list += 1
        for node in listed:
            self.list_item(node, level)
        self.in_list -= 1
        self.emit("</ol>")

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
        self.may_cut(row.eid, division=True)
        self.emit(
            f'<section class="lg-div lg-{row.kind}" id="{eid}" aria-labelledby="{eid}--h">'
            f'<h{h} class="lg-div-heading" id="{eid}--h">{heading}</h{h}>'
        )
        css = "lg-pre" if row.kind == ProvisionKind.APPENDIX else ""
        self.emit(_paragraphs(row.text, css))
        self.open.append(parts.OpenDivision(css=f"lg-div lg-{row.kind}", label=" – ".join(lines[:2])))
        self.nodes(node.children, level + 1)
        self.open.pop()
        self.emit("</section>")

    def article(self, node: ProvisionNode, level: int) -> None:
        row = node.row
        self.articles += 1
        eid = escape(row.eid)
        h = min(level, 6)
        number = escape(f"{ProvisionKind.ARTICLE.label} {row.number}.")
        title = f' <span class="lg-article-title">{escape(row.title)}</span>' if row.title else ""
        name = f"{ProvisionKind.ARTICLE.label} {row.number}"
        self.may_cut(row.eid, division=False, article_label=name)
        self.emit(
            f'<article class="lg-article" id="{eid}" aria-labelledby="{eid}--h">'
            f'<h{h} class="lg-article-heading" id="{eid}--h"><a class="lg-self" href="#{eid}">{number}</a>{title}</h{h}>'
        )
        self.emit(_article_bar(eid, name))
        self.emit(_paragraphs(row.text))
        self.nodes(node.children, level + 1)
        self.emit("</article>")

    def list_item(self, node: ProvisionNode, level: int) -> None:
        row = node.row
        eid = escape(row.eid)
        lines = [line for line in row.text.split("\n") if line.strip()]
        first = escape(lines[0]) if lines else ""
        label = escape(_label(row))
        name = escape(eid_label(row.eid))
        self.emit(
            f'<li class="lg-{row.kind}" id="{eid}"><p><a class="lg-self lg-num" href="#{eid}" '
            f'aria-label="{name}">{label}</a> {first}</p>'
        )
        self.emit("".join(f"<p>{escape(line)}</p>" for line in lines[1:]))
        self.nodes(node.children, level)
        self.emit("</li>")

    def block(self, node: ProvisionNode, level: int) -> None:
        """Preamble, closing block, text without articles: kept whole, nothing lost."""
        row = node.row
        eid = escape(row.eid)
        self.may_cut(row.eid, division=True)
        self.emit(f'<section class="lg-block lg-{row.kind}" id="{eid}">')
        if row.source_heading:
            self.emit(_paragraphs(row.source_heading, "lg-block-heading"))
        self.emit(_paragraphs(row.text))
        self.open.append(parts.OpenDivision(css=f"lg-block lg-{row.kind}", label=""))
        self.nodes(node.children, level)
        self.open.pop()
        self.emit("</section>")


TOC_TEXT_LIMIT = 110


def _short(text: str) -> str:
    """TOC entries stay on a few lines: a sentence-long title is cut at a word boundary."""
    if len(text) <= TOC_TEXT_LIMIT:
        return text
    return text[:TOC_TEXT_LIMIT].rsplit(" ", 1)[0].rstrip(",;:") + "…"


def _toc(nodes: list[ProvisionNode], out: list[str], page_of: dict[str, int] | None) -> None:
    """The contents; on a text in pages every entry also carries its provision's id and page
    (``parts.toc_for_page``)."""
    entries = [node for node in nodes if node.row.kind in DIVISIONS or node.row.kind == ProvisionKind.ARTICLE]
    if not entries:
        return
    out.append('<ol role="list">')
    for node in entries:
        row = node.row
        eid = escape(row.eid)
        href = escape(parts.toc_href(row.eid, page_of))
        anchor = f' id="{eid}" data-trang="{page_of.get(row.eid, 1)}"' if page_of is not None else ""
        if row.kind == ProvisionKind.ARTICLE:
            text = f"{ProvisionKind.ARTICLE.label} {row.number}. {row.title}".strip()
            out.append(f'<li class="toc-article"{anchor}><a href="{href}">{escape(_short(text))}</a></li>')
            continue
        text = _short(" – ".join(_heading_lines(row)[:2]))
        out.append(f'<li class="toc-{row.kind}"{anchor}><a href="{href}">{escape(text)}</a>')
        _toc(node.children, out, page_of)
        out.append("</li>")
    out.append("</ol>")


def render_rows(rows: list[Provision], *, in_pages: bool = True) -> RenderedText:
    """Render provision rows (document order) to body and table-of-contents HTML; a long text
    is also cut into pages unless ``in_pages`` is false (one article or chapter printed alone)."""
    tree = build_tree(rows)
    renderer = _Renderer()
    renderer.nodes(tree, FIRST_HEADING_LEVEL)
    chosen = parts.choose_cuts(renderer.cuts, renderer.size, parts.page_chars()) if in_pages else []
    pages, page_of = parts.build_pages(renderer.out, chosen, renderer.marks) if chosen else ([], None)
    toc: list[str] = []
    _toc(tree, toc, page_of)
    return RenderedText(body=mark_safe("".join(renderer.out)), toc=mark_safe("".join(toc)),
                        article_count=renderer.articles, pages=tuple(pages))


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
    return render_rows([row for row in rows if row.pk in kept], in_pages=False)


def _cache_key(version: DocumentVersion) -> str:
    # A re-parse of the same text deletes and recreates the rows: the newest id and the count
    # change, so a stale fragment is never served (one cheap aggregate per page view).
    stamp = Provision.objects.filter(version_id=version.pk).aggregate(last=Max("id"), n=Count("id"))
    return (f"legal:text:{MARKUP_VERSION}:{parts.page_chars()}:{version.pk}:{version.content_hash[:16]}:"
            f"{stamp['last']}:{stamp['n']}")


# The texts this process showed lately, unpacked: a key names one exact text (version, content,
# provision rows), so a kept text is never stale, and a busy code page skips the shared cache's
# ~130 KB read and the unpacking of ~1 MB (several milliseconds) on every view.
RECENT_TEXTS_MAX_CHARS = 32_000_000
_recent_texts: OrderedDict[str, RenderedText] = OrderedDict()


def _remember_text(key: str, text: RenderedText) -> RenderedText:
    _recent_texts[key] = text
    _recent_texts.move_to_end(key)
    while sum(_chars(kept) for kept in _recent_texts.values()) > RECENT_TEXTS_MAX_CHARS and len(_recent_texts) > 1:
        _recent_texts.popitem(last=False)
    return text


def _chars(text: RenderedText) -> int:
    return len(text.body) + len(text.toc) + sum(len(page.body) for page in text.pages)


def rendered_text(version: DocumentVersion) -> RenderedText:
    """The version's HTML, from this process's memory or the shared cache when possible."""
    key = _cache_key(version)
    recent = _recent_texts.get(key)
    if recent is not None:
        return recent
    cached = cache.get(key)
    if cached is not None:
        body, toc, count, pages = cached
        pages = tuple(parts.TextPage(number=number, body=mark_safe(_unpack(packed)), first=first, last=last)
                      for number, packed, first, last in pages)
        return _remember_text(key, RenderedText(body=mark_safe(_unpack(body)), toc=mark_safe(_unpack(toc)),
                                                article_count=count, pages=pages))
    result = render_rows(version_provisions(version.pk))
    pages = [(page.number, _pack(page.body), page.first, page.last) for page in result.pages]
    cache.set(key, (_pack(result.body), _pack(result.toc), result.article_count, pages), CACHE_SECONDS)
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
