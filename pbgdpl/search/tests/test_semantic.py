"""The semantic signal: vectors queued by the indexer, computed by the worker, fused with the
lexical ranking for the top candidates only (decision 0005)."""

from __future__ import annotations

import numpy as np
import pytest
from django.db import transaction

from pbgdpl.search import engine
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
