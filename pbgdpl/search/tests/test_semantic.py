"""The semantic signal: vectors queued by the indexer, computed by the worker, fused with the
lexical ranking for the top candidates only (decision 0005)."""

from __future__ import annotations

import numpy as np
import pytest
from django.db import transaction

from pbgdpl.search import engine
from pbgdpl.search.query import ParsedQuery
from pbgdpl.search.retrieval import EntryScore
from pbgdpl.search.semantic import fusion
from pbgdpl.search.semantic.signal import site_store
from pbgdpl.search.semantic.store import VectorStore
from pbgdpl.search.services import mark_changed
from pbgdpl.search.tasks import embed_pending_task

from .engine_fixtures import law_entries
from .test_indexing import STORE, site_index  # noqa: F401 (fixture)


def _unit(*values: float) -> np.ndarray:
    vector = np.array(values, dtype=np.float32)
    return vector / np.linalg.norm(vector)


def test_a_candidate_close_in_meaning_overtakes_lexical_neighbours_and_the_tail_keeps_its_place(monkeypatch):
    monkeypatch.setattr(fusion, "CANDIDATES", 4)
    ranked = [EntryScore(gid=i, first_position=i, aid=100 + i, whole=score) for i, score in enumerate([10.0, 9.0, 8.5, 8.0])]
    tail = [EntryScore(gid=99, first_position=4 + i, aid=900 + i, whole=1.0 - i / 10) for i in range(5)]
    query = _unit(1, 0)
    vectors = {100: _unit(0, 1), 101: _unit(0.2, 1), 102: _unit(1, 0.05), 900: _unit(1, 0)}  # 103 not embedded yet
    fused = fusion.rerank(ranked + tail, query, vectors)
    assert fused[0].aid == 102  # the meaning match climbs over two lexically better entries
    assert {e.aid for e in fused[:4]} == {100, 101, 102, 103}
    assert fused[4:] == tail  # below the candidates nothing moves, however close in meaning
    # Scores stay on the lexical scale (the answer card compares them).
    assert all(7.0 <= e.score <= 11.0 for e in fused[:4])


def test_an_unchanged_text_is_never_embedded_twice(tmp_path):
    store = VectorStore(tmp_path / "vectors.sqlite3")
    store.record([(1, "Điều 1. Phạm vi điều chỉnh"), (2 ** 63 + 5, "Điều 2. Đối tượng áp dụng")])
    assert store.pending_count() == 2
    hashes = [h for h, _ in store.pending(10)]
    store.put(hashes, np.eye(2, 384, dtype=np.float32))
    store.record([(3, "Điều 1. Phạm vi điều chỉnh")])  # the same text under another entry (a rebuild, a copy)
    assert store.pending_count() == 0
    assert set(store.vectors_for([1, 2 ** 63 + 5, 3, 4])) == {1, 2 ** 63 + 5, 3}


@pytest.mark.django_db(transaction=True)
def test_publishing_queues_vectors_the_worker_computes_and_search_fuses_them(site_index, settings):  # noqa: F811
    settings.SEARCH_SEMANTIC = True
    STORE["1"] = law_entries()
    with transaction.atomic():
        mark_changed("tests.Fake", 1)
    store = site_store()
    assert store.pending_count() == len(law_entries())  # publishing did not wait for the model
    assert embed_pending_task.call() == len(law_entries())
    assert store.pending_count() == 0

    page = engine.search("mẹ sinh em bé được nghỉ làm mấy tháng", grouped=False, with_facets=False)
    assert page.error is None and page.hits[0].key == "legal:1#dieu-139"
    settings.SEARCH_SEMANTIC = False
    lexical = engine.search("mẹ sinh em bé được nghỉ làm mấy tháng", grouped=False, with_facets=False)
    assert [h.score for h in page.hits] != [h.score for h in lexical.hits]  # the fusion did change the scores



def _ranking(scores: list[float]) -> list[EntryScore]:
    return [EntryScore(gid=i, first_position=i, aid=100 + i, whole=score) for i, score in enumerate(scores)]


def _leading(margin: float) -> list[EntryScore]:
    """A ranking whose top hit leads the second by about ``margin`` standard deviations."""
    tail = [5.0 - i / 10 for i in range(20)]
    for lead in np.arange(0.0, 50.0, 0.01):
        ranked = _ranking([tail[0] + lead, *tail])
        if fusion.lexical_margin(ranked) >= margin:
            return ranked
    raise AssertionError("no such ranking")


def test_the_dense_weight_drops_when_the_lexical_top_hit_leads_clearly():
    pq = ParsedQuery(text="người lao động nghỉ thai sản bao nhiêu tháng")
    assert fusion.dense_weight(_leading(fusion.CONFIDENT_MARGIN / 2), pq) == fusion.DENSE_WEIGHT
    assert fusion.dense_weight(_leading(fusion.CONFIDENT_MARGIN + 0.5), pq) == fusion.CONFIDENT_WEIGHT < fusion.DENSE_WEIGHT


def test_a_top_hit_both_signals_agree_on_keeps_first_place_one_they_disagree_on_does_not(monkeypatch):
    monkeypatch.setattr(fusion, "CANDIDATES", 8)
    query = _unit(1, 0)
    # The second entry is the closest in meaning; the lexical top hit is close too, or not.
    others = {101: _unit(1, 0)} | {aid: _unit(0, 1) for aid in range(102, 108)}
    scores = [10.0, 9.8, 6.0, 5.9, 5.8, 5.7, 5.6, 5.5]
    agreed = fusion.rerank(_ranking(scores), query, {100: _unit(1, 0.33), **others})
    disputed = fusion.rerank(_ranking(scores), query, {100: _unit(0, 1), **others})
    assert [e.aid for e in agreed[:2]] == [100, 101]
    assert [e.aid for e in disputed[:2]] == [101, 100]


def test_a_query_naming_a_provision_or_document_number_is_answered_lexically_without_the_model(monkeypatch):
    from pbgdpl.search.semantic import model, signal

    monkeypatch.setattr(model, "enabled", lambda: True)
    monkeypatch.setattr(model, "embed_query", lambda text: pytest.fail("the query was embedded"))
    close = _leading(0.0)
    for pq in (ParsedQuery(text="điều 35 blds", provision_ref={"article": "35"}),
               ParsedQuery(text="91/2015/QH13", doc_number="91/2015/QH13")):
        assert fusion.dense_weight(close, pq) == 0
        assert signal.fuse(list(close), pq, handle=None, searcher=None, dictionary=None) == close


def test_while_a_candidate_has_no_vector_yet_the_ranking_stays_lexical(monkeypatch):
    from pbgdpl.search.semantic import model, signal

    monkeypatch.setattr(fusion, "CANDIDATES", 4)
    monkeypatch.setattr(model, "enabled", lambda: True)
    monkeypatch.setattr(model, "embed_query", lambda text: _unit(1, 0))
    monkeypatch.setattr(signal, "query_text", lambda *args: "câu hỏi")
    ranked = [EntryScore(gid=i, first_position=i, aid=100 + i, whole=score) for i, score in enumerate([10.0, 9.9, 9.8, 9.7])]

    class Store:  # the last candidate (the closest in meaning) was published a moment ago
        def __init__(self, missing):
            self.missing = missing

        def vectors_for(self, aids):
            return {aid: _unit(1, 0) if aid == 103 else _unit(0, 1) for aid in aids if aid not in self.missing}

    pq = ParsedQuery(text="câu hỏi")
    monkeypatch.setattr(signal, "store_for", lambda handle: Store(missing={103}))
    assert signal.fuse(list(ranked), pq, handle=None, searcher=None, dictionary=None) == ranked
    monkeypatch.setattr(signal, "store_for", lambda handle: Store(missing=set()))
    assert signal.fuse(list(ranked), pq, handle=None, searcher=None, dictionary=None)[0].aid == 103


def test_a_long_question_reaches_the_model_cut_at_a_word_within_the_token_budget(settings):
    from pbgdpl.search.semantic import model

    settings.SEARCH_SEMANTIC = True
    question = ("Người lao động đã làm việc liên tục cho doanh nghiệp được mười hai năm, nay công ty "
                "cho nghỉ việc vì lý do cơ cấu lại thì có được trợ cấp mất việc làm không và mức trợ cấp là bao nhiêu")
    settings.SEARCH_SEMANTIC_QUERY_TOKENS = 16
    cut = model.capped(question)
    assert question.startswith(cut) and question[len(cut)] == " "
    following = question[len(cut):].split()[0]
    # The longest run of whole words within the budget: one more word would exceed it.
    assert model._model().token_count(cut, True) <= 16 < model._model().token_count(f"{cut} {following}", True)
    assert model.capped("nghỉ thai sản mấy tháng") == "nghỉ thai sản mấy tháng"  # short questions untouched
    settings.SEARCH_SEMANTIC_QUERY_TOKENS = 0
    assert model.capped(question) == question


def test_a_long_question_typed_without_diacritics_reaches_the_model_whole(tmp_path, settings):
    """The restorer gives the suggestion line only its first 20 words; the model must read the
    whole question (its end is often what is asked), bounded by the token cap alone."""
    from pbgdpl.search.dictionary import Dictionary
    from pbgdpl.search.index import IndexHandle
    from pbgdpl.search.indexer import build_temporary
    from pbgdpl.search.semantic import signal
    from pbgdpl.search.understanding import understand

    settings.SEARCH_SEMANTIC_QUERY_TOKENS = 0
    build_temporary(tmp_path / "ix", law_entries())
    handle = IndexHandle.open(tmp_path / "ix")
    searcher = handle.searcher()
    question = ("nguoi lao dong lam viec cho doanh nghiep da lau nam nay muon don phuong cham dut hop dong "
                "lao dong thi co phai bao truoc cho nguoi su dung lao dong khong va neu khong duoc tra du luong thi sao")
    assert len(question.split()) > 30
    text = signal.query_text(understand(question, handle, searcher, Dictionary()), handle, searcher, Dictionary())
    assert len(text.split()) == len(question.split())
    assert text.split()[-6:-3] == ["được", "trả", "đủ"] and text.split()[-1] == "sao"
