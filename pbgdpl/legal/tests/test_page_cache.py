"""Cached document pages and lists follow edits and validity changes at midnight, and only those."""

from __future__ import annotations

import datetime

from pbgdpl.legal.models import LegalDocument
from pbgdpl.legal.services import refresh_all_validity, save_document

from .factories import at

D = datetime.date


def test_editing_a_document_purges_its_page_and_the_lists_not_other_documents(make_document, page_cache):
    with at("2026-03-01"):
        edited = make_document("11/2025/QH15", title="Luật thử nghiệm A", issued_on=D(2025, 6, 1),
                               effective_from=D(2025, 7, 1))
        other = make_document("12/2025/QH15", title="Luật thử nghiệm B", issued_on=D(2025, 6, 1),
                              effective_from=D(2025, 7, 1))
        urls = [edited.get_absolute_url(), other.get_absolute_url(), "/van-ban/"]

        def retitle():
            document = LegalDocument.objects.get(pk=edited.pk)
            document.title = "Luật thử nghiệm A (sửa tên)"
            save_document(document)

        assert page_cache.purged_by(retitle, urls) == {edited.get_absolute_url(), "/van-ban/"}
        assert "Luật thử nghiệm A (sửa tên)" in page_cache.get(edited.get_absolute_url()).content.decode()


def test_validity_change_at_midnight_purges_the_documents_that_changed(make_document, page_cache):
    with at("2025-12-31"):
        starting = make_document("21/2025/QH15", title="Luật có hiệu lực từ năm mới", issued_on=D(2025, 6, 1),
                                 effective_from=D(2026, 1, 1))
        steady = make_document("22/2025/QH15", title="Luật đang có hiệu lực", issued_on=D(2025, 1, 1),
                               effective_from=D(2025, 3, 1))
        urls = [starting.get_absolute_url(), steady.get_absolute_url(), "/van-ban/"]
        # The daily job computing the statuses of 1 January (run at or after midnight).
        purged = page_cache.purged_by(lambda: refresh_all_validity(on=D(2026, 1, 1)), urls)
        assert purged == {starting.get_absolute_url(), "/van-ban/"}
    with at("2026-01-01"):
        # Pages kept from yesterday are not served today: lists "in force today" change with the date.
        assert page_cache.get(steady.get_absolute_url())["X-Page-Cache"] == "miss"
        assert "Còn hiệu lực" in page_cache.get(starting.get_absolute_url()).content.decode()


def test_unpublishing_a_document_removes_it_from_cached_lists(make_document, page_cache):
    with at("2026-03-01"):
        gone = make_document("31/2025/QH15", title="Luật sẽ gỡ xuống", issued_on=D(2025, 6, 1),
                             effective_from=D(2025, 7, 1))
        kept = make_document("32/2025/QH15", title="Luật vẫn đăng", issued_on=D(2025, 6, 1),
                             effective_from=D(2025, 7, 1))
        urls = [gone.get_absolute_url(), kept.get_absolute_url(), "/van-ban/"]
        purged = page_cache.purged_by(lambda: LegalDocument.objects.get(pk=gone.pk).unpublish(), urls)
        assert purged == {gone.get_absolute_url(), "/van-ban/"}
        assert page_cache.get(gone.get_absolute_url()).status_code == 404
        assert "Luật sẽ gỡ xuống" not in page_cache.get("/van-ban/").content.decode()


def test_publishing_an_amending_document_purges_the_amended_ones_page(make_document, page_cache):
    """The amended document's page shows the amendment (its note and relation) as soon as the
    amending document is published, for strangers and for the parts staff pages are built from."""
    from .factories import relation

    with at("2026-11-27"):
        amended = make_document("08/2025/NQ-HĐND", doc_type="Nghị quyết", issuer="hoi-dong-nhan-dan-tinh",
                                issued_on=D(2025, 7, 10), effective_from=D(2025, 7, 21), text=None)
        unrelated = make_document("09/2025/NQ-HĐND", doc_type="Nghị quyết", issuer="hoi-dong-nhan-dan-tinh",
                                  issued_on=D(2025, 7, 10), effective_from=D(2025, 7, 21), text=None)
        urls = [amended.get_absolute_url(), unrelated.get_absolute_url()]

        def publish_amendment():
            make_document("15/2026/NQ-HĐND", doc_type="Nghị quyết", issuer="hoi-dong-nhan-dan-tinh",
                          issued_on=D(2026, 7, 8), effective_from=D(2026, 7, 20), text=None,
                          relations=[relation("amends", amended)])

        assert page_cache.purged_by(publish_amendment, urls) == {amended.get_absolute_url()}
        assert "15/2026/NQ-HĐND" in page_cache.get(amended.get_absolute_url()).content.decode()
