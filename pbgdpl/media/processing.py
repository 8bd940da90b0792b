"""Turning an uploaded file into what the public pages show (run by the worker, see tasks.py).

A material becomes a PDF (LibreOffice headless for DOCX/PPTX), a JPEG of its first page (pdftoppm)
and its text (the legal registry's extractor, which OCRs a scan with tesseract). A video gets a poster,
its duration and an H.264/AAC MP4 for phones (core.av). Each step raises :class:`ProcessingError`
with a Vietnamese message for the editor; the caller stores it and keeps the item off the site.
"""

from __future__ import annotations

import logging
import subprocess
import tempfile
from pathlib import Path

from django.core.files import File

from pbgdpl.core import av

log = logging.getLogger(__name__)
CONVERT_TIMEOUT_SECONDS = 180
PREVIEW_WIDTH = 600


class ProcessingError(ValueError):
    """The file could not be made public; the message (Vietnamese) is shown to the editor."""


def to_pdf(source: Path, workdir: Path) -> Path:
    """The PDF of an office file (or the file itself when it is a PDF)."""
    if source.suffix.lower() == ".pdf":
        return source
    command = ["soffice", "--headless", "--norestore", f"-env:UserInstallation=file://{workdir / 'lo-profile'}",
               "--convert-to", "pdf", "--outdir", str(workdir), str(source)]
    try:
        subprocess.run(command, capture_output=True, timeout=CONVERT_TIMEOUT_SECONDS, check=False)
    except (OSError, subprocess.TimeoutExpired) as exc:
        log.warning("LibreOffice failed on %s: %s", source, exc)
        raise ProcessingError("Không chuyển được tệp sang PDF (LibreOffice không chạy được).") from exc
    target = workdir / f"{source.stem}.pdf"
    if not target.exists() or target.stat().st_size == 0:
        raise ProcessingError(f"Không chuyển được tệp “{source.name}” sang PDF: tệp có thể bị hỏng.")
    return target


def first_page_preview(pdf: Path, workdir: Path) -> Path:
    """A JPEG of the first page, PREVIEW_WIDTH pixels wide."""
    stem = workdir / "preview"
    command = ["pdftoppm", "-f", "1", "-l", "1", "-singlefile", "-jpeg", "-jpegopt", "quality=75",
               "-scale-to-x", str(PREVIEW_WIDTH), "-scale-to-y", "-1", str(pdf), str(stem)]
    try:
        subprocess.run(command, capture_output=True, timeout=CONVERT_TIMEOUT_SECONDS, check=False)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise ProcessingError("Không tạo được ảnh trang đầu (pdftoppm không chạy được).") from exc
    target = stem.with_suffix(".jpg")
    if not target.exists():
        raise ProcessingError("Không đọc được trang đầu của tệp PDF: tệp có thể bị hỏng.")
    return target


MATERIAL_FIELDS = ["pdf", "preview", "page_count", "text", "text_needs_review"]
VIDEO_FIELDS = ["caption_text", "duration_seconds", "poster", "mp4"]


def process_material(material) -> list[str]:
    """Fill the material's PDF, preview, page count and text from its file; return the fields set."""
    from pypdf import PdfReader

    from pbgdpl.legal.parsing.extract import ExtractionError, extract_text

    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        source = workdir / Path(material.file.name).name
        with material.file.open("rb") as handle, source.open("wb") as copy:
            copy.write(handle.read())
        pdf = to_pdf(source, workdir)
        try:
            page_count = len(PdfReader(str(pdf)).pages)
        except Exception as exc:  # pypdf raises many types on broken files
            raise ProcessingError(f"Tệp “{source.name}” không phải PDF hợp lệ hoặc đã bị hỏng.") from exc
        preview = first_page_preview(pdf, workdir)
        try:
            extracted = extract_text(pdf)
        except ExtractionError as exc:
            raise ProcessingError(str(exc)) from exc
        material.page_count = page_count
        material.text = extracted.text
        material.text_needs_review = extracted.needs_review or not extracted.text.strip()
        with preview.open("rb") as handle:
            material.preview.save("trang-dau.jpg", File(handle), save=False)
        if pdf != source:
            with pdf.open("rb") as handle:
                material.pdf.save(f"{source.stem}.pdf", File(handle), save=False)
        else:
            material.pdf = material.file.name
    return MATERIAL_FIELDS


def process_video(video) -> list[str]:
    """Poster, duration and the phone MP4 of an uploaded video; caption words for search."""
    from pbgdpl.core.uploads import caption_text

    if video.captions:
        with video.captions.open("rb") as handle:
            video.caption_text = caption_text(handle.read().decode("utf-8-sig", errors="replace"))
    else:
        video.caption_text = ""
    if not video.original:
        return ["caption_text"]
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        source = workdir / Path(video.original.name).name
        with video.original.open("rb") as handle, source.open("wb") as copy:
            copy.write(handle.read())
        try:
            info = av.probe(source)
            if not info.has_video:
                raise ProcessingError("Tệp không có hình: hãy tải lên một video MP4 hoặc WebM.")
            poster = workdir / "poster.jpg"
            av.poster(source, poster, at_seconds=min(1.0, info.duration_seconds / 2))
            phone = workdir / "video.mp4"
            av.transcode_for_phones(source, phone)
        except av.MediaFileError as exc:
            log.warning("Video %s could not be processed: %s", video.pk, exc)
            raise ProcessingError("Không đọc được video: tệp bị hỏng hoặc không phải MP4/WebM.") from exc
        video.duration_seconds = round(info.duration_seconds)
        with poster.open("rb") as handle:
            video.poster.save("anh-dai-dien.jpg", File(handle), save=False)
        with phone.open("rb") as handle:
            video.mp4.save("video.mp4", File(handle), save=False)
    return VIDEO_FIELDS
