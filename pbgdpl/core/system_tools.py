"""Programs and files a feature needs from the machine, with the Debian package that brings each.

``scripts/system-packages.sh`` installs them all (``make run`` and ``.ci/run`` call it); this module
lets the Python side say clearly what is missing instead of failing with a traceback, e.g. a demo
loader registered with ``requires=(FFMPEG,)`` is skipped with a one-line reason.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

INSTALL_HINT = "install them with scripts/system-packages.sh (make run does), then run bootstrap again"


@dataclass(frozen=True)
class SystemTool:
    """Present when every program is on PATH and every file exists."""

    name: str
    package: str
    programs: tuple[str, ...] = ()
    files: tuple[str, ...] = ()

    def present(self) -> bool:
        return (all(shutil.which(program) for program in self.programs)
                and all(Path(file).exists() for file in self.files))

    def __str__(self) -> str:
        return f"{self.name} (Debian package {self.package})"


FFMPEG = SystemTool("ffmpeg", "ffmpeg", programs=("ffmpeg", "ffprobe"))
LIBREOFFICE = SystemTool("LibreOffice", "libreoffice-writer-nogui", programs=("soffice",))
POPPLER = SystemTool("pdftoppm", "poppler-utils", programs=("pdftoppm",))
DEJAVU_FONT = SystemTool("the DejaVu font", "fonts-dejavu-core",
                         files=("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
                                "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"))


def missing(tools: tuple[SystemTool, ...]) -> list[SystemTool]:
    """The tools of ``tools`` this machine lacks, in their order."""
    return [tool for tool in tools if not tool.present()]
