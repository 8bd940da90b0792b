"""Public pages of the legal registry (mounted at /van-ban/)."""

from .document import document_detail, document_json
from .listing import document_index, document_list

__all__ = ["document_detail", "document_index", "document_json", "document_list"]
