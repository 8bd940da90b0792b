"""Routing suggestions: which field of law a question belongs to and who should answer it.

The field comes from two signals added together:

1. a multinomial naive Bayes over folded syllables and syllable bigrams (so questions typed
   without diacritics work), trained on published Q&As (question + answer → field) and on
   the articles of the published laws (article text → the law's fields, lower weight);
2. the fields of the most similar published answers found by the site search.

The answerer is whoever answered most questions of that field, then the least-loaded staff
member who may answer.
"""

from __future__ import annotations

import logging
import math
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.db.models import Count, Q

from pbgdpl.search import analysis

log = logging.getLogger(__name__)

LAW_WEIGHT = 0.15  # one article counts this much compared with one answered question
LAW_FIELD_ARTICLES = 100  # ... for a field whose laws have this many articles (see law_examples)
SEARCH_WEIGHT = 1.5  # log-odds bonus for each similar answer's field, scaled by rank
STOPWORDS = set(
    "toi la co cua va cac cho duoc khong thi nhu nay do mot nhung voi trong de den tu hoi xin "
    "em anh chi ong ba gi nao bao nhieu the ra ve vay hay neu khi da dang se bi con lai cung".split()
)
CACHE_KEY = "qa:routing-model"


def features(text: str) -> list[str]:
    folded = [t for t in analysis.fold_all(analysis.syllables(text)) if len(t) > 1]
    words = [t for t in folded if t not in STOPWORDS]
    return words + analysis.bigrams(folded)


@dataclass
class FieldModel:
    """Token counts per field; ``predict`` returns fields with their log scores, best first."""

    token_counts: dict[str, Counter]
    totals: dict[str, float]
    priors: dict[str, float]
    vocabulary: int

    @classmethod
    def train(cls, examples: Iterable[tuple[str, str, float]]) -> FieldModel:
        token_counts: dict[str, Counter] = defaultdict(Counter)
        docs: Counter = Counter()
        vocab: set[str] = set()
        for text, field, weight in examples:
            feats = features(text)
            vocab.update(feats)
            for feat in feats:
                token_counts[field][feat] += weight
            docs[field] += weight
        total_docs = sum(docs.values()) or 1.0
        return cls(
            token_counts=dict(token_counts),
            totals={f: sum(c.values()) for f, c in token_counts.items()},
            priors={f: math.log(n / total_docs) for f, n in docs.items()},
            vocabulary=len(vocab) or 1,
        )

    def predict(self, text: str) -> list[tuple[str, float]]:
        feats = features(text)
        scores = {}
        for field, counts in self.token_counts.items():
            denominator = self.totals[field] + self.vocabulary
            score = self.priors[field] * 0.2  # weak prior: law text volume should not decide
            for feat in feats:
                score += math.log((counts.get(feat, 0.0) + 0.1) / denominator)
            scores[field] = score / max(1, len(feats))
        return sorted(scores.items(), key=lambda kv: kv[1], reverse=True)


def qa_examples(exclude_pks: set[int] | None = None) -> list[tuple[str, str, float]]:
    """Published Q&As with a field (minus ``exclude_pks``): question and answer text → field."""
    from .models import Question

    examples: list[tuple[str, str, float]] = []
    questions = Question.objects.published().filter(field__isnull=False).select_related("field", "answer")
    for question in questions:
        if exclude_pks and question.pk in exclude_pks:
            continue
        examples.append((f"{question.shown_text} {question.title}", question.field.name, 1.0))
        answer = getattr(question, "answer", None)
        if answer is not None:
            examples.append((answer.text, question.field.name, 0.5))
    return examples


def law_examples() -> list[tuple[str, str, float]]:
    """Articles of the published legal documents → each of the document's fields.

    Every field gets the same total weight (LAW_WEIGHT × LAW_FIELD_ARTICLES) however many
    articles its laws have: otherwise the 689 articles of the Civil Code pull every
    question towards "Dân sự".
    """
    from pbgdpl.legal.models import LegalDocument, Provision, ProvisionKind

    raw: list[tuple[str, str]] = []
    documents = LegalDocument.objects.published().filter(current_version__isnull=False).prefetch_related("fields")
    for document in documents:
        names = [f.name for f in document.fields.all()]
        articles = Provision.objects.filter(version_id=document.current_version_id, kind=ProvisionKind.ARTICLE)
        for title, text in articles.values_list("title", "text"):
            raw.extend((f"{title} {text[:600]}", name) for name in names)
    per_field = Counter(name for _text, name in raw)
    return [(text, name, LAW_WEIGHT * LAW_FIELD_ARTICLES / per_field[name]) for text, name in raw]


def training_examples(exclude_pks: set[int] | None = None) -> list[tuple[str, str, float]]:
    return qa_examples(exclude_pks) + law_examples()


def get_model() -> FieldModel:
    model = cache.get(CACHE_KEY)
    if model is None:
        model = FieldModel.train(training_examples())
        cache.set(CACHE_KEY, model, 3600)
    return model


def forget_model() -> None:
    cache.delete(CACHE_KEY)


def similar_fields(text: str, exclude_pks: set[int] | None = None, limit: int = 5) -> list[str]:
    """Fields of the published answers the site search finds most similar (best first)."""
    from pbgdpl.search import engine

    page = engine.search(text[:500], kinds=["question"], grouped=False, with_facets=False, per_page=limit + 5)
    if page.error:
        return []
    pks = []
    for hit in page.hits:
        if hit.key.startswith("question:"):
            pk = int(hit.key.split(":", 1)[1])
            if not exclude_pks or pk not in exclude_pks:
                pks.append(pk)
    from .models import Question

    fields = dict(Question.objects.filter(pk__in=pks, field__isnull=False).values_list("pk", "field__name"))
    return [fields[pk] for pk in pks[:limit] if pk in fields]


def suggest_field(text: str, *, model: FieldModel | None = None, use_search: bool = True,
                  exclude_pks: set[int] | None = None) -> str | None:
    """Name of the most likely field of law for a question text (None when nothing is known)."""
    model = model or get_model()
    ranked = model.predict(text)
    if not ranked:
        return None
    scores = dict(ranked)
    if use_search:
        try:
            for rank, name in enumerate(similar_fields(text, exclude_pks)):
                scores[name] = scores.get(name, min(scores.values())) + SEARCH_WEIGHT / (rank + 1) / 10
        except Exception:  # the index may be missing on a fresh install: the classifier alone decides
            log.warning("Similar-question search failed during routing", exc_info=True)
    return max(scores.items(), key=lambda kv: kv[1])[0]


def suggest_answerer(field_name: str | None):
    """The staff member who answered most questions of this field, else the least-loaded answerer."""
    from .models import OPEN_STATUSES

    User = get_user_model()
    answerers = (
        User.objects.filter(is_active=True)
        .filter(
            Q(is_superuser=True)
            | Q(groups__permissions__codename="answer_question")
            | Q(user_permissions__codename="answer_question")
        )
        .distinct()
    )
    if field_name:
        best = (
            answerers.filter(assigned_questions__field__name=field_name, assigned_questions__answered_at__isnull=False)
            .annotate(n=Count("assigned_questions"))
            .order_by("-n", "pk")
            .first()
        )
        if best is not None:
            return best
    return (
        answerers.annotate(load=Count("assigned_questions", filter=Q(assigned_questions__status__in=OPEN_STATUSES)))
        .order_by("load", "pk")
        .first()
    )
