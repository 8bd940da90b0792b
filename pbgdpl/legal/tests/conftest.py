import datetime
import itertools

import pytest
import time_machine

from pbgdpl.legal.models import DocumentType, Issuer, LegalDocument
from pbgdpl.legal.services import RelationSpec, refresh_all_validity, save_document
from pbgdpl.legal.validity import validity_on

LAW_TEXT = """Điều 1. Phạm vi điều chỉnh
Luật này quy định về thử nghiệm.
Điều 2. Đối tượng áp dụng
1. Cơ quan nhà nước.
2. Tổ chức, cá nhân:
a) Công dân Việt Nam;
b) Người nước ngoài.
Điều 3. Giải thích từ ngữ
Trong Luật này, các từ ngữ dưới đây được hiểu như sau."""


@pytest.fixture
def make_document(db):
    """Create a published document through the real service (parser, versions, validity)."""
    counter = itertools.count(1)

    def make(number=None, *, doc_type="Luật", issuer="quoc-hoi", text=None, relations=None,
             publish=True, fields=None, **values):
        document = LegalDocument(
            number=number if number is not None else f"{next(counter)}/2020/QH14",
            title=values.pop("title", "Luật thử nghiệm"),
            doc_type=DocumentType.objects.get(name=doc_type),
            issuer=Issuer.objects.get(slug=issuer),
            **values,
        )
        return save_document(document, text=text, relations=relations, publish=publish, fields=fields)

    return make


def relation(predicate, target: LegalDocument, **kwargs) -> RelationSpec:
    return RelationSpec(predicate=predicate, object_number=target.number, object_issuer=target.issuer.slug, **kwargs)


def at(day: str):
    """Freeze the clock at noon, Vietnam time, on ``day`` (YYYY-MM-DD)."""
    return time_machine.travel(datetime.datetime.fromisoformat(f"{day}T12:00:00+07:00"), tick=False)


def status_today(document: LegalDocument):
    """Validity computed for "today" and the status stored by the daily refresh; they must agree."""
    computed = validity_on(document)
    refresh_all_validity()
    document.refresh_from_db()
    assert document.validity == computed.status
    assert document.validity_reason == computed.reason
    return computed
