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
        assert {"queries", "n", "ndcg@10", "mrr@10", "r@10", "r@100", "p50_ms", "p95_ms"} <= set(row)
        assert row["n"] == 3
        # Invented questions whose answers are obvious: the pipeline must get them.
        assert row["mrr@10"] >= 66


def test_metrics():
    from pbgdpl.search.evaluation import ndcg_at

    assert ndcg_at(["a", "b"], {"a": 1}) == 1.0
    assert ndcg_at(["b", "a"], {"a": 1}) == pytest.approx(1 / 1.5849625)
    assert ndcg_at(["a", "b"], {"a": 1, "b": 2}) < 1.0
