"""Measure the field suggestion on the labelled published Q&As (k-fold: each fold held out in turn)."""

from __future__ import annotations

import json
from collections import Counter

from django.core.management.base import BaseCommand

from pbgdpl.qa import routing
from pbgdpl.qa.models import Question


class Command(BaseCommand):
    help = "Độ chính xác của gợi ý lĩnh vực trên tập hỏi đáp đã công bố (kiểm định chéo k phần)."

    def add_arguments(self, parser):
        parser.add_argument("--folds", type=int, default=4)
        parser.add_argument("--no-search", action="store_true", help="chỉ dùng bộ phân loại, không tìm câu hỏi tương tự")
        parser.add_argument("--json", action="store_true", dest="as_json")

    def handle(self, *args, folds: int, no_search: bool, as_json: bool, **options):
        labelled = list(Question.objects.published().filter(field__isnull=False).select_related("field").order_by("pk"))
        if len(labelled) < folds or folds < 2:
            self.stderr.write(f"Cần ít nhất {max(folds, 2)} hỏi đáp đã công bố có lĩnh vực.")
            return
        laws = routing.law_examples()
        majority = Counter(q.field.name for q in labelled).most_common(1)[0][1] / len(labelled)
        correct = {"classifier": 0, "combined": 0}
        errors = []
        for fold in range(folds):
            held = [q for i, q in enumerate(labelled) if i % folds == fold]
            held_pks = {q.pk for q in held}
            model = routing.FieldModel.train(routing.qa_examples(held_pks) + laws)
            for question in held:
                alone = routing.suggest_field(question.text, model=model, use_search=False)
                correct["classifier"] += alone == question.field.name
                if no_search:
                    continue
                both = routing.suggest_field(question.text, model=model, use_search=True, exclude_pks=held_pks)
                correct["combined"] += both == question.field.name
                if both != question.field.name:
                    errors.append({"code": question.tracking_code, "expected": question.field.name, "got": both})
        n = len(labelled)
        result = {
            "questions": n,
            "folds": folds,
            "fields": len({q.field_id for q in labelled}),
            "majority_baseline": round(majority, 3),
            "accuracy_classifier": round(correct["classifier"] / n, 3),
            "accuracy_with_similar_answers": None if no_search else round(correct["combined"] / n, 3),
            "errors": errors,
        }
        if as_json:
            self.stdout.write(json.dumps(result, ensure_ascii=False, indent=2))
            return
        self.stdout.write(
            f"{n} hỏi đáp, {result['fields']} lĩnh vực, {folds} phần; đoán lĩnh vực phổ biến nhất: "
            f"{result['majority_baseline']:.1%}\n"
            f"Bộ phân loại: {result['accuracy_classifier']:.1%}"
            + ("" if no_search else f"; kèm câu trả lời tương tự: {result['accuracy_with_similar_answers']:.1%}")
        )
        for error in errors:
            self.stdout.write(f"  ✗ {error['code']}: cần {error['expected']}, gợi ý {error['got']}")
