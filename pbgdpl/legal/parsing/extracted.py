"""What text extraction returns, shared by the readers of each file type."""

from __future__ import annotations

from dataclasses import dataclass, field


class ExtractionError(ValueError):
    """The file cannot be read at all; the message (Vietnamese) is meant for the editor."""


@dataclass
class Extracted:
    """Text taken from a file and how it was obtained.

    ``method`` is "txt", "docx", "pdf" or "ocr". ``needs_review`` is True when an editor must check
    the text against the original (OCR, or no text could be read).
    """

    text: str
    method: str
    needs_review: bool = False
    warnings: list[str] = field(default_factory=list)
