"""Uploads checked by their real content, not only their file name.

Wired through ``WAGTAILDOCS_DOCUMENT_FORM_BASE``: every document form in the admin (upload, edit,
multiple upload, chooser) validates the file here, and the public Q&A form checks attachments with
the same :func:`validate_document`. The first bytes must match the extension (PDF, OLE2 for
.doc/.xls, a real ZIP for .docx/.xlsx/.odt/.ods/.zip with the parts an office file has, UTF-8 text for
.txt/.csv, an image Pillow can read for .jpg/.png), and active content (HTML, SVG, scripts,
executables) is refused whatever its name. Size is capped by ``DOCUMENT_MAX_UPLOAD_BYTES`` (or the
caller's limit) and a ZIP may not inflate to more than ``ZIP_INFLATE_FACTOR`` times that. Wagtail
images are decoded by Wagtail/Pillow already and SVG is not an allowed image extension.

Videos (:func:`validate_video`) are judged by their first bytes and by what ffprobe finds, which must
match the extension (the original is served under it, with its type); captions
(:func:`validate_webvtt`) must be real WebVTT text.
"""

from __future__ import annotations

import re
import tempfile
import zipfile
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from PIL import Image
from wagtail.documents.forms import BaseDocumentForm

OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP = b"PK\x03\x04"
EXECUTABLE_MAGIC = (b"MZ", b"\x7fELF", b"\xfe\xed\xfa", b"\xcf\xfa\xed\xfe", b"#!")
ACTIVE_TEXT_MARKERS = (b"<html", b"<!doctype", b"<script", b"<svg", b"<?xml", b"<iframe", b"<object", b"<body")
ZIP_BASED = {"docx", "xlsx", "pptx", "odt", "ods", "zip", "epub"}
# The part without which an office file does not open; a renamed ZIP lacks it.
ZIP_REQUIRED_PARTS = {"docx": "word/document.xml", "xlsx": "xl/workbook.xml", "pptx": "ppt/presentation.xml",
                      "odt": "mimetype", "ods": "mimetype", "epub": "META-INF/container.xml"}
# A compressed office file is rarely more than a few times its size once inflated; a bomb is thousands.
ZIP_INFLATE_FACTOR = 20
IMAGE_FORMATS = {"jpg": "JPEG", "jpeg": "JPEG", "png": "PNG"}
ZIP_FORBIDDEN_SUFFIXES = (".exe", ".dll", ".bat", ".cmd", ".com", ".js", ".vbs", ".ps1", ".sh", ".scr", ".msi",
                          ".jar", ".html", ".htm", ".svg", ".hta")
# An EPUB's chapters are (X)HTML by definition; the bookshelf sanitises them before showing any.
ZIP_ALLOWED_MARKUP = {"epub": (".html", ".htm", ".svg")}


def _max_bytes() -> int:
    return int(getattr(settings, "DOCUMENT_MAX_UPLOAD_BYTES", 50 * 1024 * 1024))


def file_types(extensions: tuple[str, ...]) -> str:
    """"PDF, JPG, PNG hoặc DOCX" for ("pdf", "jpg", "jpeg", "png", "docx")."""
    names = list(dict.fromkeys("JPG" if extension == "jpeg" else extension.upper() for extension in extensions))
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} hoặc {names[-1]}"


def validate_document(upload, *, max_bytes: int | None = None, extensions: tuple[str, ...] | None = None) -> None:
    """Raise ``ValidationError`` (Vietnamese message) unless ``upload`` is what its extension says,
    and, when ``extensions`` is given, one of those (the form's accepted types, named in the message).

    ``max_bytes`` defaults to ``DOCUMENT_MAX_UPLOAD_BYTES``; a ZIP-based file may inflate to
    ``ZIP_INFLATE_FACTOR`` times it.
    """
    limit = max_bytes or _max_bytes()
    name = (getattr(upload, "name", "") or "").lower()
    extension = name.rsplit(".", 1)[-1] if "." in name else ""
    if extensions is not None and extension not in extensions:
        raise ValidationError(_("Chỉ nhận tệp %(types)s.") % {"types": file_types(extensions)})
    if upload.size > limit:
        raise ValidationError(_("Tệp quá lớn (tối đa %(mb)d MB).") % {"mb": limit // (1024 * 1024)})
    upload.seek(0)
    head = upload.read(4096)
    upload.seek(0)
    lowered = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    # An EPUB may store its XML parts uncompressed, so "<?xml" shows in its first bytes: the archive's
    # parts are checked by _zip_is_safe and the bookshelf sanitises every chapter instead.
    markup_allowed = extension in ZIP_ALLOWED_MARKUP and head.startswith(ZIP)
    if head.startswith(EXECUTABLE_MAGIC) or (
            not markup_allowed and any(marker in lowered[:1024] for marker in ACTIVE_TEXT_MARKERS)):
        raise ValidationError(_("Tệp chứa nội dung thực thi (chương trình, HTML, SVG, mã lệnh): không được phép tải lên."))
    if extension == "pdf":
        ok = head.lstrip()[:5] == b"%PDF-"
    elif extension in ("doc", "xls"):
        ok = head.startswith(OLE2)
    elif extension in ZIP_BASED:
        ok = head.startswith(ZIP) and _zip_is_safe(upload, extension, ZIP_INFLATE_FACTOR * limit)
    elif extension in IMAGE_FORMATS:
        ok = _image_is(upload, IMAGE_FORMATS[extension])
    elif extension in ("txt", "csv"):
        ok = b"\x00" not in head and _is_text(head)
    else:
        ok = False
    if not ok:
        raise ValidationError(
            _("Nội dung tệp không khớp với phần mở rộng .%(ext)s (tệp hỏng hoặc bị đổi tên).") % {"ext": extension})


def _is_text(head: bytes) -> bool:
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as exc:
        return exc.start >= len(head) - 3  # cut in the middle of a character at the 4096-byte boundary
    return True


def _zip_is_safe(upload, extension: str, max_inflated: int) -> bool:
    """A readable archive with the parts its kind needs, no dangerous or escaping entry names, and
    no more than ``max_inflated`` bytes once inflated (counted while inflating: headers can lie)."""
    try:
        with zipfile.ZipFile(upload) as archive:
            names = archive.namelist()
            forbidden = tuple(s for s in ZIP_FORBIDDEN_SUFFIXES if s not in ZIP_ALLOWED_MARKUP.get(extension, ()))
            if any(n.lower().endswith(forbidden) or n.startswith("/") or ".." in n for n in names):
                return False
            required = ZIP_REQUIRED_PARTS.get(extension)
            if required and required not in names:
                return False
            if sum(info.file_size for info in archive.infolist()) > max_inflated:
                return False
            return _inflated_size(archive, max_inflated) <= max_inflated
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, OSError, ValueError, EOFError):
        return False
    finally:
        upload.seek(0)


def _inflated_size(archive: zipfile.ZipFile, limit: int) -> int:
    """Bytes the entries really inflate to, stopping as soon as ``limit`` is passed."""
    total = 0
    for info in archive.infolist():
        with archive.open(info) as entry:
            while chunk := entry.read(1024 * 1024):
                total += len(chunk)
                if total > limit:
                    return total
    return total


def _image_is(upload, image_format: str) -> bool:
    """Pillow reads the file as ``image_format`` (a decompression bomb is refused by Pillow)."""
    try:
        with Image.open(upload) as image:
            found = image.format
            image.verify()
    except (OSError, SyntaxError, ValueError, Image.DecompressionBombError):
        return False
    finally:
        upload.seek(0)
    return found == image_format


class SafeDocumentForm(BaseDocumentForm):
    """Wagtail's document form plus :func:`validate_document`."""

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if upload and hasattr(upload, "read") and getattr(upload, "_committed", False) is False:
            validate_document(upload)
        return upload


# -- video and captions ----------------------------------------------------------------------------

WEBM_MAGIC = b"\x1a\x45\xdf\xa3"
VTT_MAX_BYTES = 1024 * 1024
VTT_TIMING = re.compile(r"^(?:\d{2,}:)?\d{2}:\d{2}\.\d{3}\s+-->\s+(?:\d{2,}:)?\d{2}:\d{2}\.\d{3}", re.MULTILINE)


VIDEO_EXTENSIONS = ("mp4", "webm")
_VIDEO_FOUND = {"mp4": _("tệp là video MP4"), "webm": _("tệp là video WebM"),
                None: _("tệp không phải video MP4 hay WebM mà trình duyệt phát được")}


def sniff_video(head: bytes) -> str:
    """"mp4" or "webm" from the file's first bytes, "" for anything else."""
    if head[4:8] == b"ftyp":
        return "mp4"
    if head.startswith(WEBM_MAGIC):
        return "webm"
    return ""


def validate_video(upload, *, max_bytes: int | None = None) -> str:
    """Raise ``ValidationError`` unless ``upload`` is a readable MP4 or WebM video named for what it
    holds; return its kind.

    The limit defaults to ``VIDEO_MAX_UPLOAD_BYTES``. ffprobe reads a temporary copy: a file whose
    header says MP4 but holds no playable picture (cut short, renamed audio) is refused here, and so
    is one whose content is not what its extension says (an MP4 named .webm, an MKV named .webm): the
    original is offered for download under that extension and type.
    """
    from .av import MediaFileError, probe, video_format

    limit = max_bytes or int(getattr(settings, "VIDEO_MAX_UPLOAD_BYTES", 500 * 1024 * 1024))
    if upload.size > limit:
        raise ValidationError(_("Video quá lớn (tối đa %(mb)d MB).") % {"mb": limit // (1024 * 1024)})
    extension = upload.name.rsplit(".", 1)[-1].lower() if "." in upload.name else ""
    if extension not in VIDEO_EXTENSIONS:
        raise ValidationError(_("Chỉ nhận tệp video .mp4 hoặc .webm."))
    upload.seek(0)
    kind = sniff_video(upload.read(64))
    upload.seek(0)
    if not kind:
        raise ValidationError(_("Tệp không phải video MP4 hoặc WebM (nội dung tệp được kiểm tra, không dựa vào tên)."))
    with tempfile.NamedTemporaryFile(suffix=f".{kind}") as copy:
        for chunk in upload.chunks():
            copy.write(chunk)
        copy.flush()
        upload.seek(0)
        try:
            info = probe(Path(copy.name))
        except MediaFileError:
            info = None
    if info is None or not info.has_video or info.duration_seconds <= 0:
        raise ValidationError(_("Video bị hỏng hoặc không có hình: không đọc được tệp."))
    found = video_format(info)
    if found != extension:
        raise ValidationError(_(
            "Nội dung tệp không khớp với phần mở rộng .%(ext)s: %(found)s. Hãy tải lên đúng tệp hoặc đổi tên cho "
            "khớp với nội dung.") % {"ext": extension, "found": _VIDEO_FOUND.get(found, _VIDEO_FOUND[None])})
    return found


def validate_webvtt(upload) -> str:
    """Raise ``ValidationError`` unless ``upload`` is a WebVTT caption file; return its text."""
    if upload.size > VTT_MAX_BYTES:
        raise ValidationError(_("Tệp phụ đề quá lớn (tối đa 1 MB)."))
    upload.seek(0)
    raw = upload.read()
    upload.seek(0)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ValidationError(_("Tệp phụ đề phải là văn bản UTF-8 (WebVTT).")) from exc
    if not re.match(r"WEBVTT(?:[ \t\r\n]|$)", text) or not VTT_TIMING.search(text):
        raise ValidationError(_("Tệp phụ đề không đúng định dạng WebVTT: dòng đầu phải là “WEBVTT” và có ít nhất một "
                                "mốc thời gian “00:00.000 --> 00:02.000”."))
    if any(marker in text.lower() for marker in ("<script", "<iframe", "<html")):
        raise ValidationError(_("Tệp phụ đề chứa mã HTML: không được phép."))
    return text


def caption_text(vtt: str) -> str:
    """The words of a WebVTT file without its header, cue numbers, timings and tags (for search)."""
    lines = []
    for block in re.split(r"\r?\n\r?\n", vtt)[1:]:
        for line in block.splitlines():
            if "-->" in line or not line.strip() or line.strip().isdigit() or line.startswith(("NOTE", "STYLE")):
                continue
            lines.append(re.sub(r"<[^>]+>", "", line).strip())
    return "\n".join(lines)
