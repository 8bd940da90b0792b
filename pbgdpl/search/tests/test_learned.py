"""The learned re-ranker (decision 0005, fourth pass): associations learned from question → article
pairs, the candidates' features, training, re-ranking inside the engine, and the training command."""

from __future__ import annotations

import json
from io import StringIO
from pathlib import Path

import numpy as np
import pytest
from django.core.management import call_command
from django.db import transaction

from pbgdpl.search import engine
from pbgdpl.search.learned import associations, features, reranker
from pbgdpl.search.query import ParsedQuery
from pbgdpl.search.retrieval import EntryScore
from pbgdpl.search.services import mark_changed

from .engine_fixtures import law_entries
from .test_indexing import STORE, site_index  # noqa: F401 (fixture)

TASK = Path(__file__).parent / "fixtures" / "tiny_task"


def test_associations_need_two_questions_and_leave_identical_syllables_to_the_lexical_score(tmp_path):
    pairs = [(["vo", "bo", "nha"], ["ly", "hon"]), (["chong", "bo", "di"], ["ly", "hon"]),
             (["tien", "luong"], ["tra", "luong"]), (["mot", "lan"], ["thue", "nha"])]
    table = associations.learn(pairs)
    assert table["bo"]["ly"] > 0 and table["bo"]["hon"] > 0  # seen in two questions
    assert "vo" not in table  # "vợ" went with "ly hôn" once only: an accident, not an association
    assert "luong" not in table.get("luong", {})  # identical syllables are the lexical score's job
    assert associations.score(["bo", "vo"], {"ly", "hon", "tai", "san"}, table) > 0
    assert associations.score(["bo", "vo"], {"thue", "nha"}, table) == 0
    associations.save(table, tmp_path / "t.tsv")
    assert associations.load(tmp_path / "t.tsv") == table


def test_the_title_features_ignore_the_article_number_but_know_the_first_articles():
    assert features.title_info("Điều 3. Giải thích từ ngữ") == (frozenset({"giai", "thich", "tu", "ngu"}), 3)
    assert features.title_info("Điều 139. Nghỉ thai sản") == (frozenset({"nghi", "thai", "san"}), 139)
    top = [EntryScore(gid=1, first_position=0, aid=1, whole=2.0, passage=8.0),
           EntryScore(gid=2, first_position=1, aid=2, whole=0.0, passage=5.0)]
    infos = [features.title_info("Điều 3. Giải thích từ ngữ"), features.title_info("Điều 139. Nghỉ thai sản")]
    x = features.extract(["nghi", "thai", "san", "may"], top, infos, {})
    row = dict(zip(features.FEATURES, x[1], strict=True))
    assert row["title_cover"] == 0.75 and row["early_article"] == 0 and row["reciprocal_rank"] == 0.5
    assert dict(zip(features.FEATURES, x[0], strict=True))["early_article"] == 1


def _ranking(scores):
    return [EntryScore(gid=i, first_position=i, aid=100 + i, whole=s) for i, s in enumerate(scores)]


def test_training_learns_what_separates_the_relevant_candidate_and_re_ranking_applies_it(monkeypatch):
    # In every training question the relevant candidate is the one whose title covers the query,
    # wherever the lexical score put it.
    rng = np.random.default_rng(0)
    groups = []
    for _ in range(40):
        x = rng.normal(size=(10, len(features.FEATURES)))
        y = np.zeros(10)
        y[rng.integers(10)] = 1
        x[:, features.FEATURES.index("title_cover")] = y + rng.normal(scale=0.1, size=10)
        groups.append((x, y))
    model = reranker.train(groups, {})
    assert model.weights[features.FEATURES.index("title_cover")] > 1.0

    cover = features.FEATURES.index("title_cover")
    monkeypatch.setattr(features, "CANDIDATES", 4)
    monkeypatch.setattr(features, "title_infos", lambda handle, searcher, top: [(frozenset(), 0)] * len(top))
    monkeypatch.setattr(features, "extract", lambda q, top, infos, table: np.eye(len(top), len(features.FEATURES), k=cover - 2))
    ranked = _ranking([10.0, 9.0, 8.0, 7.0]) + _ranking([1.0])
    before = [e.score for e in ranked[:4]]
    out = reranker.rerank(list(ranked), ParsedQuery(text="q", tokens=["q"]), None, None, model)
    assert out[0].aid == 102  # the candidate whose title covers the query (row 2) is now first
    # The candidates keep the lexical scores' mean and spread (the answer card compares scores).
    after = [e.score for e in out[:4]]
    assert np.mean(after) == pytest.approx(np.mean(before)) and np.std(after) == pytest.approx(np.std(before))
    assert out[4] is ranked[4]
    named = ParsedQuery(text="điều 35", tokens=["dieu"], provision_ref={"article": "35"})
    assert reranker.rerank(list(ranked), named, None, None, model) == ranked


def test_a_model_trained_on_other_features_is_refused(tmp_path):
    model = reranker.Reranker(np.ones(len(features.FEATURES)), np.zeros(len(features.FEATURES)), np.ones(len(features.FEATURES)))
    model.save(tmp_path / "m.json")
    assert reranker.load(tmp_path / "m.json").weights.tolist() == model.weights.tolist()
    data = json.loads((tmp_path / "m.json").read_text())
    data["features"] = data["features"][:-1]
    (tmp_path / "m.json").write_text(json.dumps(data))
    with pytest.raises(ValueError):
        reranker.load(tmp_path / "m.json")


@pytest.mark.django_db(transaction=True)
def test_the_site_search_uses_the_model_named_by_the_setting(site_index, settings, tmp_path):  # noqa: F811
    STORE["1"] = law_entries()
    with transaction.atomic():
        mark_changed("tests.Fake", 1)
    query = "người lao động"
    lexical = [h.key for h in engine.search(query, grouped=False, with_facets=False).hits]
    assert lexical[0] != "legal:1#dieu-3" and "legal:1#dieu-3" in lexical
    # A model that only likes a law's first articles (scope, definitions) moves "Điều 3" up.
    weights = np.zeros(len(features.FEATURES))
    weights[features.FEATURES.index("early_article")] = 5.0
    reranker.Reranker(weights, np.zeros(len(weights)), np.ones(len(weights))).save(tmp_path / "model.json")
    settings.SEARCH_RERANKER = str(tmp_path / "model.json")
    learned = [h.key for h in engine.search(query, grouped=False, with_facets=False).hits]
    assert learned[0] == "legal:1#dieu-3" and sorted(learned) == sorted(lexical)
    page = engine.search(query, with_facets=False)
    assert page.error is None and page.displayed_hits()[0].key == learned[0]
    # A model file that cannot be read leaves the search lexical instead of failing it.
    settings.SEARCH_RERANKER = str(tmp_path / "missing.json")
    fallback = engine.search(query, grouped=False, with_facets=False)
    assert fallback.error is None and [h.key for h in fallback.hits] == lexical


@pytest.mark.django_db
def test_search_learn_cross_validates_and_writes_a_model_without_question_text(tmp_path):
    out = StringIO()
    call_command("search_learn", "--from", str(TASK), "--folds", "2", "--out", str(tmp_path / "m.json"), stdout=out)
    rows = [json.loads(line) for line in out.getvalue().splitlines()]
    cv = [r for r in rows if "queries" in r]
    assert {r["queries"] for r in cv} == {"queries.jsonl", "queries-khongdau.jsonl"}
    assert all({"lexical_ndcg@10", "learned_ndcg@10", "lexical_ndcg@10_page", "learned_ndcg@10_page"} <= set(r) for r in cv)
    model = reranker.load(tmp_path / "m.json")
    assert model.about["trained_on"] == ["tiny_task"]
    written = (tmp_path / "m.json").read_text() + (tmp_path / "m.associations.tsv").read_text()
    for line in (TASK / "queries.jsonl").read_text().splitlines():
        assert json.loads(line)["text"].lower() not in written.lower()


def test_expansion_adds_the_best_associated_title_syllables_the_query_lacks():
    from pbgdpl.search.learned import expansion

    table = {"bo": {"ly": 3.0, "hon": 2.5, "nha": 0.5}, "vo": {"hon": 2.9, "bo": 4.0}}
    assert expansion.terms(["bo", "vo"], table) == [("ly", 3.0), ("hon", 2.9)]  # "bo" is in the query already
    assert expansion.terms(["xe"], table) == []


@pytest.mark.django_db(transaction=True)
def test_the_site_search_expands_queries_with_the_table_named_by_the_setting(site_index, settings, tmp_path):  # noqa: F811
    STORE["1"] = law_entries()
    with transaction.atomic():
        mark_changed("tests.Fake", 1)
    query = "bố mẹ sinh em bé"
    before = engine.search(query, grouped=False, with_facets=False)
    associations.save({"sinh": {"thai": 5.0, "san": 4.0}}, tmp_path / "assoc.tsv")
    settings.SEARCH_ASSOCIATIONS = str(tmp_path / "assoc.tsv")
    after = engine.search(query, grouped=False, with_facets=False)
    assert [t for t, _ in after.query.learned_terms] == ["thai", "san"]
    scores = {h.key: h.score for h in before.hits}
    # Only the article whose title holds the learned words ("Nghỉ thai sản") gains.
    gained = {h.key for h in after.hits if h.score > scores.get(h.key, 0) + 1e-6}
    assert gained == {"legal:1#dieu-139"}
