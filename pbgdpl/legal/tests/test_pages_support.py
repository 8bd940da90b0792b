"""Helpers shared by the public-page tests (test_pages*, test_lists*, test_feeds*, test_bench_pages*).

Plain functions rather than fixtures so each test file stays readable on its own; documents are
created through the real ``save_document`` service (parser, versions, validity).
"""

from __future__ import annotations

import datetime
import itertools

import time_machine

from pbgdpl.legal.models import DocumentType, Field, Issuer, LegalDocument
from pbgdpl.legal.services import RelationSpec, save_document

D = datetime.date
_numbers = itertools.count(1)

SHORT_LAW = """Điều 1. Phạm vi điều chỉnh
Luật này quy định về thử nghiệm.
Điều 2. Đối tượng áp dụng
1. Cơ quan nhà nước.
2. Tổ chức, cá nhân:
a) Công dân Việt Nam;
đ) Người nước ngoài.
Điều 3. Giải thích từ ngữ
Trong Luật này, các từ ngữ dưới đây được hiểu như sau."""


def create_document(
    number: str | None = None,
    *,
    doc_type: str = "Luật",
    issuer: str = "quoc-hoi",
    text: str | None = SHORT_LAW,
    relations: list[RelationSpec] | None = None,
    publish: bool = True,
    fields: list[str] | None = None,
    **values,
) -> LegalDocument:
    """A document saved (and by default published) through the registry's service."""
    document = LegalDocument(
        number=number if number is not None else f"{next(_numbers)}/2020/QH14",
        title=values.pop("title", "Luật thử nghiệm"),
        doc_type=DocumentType.objects.get(name=doc_type),
        issuer=Issuer.objects.get(slug=issuer),
        **values,
    )
    field_objects = list(Field.objects.filter(name__in=fields)) if fields else None
    return save_document(document, text=text, relations=relations, publish=publish, fields=field_objects)


def relation(predicate: str, target: LegalDocument, **kwargs) -> RelationSpec:
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
