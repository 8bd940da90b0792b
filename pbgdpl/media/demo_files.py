"""Demo files made on this machine (no downloads): PDFs with fpdf2, a DOCX with python-docx,
short videos from Pillow slides with ffmpeg, WebVTT captions, infographics with Pillow.

Everything lands in ``VAR_DIR/demo-media/`` and is reused when present, so a second bootstrap
costs nothing.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

from django.conf import settings
from PIL import Image, ImageDraw, ImageFont

FONT_CANDIDATES = ("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
                   "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf")
BOLD_CANDIDATES = ("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
                   "/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf")
SLIDE_SECONDS = 2
BLUE, WHITE, INK = (29, 79, 145), (255, 255, 255), (20, 20, 20)


def cache_dir() -> Path:
    folder = Path(settings.VAR_DIR) / "demo-media"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _font_path(bold: bool = False) -> str:
    for candidate in BOLD_CANDIDATES if bold else FONT_CANDIDATES:
        if Path(candidate).exists():
            return candidate
    raise FileNotFoundError("no TrueType font with Vietnamese letters (install fonts-dejavu-core)")


def _font(size: int, bold: bool = False):
    return ImageFont.truetype(_font_path(bold), size)


def _wrap(draw, text: str, font, width: int) -> list[str]:
    lines, line = [], ""
    for word in text.split():
        candidate = f"{line} {word}".strip()
        if draw.textlength(candidate, font=font) <= width:
            line = candidate
        else:
            lines.append(line)
            line = word
    return [*lines, line] if line else lines


def material_file(folder: Path, index: int, item: dict) -> Path:
    target = folder / f"tai-lieu-{index}.{item['format']}"
    if target.exists():
        return target
    if item["format"] == "docx":
        from docx import Document

        document = Document()
        document.add_heading(item["title"], level=1)
        document.add_paragraph(f"{item['issuer']} — {item['year']}")
        for paragraph in item["body"]:
            document.add_paragraph(paragraph)
        document.save(str(target))
        return target
    from fpdf import FPDF

    pdf = FPDF(format=(148, 210))  # A5 in millimetres
    pdf.add_font("body", "", _font_path())
    pdf.add_font("body", "B", _font_path(bold=True))
    pdf.add_page()
    pdf.set_fill_color(*BLUE)
    pdf.rect(0, 0, 148, 30, style="F")
    pdf.set_text_color(*WHITE)
    pdf.set_font("body", "B", 15)
    pdf.set_xy(10, 6)
    pdf.multi_cell(128, 7, item["title"])
    pdf.set_text_color(*INK)
    pdf.set_font("body", "", 11)
    pdf.set_xy(10, 38)
    for paragraph in item["body"]:
        pdf.multi_cell(128, 6, paragraph)
        pdf.ln(3)
    pdf.set_font("body", "", 9)
    pdf.multi_cell(128, 5, f"{item['issuer']} — {item['year']}")
    pdf.output(str(target))
    return target


def _slide(text: str, path: Path, first: bool) -> None:
    image = Image.new("RGB", (640, 360), BLUE if first else WHITE)
    draw = ImageDraw.Draw(image)
    font = _font(34 if first else 28, bold=first)
    lines = _wrap(draw, text, font, 560)
    y = (360 - len(lines) * 44) // 2
    for line in lines:
        draw.text((40, y), line, font=font, fill=WHITE if first else INK)
        y += 44
    image.save(path)


def _vtt(captions: list[str]) -> str:
    cues = [f"{i + 1}\n00:{i * SLIDE_SECONDS:02d}.000 --> 00:{(i + 1) * SLIDE_SECONDS:02d}.000\n{text}"
            for i, text in enumerate(captions)]
    return "WEBVTT\n\n" + "\n\n".join(cues) + "\n"


def video_files(folder: Path, index: int, item: dict) -> tuple[Path, Path]:
    movie, captions = folder / f"video-{index}.mp4", folder / f"video-{index}.vtt"
    captions.write_text(_vtt(item["captions"]), encoding="utf-8")
    if movie.exists():
        return movie, captions
    slides = []
    for number, text in enumerate(item["slides"]):
        path = folder / f"video-{index}-slide-{number}.png"
        _slide(text, path, first=number == 0)
        slides.append(path)
    inputs = [arg for path in slides for arg in ("-loop", "1", "-t", str(SLIDE_SECONDS), "-i", str(path))]
    count = len(slides)
    graph = "".join(f"[{i}:v]" for i in range(count)) + f"concat=n={count}:v=1:a=0,format=yuv420p[v]"
    subprocess.run(["ffmpeg", "-nostdin", "-loglevel", "error", "-y", *inputs,
                    "-f", "lavfi", "-t", str(count * SLIDE_SECONDS), "-i", "sine=frequency=220:sample_rate=22050",
                    "-filter_complex", graph, "-map", "[v]", "-map", f"{count}:a", "-r", "12",
                    "-c:v", "libx264", "-preset", "ultrafast", "-c:a", "aac", "-shortest", str(movie)],
                   check=True, capture_output=True, timeout=120)
    for path in slides:
        path.unlink()
    return movie, captions


def infographic_file(folder: Path, index: int, item: dict) -> Path:
    target = folder / f"infographic-{index}.png"
    if target.exists():
        return target
    width, height = 1200, 1600
    image = Image.new("RGB", (width, height), WHITE)
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 0, width, 260), fill=BLUE)
    title_font, body_font = _font(60, bold=True), _font(44)
    y = 60
    for line in _wrap(draw, item["title"], title_font, width - 120):
        draw.text((60, y), line, font=title_font, fill=WHITE)
        y += 76
    y = 340
    for number, text in enumerate(item["lines"], 1):
        draw.ellipse((60, y, 150, y + 90), fill=BLUE)
        draw.text((92, y + 16), str(number), font=body_font, fill=WHITE)
        for line in _wrap(draw, text.lstrip("0123456789. "), body_font, width - 260):
            draw.text((190, y + 18), line, font=body_font, fill=INK)
            y += 60
        y += 90
    image.save(target, optimize=True)
    return target
