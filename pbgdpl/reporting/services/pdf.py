"""PDF of a spreadsheet, made by LibreOffice headless from the very XLSX the officials download.

One layout for both files: the PDF is the workbook printed (landscape, fitted to the page width),
so what is pasted into the report and what is filed as a PDF cannot drift apart. Each conversion
gets a fresh LibreOffice profile in a temporary directory, so concurrent requests (and parallel
test runs) never share a profile lock, and runs under a timeout so a stuck office process cannot
hold a worker.
"""

from __future__ import annotations

import logging
import shutil
import subprocess
import tempfile
from pathlib import Path

log = logging.getLogger(__name__)

TIMEOUT_SECONDS = 60


class PdfUnavailable(Exception):
    """LibreOffice is missing, failed or timed out; logged here, the user gets a plain message."""


def xlsx_to_pdf(data: bytes, *, timeout: float = TIMEOUT_SECONDS) -> bytes:
    """The PDF LibreOffice prints from the workbook ``data``."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        log.error("PDF export: LibreOffice (soffice) is not installed")
        raise PdfUnavailable("soffice missing")
    with tempfile.TemporaryDirectory(prefix="pbgdpl-pdf-") as folder:
        work = Path(folder)
        source = work / "bang.xlsx"
        source.write_bytes(data)
        command = [soffice, "--headless", "--norestore", f"-env:UserInstallation={(work / 'profile').as_uri()}",
                   "--convert-to", "pdf", "--outdir", str(work), str(source)]
        try:
            done = subprocess.run(command, capture_output=True, timeout=timeout, check=False)
        except subprocess.TimeoutExpired as exc:
            log.error("PDF export: LibreOffice took over %s s", timeout)
            raise PdfUnavailable("timeout") from exc
        target = work / "bang.pdf"
        if done.returncode != 0 or not target.exists():
            log.error("PDF export: LibreOffice failed (%s): %s", done.returncode, done.stderr[-500:])
            raise PdfUnavailable("conversion failed")
        return target.read_bytes()
