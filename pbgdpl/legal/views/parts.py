"""Long texts in pages ("trang"): a code of 689 articles is about 1.2 MB of HTML (146 KB
compressed). A visitor who came for one article should not download and lay out all of it on a
phone, so a long current text is cut into pages of about ``LEGAL_PAGE_CHARS`` characters, at
the start of a division (Phần, Chương, Mục) where one falls near the budget, else between two
articles. Decision 0029.

The document's address shows the first page, the whole table of contents and one placeholder
per other page; ``?trang=N`` shows page N the same way, and ``?trang=N&noi-dung=1`` is page N's
text alone, which legal-pages.js loads into its placeholder as the reader scrolls to it, follows a
link of the table of contents or arrives with ``#dieu-N``. ``?toan-van=1`` is the whole text on
one page (to search it with the browser, or without JavaScript).

Cutting inside a division closes its ``<section>`` elements at the end of one page and opens
"continued" ones (no id, a "(tiếp theo)" label) at the start of the next, so every page is
well-formed HTML on its own and the pages placed one after another read as the whole text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import escape

from django.conf import settings
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from pbgdpl.core.numbers import parse_ascii_int

#: Texts up to twice this many characters are shown whole (most laws); a code is cut in ~10 pages.
DEFAULT_PAGE_CHARS = 120_000
#: A division starting after this fraction of the budget ends the page (chapters stay whole).
DIVISION_CUT_FRACTION = 0.6
#: A last page smaller than this fraction of the budget joins the one before.
SMALLEST_LAST_PAGE = 0.3


def page_chars() -> int:
    return int(getattr(settings, "LEGAL_PAGE_CHARS", DEFAULT_PAGE_CHARS))


@dataclass(frozen=True)
class OpenDivision:
    """A division open at a cut: how to reopen it on the next page."""

    css: str  # "lg-div lg-chapter" or "lg-block lg-preamble"
    label: str  # "Chương III – HỢP ĐỒNG", shown as "(tiếp theo)" at the top of the next page


@dataclass(frozen=True)
class Cut:
    """A place the text may be cut: before a division or an article, outside any list."""

    index: int  # position in the renderer's output list
    size: int  # characters emitted before it
    open: tuple[OpenDivision, ...]
    division: bool  # a division starts here (preferred place to cut)


@dataclass(frozen=True)
class Mark:
    """Where an article or a division starts, for the table of contents and the page labels."""

    size: int
    eid: str
    article_label: str  # "Điều 5" for articles, "" for divisions


@dataclass(frozen=True)
class TextPage:
    number: int
    body: SafeString
    first: str  # "Điều 1"
    last: str  # "Điều 57"


def choose_cuts(cuts: list[Cut], total: int, budget: int) -> list[Cut]:
    """Greedy: end a page at a division once it holds enough, or at an article once it is full."""
    if total <= 2 * budget:
        return []
    chosen: list[Cut] = []
    start = 0
    for cut in cuts:
        held = cut.size - start
        if held >= budget or (cut.division and held >= budget * DIVISION_CUT_FRACTION):
            chosen.append(cut)
            start = cut.size
    if chosen and total - chosen[-1].size < budget * SMALLEST_LAST_PAGE:
        chosen.pop()
    return chosen


def _reopen(open_divisions: tuple[OpenDivision, ...]) -> str:
    html = "".join(f'<section class="{division.css} lg-cont">' for division in open_divisions)
    if open_divisions and open_divisions[-1].label:
        label = escape(open_divisions[-1].label)
        html += f'<p class="lg-cont-label">{label} <span class="lg-muted">(tiếp theo)</span></p>'
    return html


def build_pages(out: list[str], chosen: list[Cut], marks: list[Mark]) -> tuple[list[TextPage], dict[str, int]]:
    """The pages' HTML, and the page number of every article and division (by eid)."""
    bounds = [0, *[cut.index for cut in chosen], len(out)]
    sizes = [0, *[cut.size for cut in chosen]]
    opens = [(), *[cut.open for cut in chosen], ()]
    pages: list[TextPage] = []
    page_of: dict[str, int] = {}
    for number in range(1, len(bounds)):
        start, end = bounds[number - 1], bounds[number]
        body = _reopen(opens[number - 1]) + "".join(out[start:end]) + "</section>" * len(opens[number])
        low = sizes[number - 1]
        high = sizes[number] if number < len(sizes) else float("inf")
        inside = [mark for mark in marks if low <= mark.size < high]
        for mark in inside:
            page_of[mark.eid] = number
        articles = [mark.article_label for mark in inside if mark.article_label]
        pages.append(TextPage(number=number, body=mark_safe(body),
                              first=articles[0] if articles else "", last=articles[-1] if articles else ""))
    return pages, page_of


def toc_href(eid: str, page_of: dict[str, int] | None) -> str:
    """A contents link: ``#eid`` on a text shown whole; on a text in pages, the address of the
    page holding it (relative, so it resolves on every page of the document)."""
    if page_of is None:
        return f"#{eid}"
    number = page_of.get(eid, 1)
    return f"./#{eid}" if number == 1 else f"./?trang={number}#{eid}"


_TOC_ID = re.compile(r' id="[^"]*"(?= data-trang="(\d+)")')


def toc_for_page(toc: str, number: int) -> SafeString:
    """The table of contents as page ``number`` shows it.

    On a text in pages, each entry of the contents carries its provision's id, so an address
    ending in ``#dieu-400`` still lands on something without JavaScript (the entry, whose link
    opens the right page). The entries of the page shown lose that id: the text holds it.
    """
    return mark_safe(_TOC_ID.sub(lambda match: "" if int(match.group(1)) == number else match.group(0), toc))


_TOC_PAGE_HREF = re.compile(r'href="\./(?:\?trang=\d+)?#')


def toc_whole(toc: str) -> SafeString:
    """The contents of a text in pages when it is shown whole (``?toan-van=1``): plain ``#eid``
    links, and no ids (the text holds them)."""
    return mark_safe(_TOC_PAGE_HREF.sub('href="#', _TOC_ID.sub("", toc)))


def read_page_number(raw: str, count: int, errors: list[str]) -> int:
    """``?trang=`` as a page of this text; anything else shows page 1 with a message."""
    raw = raw.strip()
    if not raw:
        return 1
    number = parse_ascii_int(raw, minimum=1, maximum=count)
    if number is None:
        errors.append(_("Văn bản này không có trang “%(value)s” (có %(count)s trang); đang hiển thị trang 1.")
                      % {"value": raw[:20], "count": count})
        return 1
    return number
