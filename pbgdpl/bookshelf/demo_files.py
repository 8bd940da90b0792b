"""Demo files made on this machine, without the internet: handbooks (EPUB, DOCX) built from the demo
legal registry's laws, and sample audio read by espeak-ng. Files are cached under
``VAR_DIR/demo-cache/bookshelf`` so a second ``bootstrap`` does not make them again."""

from __future__ import annotations

import gzip
import html
import json
import re
import subprocess
import tempfile
from pathlib import Path

from django.apps import apps
from django.conf import settings

ARTICLE = re.compile(r"^Điều (\d+)\.\s*(.*)$")


def cache_dir() -> Path:
    path = Path(settings.VAR_DIR) / "demo-cache" / "bookshelf"
    path.mkdir(parents=True, exist_ok=True)
    return path


def law_articles(number: str) -> tuple[str, list[tuple[int, str, list[str]]]]:
    """(title, [(article number, heading, paragraphs)]) of one law in legal/demo_data/laws.jsonl.gz."""
    source = Path(apps.get_app_config("legal").path) / "demo_data" / "laws.jsonl.gz"
    with gzip.open(source, "rt", encoding="utf-8") as handle:
        for line in handle:
            row = json.loads(line)
            if row.get("number") == number:
                break
        else:
            raise LookupError(f"{number} is not in the demo legal registry")
    articles: list[tuple[int, str, list[str]]] = []
    for text_line in row["text"].splitlines():
        match = ARTICLE.match(text_line.strip())
        if match:
            articles.append((int(match.group(1)), match.group(2), []))
        elif articles and text_line.strip():
            articles[-1][2].append(text_line.strip())
    return row["title"], articles


def _chapters(spec: dict) -> list[tuple[str, str, list[tuple[int, str, list[str]]]]]:
    _title, articles = law_articles(spec["law"])
    articles = articles[: spec["max_articles"]]
    size = spec["articles_per_chapter"]
    chapters = []
    for index in range(0, len(articles), size):
        group = articles[index:index + size]
        name = f"Điều {group[0][0]} đến Điều {group[-1][0]}"
        chapters.append((f"Chương {index // size + 1}", name, group))
    return chapters


def make_epub(spec: dict) -> Path:
    from ebooklib import epub

    target = cache_dir() / f"{spec['slug']}.epub"
    if target.exists():
        return target
    book = epub.EpubBook()
    book.set_identifier(f"pbgdpl-{spec['slug']}")
    book.set_title(spec["title"])
    book.set_language("vi")
    book.add_author(spec["author"])
    items = []
    for number, (label, name, group) in enumerate(_chapters(spec), 1):
        body = "".join(
            f"<h2>Điều {n}. {html.escape(heading)}</h2>" + "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
            for n, heading, paragraphs in group)
        item = epub.EpubHtml(title=f"{label}: {name}", file_name=f"chuong-{number}.xhtml", lang="vi")
        item.content = f"<html><body><h1>{label}: {html.escape(name)}</h1>{body}</body></html>"
        book.add_item(item)
        items.append(item)
    book.toc = items
    book.spine = items
    book.add_item(epub.EpubNcx())
    book.add_item(epub.EpubNav())
    epub.write_epub(str(target), book)
    return target


def make_docx(spec: dict) -> Path:
    from docx import Document

    target = cache_dir() / f"{spec['slug']}.docx"
    if target.exists():
        return target
    document = Document()
    document.add_heading(spec["title"], level=0)
    document.add_paragraph(spec["description"])
    for label, name, group in _chapters(spec):
        document.add_heading(label, level=1)
        document.add_paragraph(name.upper())
        for number, heading, paragraphs in group:
            document.add_heading(f"Điều {number}. {heading}", level=2)
            for paragraph in paragraphs:
                document.add_paragraph(paragraph)
    document.save(str(target))
    return target


def speak(name: str, text: str) -> Path:
    """An MP3 of ``text`` read by espeak-ng's Vietnamese voice (mono, 32 kbit/s)."""
    target = cache_dir() / f"{name}.mp3"
    if target.exists():
        return target
    with tempfile.TemporaryDirectory() as tmp:
        wav = Path(tmp) / "speech.wav"
        subprocess.run(["espeak-ng", "-v", "vi", "-s", "150", "-w", str(wav), text], check=True, timeout=120)
        subprocess.run(["ffmpeg", "-v", "error", "-y", "-i", str(wav), "-ac", "1", "-ar", "22050", "-b:a", "32k",
                        str(target)], check=True, timeout=120)
    return target


def audiobook_text(law: str, numbers: list[int]) -> str:
    _title, articles = law_articles(law)
    wanted = [a for a in articles if a[0] in numbers]
    return "\n".join(f"Điều {n}. {heading}\n" + "\n".join(paragraphs) for n, heading, paragraphs in wanted)
