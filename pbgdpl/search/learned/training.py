"""Training data read at run time from task directories (corpus.jsonl, queries*.jsonl, qrels.tsv),
k-fold cross-validation with the engine, and the model trained on every pair.

Nothing here is stored in the repository: the questions are read from the path given to
``manage.py search_learn`` and only the learned weights and syllable associations are written.
"""

from __future__ import annotations

import hashlib
import json
import statistics
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from .. import analysis
from ..dictionary import get_dictionary
from ..evaluation import corpus_entries, evaluate_queries, read_qrels
from ..index import IndexHandle
from ..indexer import build_temporary
from ..querybuild import build_query
from ..retrieval import retrieve
from ..understanding import understand
from . import associations, features
from .reranker import Reranker, train

FOLDS = 5


@dataclass
class Question:
    task: str
    qid: str
    forms: dict[str, str]  # query file name → the question's text in that form
    relevant: set[str]
    # Per form: the query's folded content syllables, the lexical candidates' keys, base features.
    candidates: dict[str, tuple[list[str], list[str], list, list]] = field(default_factory=dict)


def fold_of(task: str, qid: str, k: int = FOLDS) -> int:
    """A question's fold, fixed by its task and id (both forms of a question share it)."""
    return int(hashlib.sha1(f"{task}/{qid}".encode()).hexdigest(), 16) % k


def read_questions(task_dir: Path) -> list[Question]:
    qrels = read_qrels(task_dir)
    by_id: dict[str, Question] = {}
    for qfile in sorted(task_dir.glob("queries*.jsonl")):
        for line in qfile.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            row = json.loads(line)
            relevant = {k for k, v in qrels.get(row["_id"], {}).items() if v > 0}
            if relevant:
                q = by_id.setdefault(row["_id"], Question(task_dir.name, row["_id"], {}, relevant))
                q.forms[qfile.name] = row["text"]
    return list(by_id.values())


def relevant_titles(task_dir: Path) -> dict[str, frozenset[str]]:
    """Each corpus entry's folded title syllables (what the associations are learned against)."""
    return {entry.key: features.title_info(entry.title)[0] for entry in corpus_entries(task_dir)}


class TaskIndex:
    """A task's corpus in a temporary index, and its questions' lexical candidates."""

    def __init__(self, task_dir: Path, dictionary=None):
        self.task_dir = Path(task_dir)
        self.dictionary = dictionary if dictionary is not None else get_dictionary()
        self._tmp = tempfile.TemporaryDirectory(prefix="pbgdpl-learn-")
        path = Path(self._tmp.name) / "index"
        build_temporary(path, corpus_entries(self.task_dir))
        self.handle = IndexHandle.open(path)
        self.handle.reranker = False
        self.handle.associations = False
        self.questions = read_questions(self.task_dir)
        self.titles = relevant_titles(self.task_dir)
        searcher = self.handle.searcher()
        for q in self.questions:
            for form, text in q.forms.items():
                pq = understand(text, self.handle, searcher, self.dictionary)
                built = build_query(pq, self.handle.schema, searcher)
                top = retrieve(searcher, built.rank, 100)[: features.CANDIDATES] if built else []
                keys = [searcher.doc(e.address).get_first("key") for e in top]
                q.candidates[form] = (pq.tokens, keys, top, features.title_infos(self.handle, searcher, top))

    def close(self) -> None:
        self._tmp.cleanup()


def association_pairs(tasks: list[TaskIndex], keep) -> list[tuple[list[str], frozenset[str]]]:
    """(question syllables, relevant title syllables) of the questions ``keep`` accepts."""
    pairs = []
    for task in tasks:
        for q in task.questions:
            if not keep(q):
                continue
            for tokens, *_ in q.candidates.values():
                for key in q.relevant:
                    pairs.append((tokens, task.titles.get(key, frozenset())))
    return pairs


def fit(tasks: list[TaskIndex], keep, use_associations: bool = True) -> Reranker:
    """Associations and weights learned from the questions ``keep`` accepts only.

    A training question's association feature comes from a table learned *without* it (inner
    folds): a table that has seen the question scores its own answer far too well, and the weights
    would trust the feature more than it deserves on new questions. The model keeps the table
    learned from every accepted question."""

    def inner(q):
        return fold_of("inner/" + q.task, q.qid, FOLDS)

    tables = {}
    if use_associations:
        for part in range(FOLDS):
            tables[part] = associations.learn(association_pairs(tasks, lambda q, part=part: keep(q) and inner(q) != part))
    groups = []
    for task in tasks:
        for q in task.questions:
            if not keep(q):
                continue
            for tokens, keys, top, infos in q.candidates.values():
                if len(top) < 2:
                    continue
                y = np.asarray([1.0 if key in q.relevant else 0.0 for key in keys])
                groups.append((features.extract(tokens, top, infos, tables.get(inner(q), {})), y))
    table = associations.learn(association_pairs(tasks, keep)) if use_associations else {}
    return train(groups, table)


def _held_out_scores(task: TaskIndex, model, held: list[Question], table=False) -> dict[str, dict[str, dict[str, float]]]:
    """Per query file: question id → (ndcg, ndcg_page), scored by the engine with ``model`` (a
    re-ranker) or ``table`` (associations as query expansion)."""
    qrels = read_qrels(task.task_dir)
    out: dict[str, dict[str, dict[str, float]]] = {}
    task.handle.reranker = model
    task.handle.associations = table
    try:
        for form in sorted({f for q in held for f in q.forms}):
            queries = [{"_id": q.qid, "text": q.forms[form]} for q in held if form in q.forms]
            details: list[dict] = []
            evaluate_queries(task.handle, queries, qrels, task.dictionary, details)
            out[form] = {d["id"]: {"ndcg": d["ndcg"], "ndcg_page": d["ndcg_page"]} for d in details}
    finally:
        task.handle.reranker = False
        task.handle.associations = False
    return out


def cross_validate(tasks: list[TaskIndex], k: int = FOLDS, use_associations: bool = True, expansion: bool = False) -> list[dict]:
    """Per task and query file: mean nDCG@10 / page of every question scored by the model that did
    not see its fold, and of the lexical engine on the same questions."""
    learned: dict[tuple[str, str], dict[str, dict]] = {}
    untrained = 0
    for fold in range(k):
        def train_part(q, fold=fold):
            return fold_of(q.task, q.qid, k) != fold

        model, table = False, False
        if expansion:
            table = associations.learn(association_pairs(tasks, train_part))
        else:
            try:
                model = fit(tasks, train_part, use_associations)
            except ValueError:  # too few questions outside this fold (a tiny task): scored lexically, and said so
                untrained += 1
        for task in tasks:
            held = [q for q in task.questions if fold_of(q.task, q.qid, k) == fold]
            for form, scores in _held_out_scores(task, model, held, table).items():
                learned.setdefault((task.task_dir.name, form), {}).update(scores)
    rows = []
    for task in tasks:
        lexical = _held_out_scores(task, False, task.questions)
        for form, base in lexical.items():
            mine = learned[(task.task_dir.name, form)]

            def pct(scores, key):
                return round(100 * statistics.fmean(s[key] for s in scores.values()), 2)

            rows.append({"task": task.task_dir.name, "queries": form, "n": len(base), "folds": k, "untrained_folds": untrained,
                         "lexical_ndcg@10": pct(base, "ndcg"), "learned_ndcg@10": pct(mine, "ndcg"),
                         "lexical_ndcg@10_page": pct(base, "ndcg_page"), "learned_ndcg@10_page": pct(mine, "ndcg_page")})
    return rows


def question_texts_in(path: Path, tasks: list[TaskIndex]) -> list[str]:
    """Questions (folded, whole) found verbatim in a written artefact: must be none."""
    text = analysis.fold(analysis.normalize(Path(path).read_text(encoding="utf-8")))
    found = []
    for task in tasks:
        for q in task.questions:
            for form in q.forms.values():
                folded = analysis.fold(analysis.normalize(form)).strip()
                if len(folded) > 20 and folded in text:
                    found.append(q.qid)
    return found
