"""Illustrations for the demo content, drawn locally with Pillow (the demo has no internet)."""

from __future__ import annotations

import functools
import io
import math
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont, ImageOps

WIDTH, HEIGHT = 1200, 675

# (dark, light, accent) per colour scheme
SCHEMES = {
    "blue": ("#072a5e", "#2f6fc4", "#f6c945"),
    "red": ("#7d1712", "#c8402f", "#f6c945"),
    "gold": ("#6b4400", "#d29a1e", "#ffffff"),
    "green": ("#0f4424", "#2f8a52", "#f6c945"),
}


def _font(size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    try:
        import fontpkg_be_vietnam_pro

        path = Path(fontpkg_be_vietnam_pro.__file__).parent / "files" / "BeVietnamPro-SemiBold.ttf"
        return ImageFont.truetype(str(path), size)
    except (ImportError, OSError):
        return ImageFont.load_default(size)


def _motif(draw: ImageDraw.ImageDraw, motif: str, accent: str) -> None:
    """A simple pictogram on the right half, so images differ at a glance."""
    cx, cy, r = 900, 300, 150
    line = {"fill": None, "outline": accent, "width": 10}
    if motif == "star":
        points = []
        for i in range(10):
            radius = r if i % 2 == 0 else r * 0.42
            angle = -math.pi / 2 + i * math.pi / 5
            points.append((cx + radius * math.cos(angle), cy + radius * math.sin(angle)))
        draw.polygon(points, fill=accent)
    elif motif == "hands":
        draw.ellipse((cx - r, cy - r, cx + r, cy + r), **line)
        draw.rounded_rectangle((cx - 120, cy - 20, cx + 120, cy + 40), radius=30, fill=accent)
    elif motif == "podium":
        draw.rectangle((cx - 150, cy + 20, cx - 50, cy + 150), fill=accent)
        draw.rectangle((cx - 50, cy - 60, cx + 50, cy + 150), fill=accent)
        draw.rectangle((cx + 50, cy + 60, cx + 150, cy + 150), fill=accent)
    elif motif == "book":
        draw.polygon([(cx - 160, cy - 90), (cx, cy - 60), (cx, cy + 120), (cx - 160, cy + 90)], fill=accent)
        draw.polygon([(cx + 160, cy - 90), (cx + 8, cy - 60), (cx + 8, cy + 120), (cx + 160, cy + 90)], fill=accent)
    elif motif == "road":
        draw.polygon([(cx - 40, cy - 150), (cx + 40, cy - 150), (cx + 170, cy + 150), (cx - 170, cy + 150)], fill=accent)
        for step in range(4):
            y = cy - 120 + step * 70
            draw.rectangle((cx - 6, y, cx + 6, y + 40), fill="#333333")
    elif motif == "field":
        for step in range(5):
            y = cy - 100 + step * 50
            draw.line((cx - 180, y + 40, cx + 180, y - 40), fill=accent, width=12)
    elif motif == "home":
        draw.polygon([(cx - 150, cy), (cx, cy - 140), (cx + 150, cy)], fill=accent)
        draw.rectangle((cx - 110, cy, cx + 110, cy + 140), **line)
    elif motif == "gear":
        draw.ellipse((cx - r, cy - r, cx + r, cy + r), outline=accent, width=40)
        draw.ellipse((cx - 40, cy - 40, cx + 40, cy + 40), fill=accent)
    elif motif == "screen":
        draw.rounded_rectangle((cx - 180, cy - 110, cx + 180, cy + 100), radius=16, **line)
        draw.rectangle((cx - 60, cy + 110, cx + 60, cy + 130), fill=accent)
    else:
        draw.ellipse((cx - r, cy - r, cx + r, cy + r), fill=accent)


def _wrap(draw: ImageDraw.ImageDraw, text: str, font, max_width: int) -> list[str]:
    lines: list[str] = []
    current = ""
    for word in text.split():
        candidate = f"{current} {word}".strip()
        if draw.textlength(candidate, font=font) <= max_width or not current:
            current = candidate
        else:
            lines.append(current)
            current = word
    if current:
        lines.append(current)
    return lines


@functools.lru_cache(maxsize=32)  # a test session seeds several times; the pictures never change
def render_illustration(
    title: str, scheme: str, motif: str, credit: str = "Sở Tư pháp tỉnh Hưng Yên · Ảnh minh họa"
) -> bytes:
    """A 1200×675 JPEG: a gradient, a pictogram and the title; a few milliseconds each."""
    dark, light, accent = SCHEMES.get(scheme, SCHEMES["blue"])
    # Dark on the left where the white title sits (contrast), lighter towards the pictogram.
    gradient = Image.linear_gradient("L").rotate(90).resize((WIDTH, HEIGHT))
    image = ImageOps.colorize(gradient, black=dark, white=light).convert("RGB")
    draw = ImageDraw.Draw(image)
    _motif(draw, motif, accent)
    draw.rectangle((0, HEIGHT - 18, WIDTH, HEIGHT), fill=accent)
    font = _font(64)
    y = 380 - 40 * len(_wrap(draw, title, font, 620))
    for line in _wrap(draw, title, font, 620):
        draw.text((70, y), line, font=font, fill="#ffffff")
        y += 80
    if credit:
        draw.text((70, HEIGHT - 90), credit, font=_font(28), fill="#ffffff")
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=82, optimize=True)
    return buffer.getvalue()
