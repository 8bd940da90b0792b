"""Cached search pages follow the index: a newly indexed document shows at once."""

from __future__ import annotations

from pbgdpl.legal.tests.factories import LegalDocumentFactory
from pbgdpl.search import index as index_mod
from pbgdpl.search.indexer import apply_outbox

TEXT = "Điều 1. Phạm vi điều chỉnh\nQuy định về quản lý chim yến trên địa bàn tỉnh."


def test_indexing_a_new_document_purges_cached_searches_but_not_other_pages(
        db, settings, tmp_path, page_cache, django_capture_on_commit_callbacks):
    settings.SEARCH_INDEX_DIR = tmp_path / "search"
    index_mod.readers.reset()
    with django_capture_on_commit_callbacks(execute=True):
        first = LegalDocumentFactory(number="5/2026/QĐ-UBND", title="Quyết định về chim yến", doc_type="Quyết định",
                                     issuer="uy-ban-nhan-dan-tinh", text=TEXT)
    apply_outbox()
    urls = ["/tim-kiem/?q=chim+y%E1%BA%BFn", first.get_absolute_url()]

    def index_another():
        second = LegalDocumentFactory(number="6/2026/QĐ-UBND", title="Quyết định sửa đổi về chim yến",
                                      doc_type="Quyết định", issuer="uy-ban-nhan-dan-tinh", text=TEXT)
        apply_outbox()
        return second

    purged = page_cache.purged_by(index_another, urls)
    assert urls[0] in purged
    assert first.get_absolute_url() not in purged
    assert "Quyết định sửa đổi về chim yến" in page_cache.get(urls[0]).content.decode()
    index_mod.readers.reset()
