import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

TASK = Path(__file__).parent / "fixtures" / "tiny_task"


@pytest.mark.django_db
def test_search_eval_prints_one_json_line_per_query_file():
    out = StringIO()
    call_command("search_eval", str(TASK), "--json", stdout=out)
    rows = [json.loads(line) for line in out.getvalue().splitlines()]
    assert [r["queries"] for r in rows] == ["queries-khongdau.jsonl", "queries.jsonl"]
    for row in rows:
        assert {"queries", "n", "ndcg@10", "ndcg@10_page", "mrr@10", "r@10", "r@100", "p50_ms", "p95_ms"} <= set(row)
        assert row["n"] == 3
        # Invented questions whose answers are obvious: the pipeline must get them.
        assert row["mrr@10"] >= 66


def test_metrics():
    from pbgdpl.search.evaluation import ndcg_at

    assert ndcg_at(["a", "b"], {"a": 1}) == 1.0
    assert ndcg_at(["b", "a"], {"a": 1}) == pytest.approx(1 / 1.5849625)
    assert ndcg_at(["a", "b"], {"a": 1, "b": 2}) < 1.0


def test_displayed_hits_follow_the_page_and_count_an_entry_once():
    from pbgdpl.search.query import ParsedQuery
    from pbgdpl.search.results import ResultGroup, ResultHit, SearchPage

    def hit(key):
        return ResultHit(key=key, kind="provision", title=key, url="/" + key, snippet_html="", score=1.0)

    def group(key, *hits):
        return ResultGroup(key=key, title=key, url="/", doc_number="", kind="provision", date=None, facets={}, hits=list(hits), score=1.0)

    page = SearchPage(query=ParsedQuery(text="x"), groups=[group("A", hit("a1"), hit("a2")), group("B", hit("b1"))])
    page.answer = hit("a1")
    # The answer card first, then group A (its first hit already shown as the card), then B.
    assert [h.key for h in page.displayed_hits()] == ["a1", "a2", "b1"]


@pytest.mark.django_db
def test_search_eval_semantic_no_embed_measures_without_computing_the_corpus_vectors(settings, tmp_path):
    from pbgdpl.search.semantic.store import VectorStore

    settings.VAR_DIR = str(tmp_path)
    out = StringIO()
    call_command("search_eval", str(TASK), "--json", "--semantic", "--no-embed", stdout=out)
    rows = [json.loads(line) for line in out.getvalue().splitlines()]
    assert [r["queries"] for r in rows] == ["queries-khongdau.jsonl", "queries.jsonl"]
    assert all(r["semantic"] and r["n"] == 3 for r in rows)
    # The corpus was queued for the model, not embedded: the command did not wait for it.
    assert VectorStore(tmp_path / "eval-vectors.sqlite3").pending_count() > 0
