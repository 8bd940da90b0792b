"""Test data of the legal registry (factory_boy), created through the real ``save_document``
service so every document is parsed, versioned, given its validity and queued for search.

``LegalDocumentFactory(number=..., doc_type="Bộ luật", issuer="quoc-hoi", text=..., relations=[...],
publish=True, fields=["Lao động"], **model fields)``: the vocabularies may be given by name (type,
field) or slug (issuer); ``.build()`` gives an unsaved document for tests of the service itself.
"""

from __future__ import annotations

import datetime

import factory
import time_machine

from pbgdpl.legal.models import DocumentType, Field, Issuer, LegalDocument
from pbgdpl.legal.services import RelationSpec, save_document

D = datetime.date

LAW_TEXT = """Điều 1. Phạm vi điều chỉnh
Luật này quy định về thử nghiệm.
Điều 2. Đối tượng áp dụng
1. Cơ quan nhà nước.
2. Tổ chức, cá nhân:
a) Công dân Việt Nam;
b) Người nước ngoài.
Điều 3. Giải thích từ ngữ
Trong Luật này, các từ ngữ dưới đây được hiểu như sau."""

SHORT_LAW = LAW_TEXT.replace("b) Người nước ngoài.", "đ) Người nước ngoài.")


class LegalDocumentFactory(factory.django.DjangoModelFactory):
    """A published document saved through ``save_document``."""

    class Meta:
        model = LegalDocument

    number = factory.Sequence(lambda n: f"{n + 1}/2020/QH14")
    title = "Luật thử nghiệm"
    doc_type = "Luật"
    issuer = "quoc-hoi"

    @classmethod
    def _adjust_kwargs(cls, **kwargs):
        if isinstance(kwargs.get("doc_type"), str):
            kwargs["doc_type"] = DocumentType.objects.get(name=kwargs["doc_type"])
        if isinstance(kwargs.get("issuer"), str):
            kwargs["issuer"] = Issuer.objects.get(slug=kwargs["issuer"])
        return kwargs

    @classmethod
    def _create(cls, model_class, *args, text=None, relations=None, publish=True, fields=None, **kwargs):
        field_objects = list(Field.objects.filter(name__in=fields)) if fields else None
        return save_document(model_class(**kwargs), text=text, relations=relations, publish=publish,
                             fields=field_objects)


def create_document(number: str | None = None, *, text: str | None = SHORT_LAW, **values) -> LegalDocument:
    """``LegalDocumentFactory`` with the number first, as citations read ("45/2019/QH14", …),
    and a three-article text unless told otherwise (``text=None``: metadata only)."""
    if number is not None:
        values["number"] = number
    return LegalDocumentFactory(text=text, **values)


def relation(predicate: str, target: LegalDocument, **kwargs) -> RelationSpec:
    """"<new document> <predicate> ``target``", for ``relations=[...]``."""
    return RelationSpec(predicate=predicate, object_number=target.number, object_issuer=target.issuer.slug, **kwargs)


def at(day: str):
    """Freeze the clock at noon, Vietnam time, on ``day`` (YYYY-MM-DD)."""
    return time_machine.travel(datetime.datetime.fromisoformat(f"{day}T12:00:00+07:00"), tick=False)


def big_law_text(articles: int, clauses: int = 2, points: int = 1) -> str:
    """A synthetic code with chapters every 50 articles, each article with clauses and points."""
    letters = "abcdđeghiklmn"
    lines = []
    for number in range(1, articles + 1):
        if number % 50 == 1:
            lines.append(f"Chương {number // 50 + 1}")
            lines.append(f"QUY ĐỊNH NHÓM {number // 50 + 1}")
        lines.append(f"Điều {number}. Quy định số {number}")
        for clause in range(1, clauses + 1):
            lines.append(f"{clause}. Nội dung khoản {clause} của Điều {number}:")
            for point in letters[:points]:
                lines.append(f"{point}) Điểm {point} của khoản {clause} Điều {number};")
    return "\n".join(lines)
