"""Server-rendered SVG bar charts (no JavaScript). Each chart is drawn from the same rows that the
template shows as its data table, so a screen reader gets the table and the chart is marked as
decoration of it (``aria-hidden``)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

from .numbers import vn_number


@dataclass(frozen=True)
class Bar:
    label: str
    value: Decimal | None
    previous: Decimal | None = None


WIDTH = 640
BAR = 18
GAP = 10
LABEL_WIDTH = 210


def bar_chart(bars: list[Bar], *, title: str) -> SafeString:
    """Horizontal bars, one row per item; a thin grey bar under each shows the previous period."""
    values = [b.value or 0 for b in bars] + [b.previous or 0 for b in bars]
    top = max(values, default=0) or 1
    scale = (WIDTH - LABEL_WIDTH - 80) / float(top)
    row = BAR + GAP
    height = max(row * len(bars) + GAP, 40)
    rows = []
    for index, bar in enumerate(bars):
        y = GAP + index * row
        current = float(bar.value or 0) * scale
        previous = float(bar.previous or 0) * scale
        label = bar.label if len(bar.label) <= 30 else bar.label[:29] + "…"
        rows.append((f"{y + BAR * 0.7:.1f}", label, LABEL_WIDTH, y, f"{current:.1f}", BAR - 6, LABEL_WIDTH,
                     y + BAR - 5, f"{previous:.1f}", f"{LABEL_WIDTH + current + 6:.1f}", f"{y + BAR * 0.7:.1f}",
                     vn_number(bar.value)))
    body = format_html_join(
        "",
        '<text x="0" y="{}" class="rp-label">{}</text>'
        '<rect x="{}" y="{}" width="{}" height="{}" class="rp-bar"/>'
        '<rect x="{}" y="{}" width="{}" height="4" class="rp-prev"/>'
        '<text x="{}" y="{}" class="rp-value">{}</text>',
        rows,
    )
    return format_html(
        '<svg class="rp-chart" viewBox="0 0 {} {}" role="img" aria-hidden="true" focusable="false" '
        'preserveAspectRatio="xMinYMin meet"><title>{}</title>{}</svg>',
        WIDTH, height, title, body,
    )
