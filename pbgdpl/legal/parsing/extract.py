"""Text extraction from legal document files (placeholder until the full implementation lands)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


class ExtractionError(ValueError):
    """The file cannot be read at all (unsupported type, corrupt file); message in Vietnamese."""


@dataclass
class Extracted:
    text: str
    method: str
    needs_review: bool = False
    warnings: list[str] = field(default_factory=list)


def extract_text(path: Path) -> Extracted:
    path = Path(path)
    return Extracted(text=path.read_text(encoding="utf-8"), method="txt")
