"""Importers of legal documents from JSON Lines and CSV (with DOCX/PDF/TXT files beside them)."""

from .runner import ImportReport, Rejection, import_documents

__all__ = ["ImportReport", "Rejection", "import_documents"]
