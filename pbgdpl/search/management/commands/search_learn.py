"""manage.py search_learn --from TASK_DIR [--from TASK_DIR …] [--out FILE] [--folds K]

Learns the search re-ranker from question → article pairs read at run time (decision 0005): prints
the k-fold cross-validated figures against the lexical engine as JSON lines, then, with ``--out``,
trains on every pair and writes the model (weights + syllable associations, no question text).
"""

from __future__ import annotations

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from pbgdpl.search.learned import training


class Command(BaseCommand):
    help = "Cross-validate and train the learned search re-ranker on question → article pairs read at run time."

    def add_arguments(self, parser):
        parser.add_argument("--from", dest="sources", type=Path, action="append", required=True,
                            help="a task directory (corpus.jsonl, queries*.jsonl, qrels.tsv); repeatable")
        parser.add_argument("--out", type=Path, help="write the model trained on every pair here (JSON + .associations.tsv)")
        parser.add_argument("--folds", type=int, default=training.FOLDS)
        parser.add_argument("--no-cv", action="store_true", help="only train and write the model")
        parser.add_argument("--no-associations", action="store_true", help="without the learned association feature")
        parser.add_argument("--expansion", action="store_true",
                            help="associations as query expansion instead of the re-ranker; --out writes the table (TSV)")

    def handle(self, *args, sources: list[Path], out: Path | None, folds: int, no_cv: bool, no_associations: bool, expansion: bool, **options):
        for source in sources:
            if not (source / "corpus.jsonl").exists() or not (source / "qrels.tsv").exists():
                raise CommandError(f"{source} needs corpus.jsonl, qrels.tsv and queries*.jsonl")
        tasks = [training.TaskIndex(source) for source in sources]
        try:
            if not no_cv:
                for row in training.cross_validate(tasks, folds, not no_associations, expansion):
                    self.stdout.write(json.dumps(row, ensure_ascii=False))
            if out and expansion:
                training.associations.save(training.associations.learn(training.association_pairs(tasks, lambda q: True)), out)
                if training.question_texts_in(out, tasks):
                    out.unlink()
                    raise CommandError("the table would contain question text; not written")
                self.stdout.write(json.dumps({"written": str(out)}))
            elif out:
                model = training.fit(tasks, lambda q: True, not no_associations)
                model.about.update({"trained_on": [s.name for s in sources],
                                    "made_by": "manage.py search_learn --from " + " --from ".join(s.name for s in sources)})
                model.save(out)
                leaked = [qid for path in (out, out.with_suffix(".associations.tsv"))
                          for qid in training.question_texts_in(path, tasks)]
                if leaked:
                    out.unlink()
                    raise CommandError(f"the model would contain question text ({len(leaked)} questions); not written")
                self.stdout.write(json.dumps({"written": str(out), **model.about,
                                              "weights": dict(zip(training.features.FEATURES, model.weights.round(3).tolist(), strict=True))},
                                             ensure_ascii=False))
        finally:
            for task in tasks:
                task.close()
