"""What a follow form points at, read from its query string (``?van-ban=…``, ``?linh-vuc=…``,
``?loai=…``, ``?tim-kiem=…``): the one place that turns a parameter into a subscription target."""

from __future__ import annotations

from dataclasses import dataclass

from django.http import QueryDict

from pbgdpl.legal import selectors as legal_selectors
from pbgdpl.legal.models import DocumentType, Field

from .models import Kind

MAX_QUERY = 200
PARAMS = {"van-ban": Kind.DOCUMENT, "linh-vuc": Kind.FIELD, "loai": Kind.DOC_TYPE, "tim-kiem": Kind.SEARCH}


@dataclass(frozen=True)
class Target:
    kind: str
    param: str
    value: str
    label: str
    values: dict  # model fields of the subscription (document/field/doc_type/query)

    @property
    def key(self) -> str:
        if self.kind == Kind.SEARCH:
            return f"search:{' '.join(self.value.lower().split())}"
        return f"{self.kind}:{next(iter(self.values.values())).pk}"


def read_target(query: QueryDict) -> Target | None:
    """The first known parameter that names something that exists; None otherwise."""
    for param, kind in PARAMS.items():
        value = " ".join(query.get(param, "").split())[:MAX_QUERY]
        if not value:
            continue
        if kind == Kind.SEARCH:
            return Target(kind, param, value, f"Kết quả tìm kiếm “{value}”", {"query": value})
        if kind == Kind.DOCUMENT:
            document = legal_selectors.public_documents().filter(slug=value).first()
            if document is not None:
                return Target(kind, param, value, f"Văn bản {document}", {"document": document})
            continue
        model, name = (Field, "field") if kind == Kind.FIELD else (DocumentType, "doc_type")
        found = model.objects.filter(slug=value).first()
        if found is not None:
            label = f"Văn bản mới thuộc lĩnh vực “{found.name}”" if kind == Kind.FIELD else f"{found.name} mới ban hành"
            return Target(kind, param, value, label, {name: found})
    return None
