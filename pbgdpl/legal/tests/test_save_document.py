"""save_document: validation, versions on text change, provisions, relations, search outbox."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from pbgdpl.legal.models import LegalDocument, Relation
from pbgdpl.legal.services import RelationSpec, save_document
from pbgdpl.search.models import OutboxEntry

from .factories import LAW_TEXT, LegalDocumentFactory, at

D = datetime.date


def new_document(**values) -> LegalDocument:
    """An unsaved document: these tests exercise ``save_document`` itself."""
    return LegalDocumentFactory.build(**{"number": "1/2020/QH14", **values})


@pytest.mark.django_db
def test_expiry_before_effective_is_refused_naming_the_field():
    document = new_document(effective_from=D(2021, 1, 1), effective_to=D(2020, 1, 1))
    with pytest.raises(ValidationError) as error:
        save_document(document, text=LAW_TEXT)
    assert error.value.message_dict["effective_to"] == ["Ngày hết hiệu lực phải sau ngày có hiệu lực."]
    assert not LegalDocument.objects.exists()


@pytest.mark.django_db
def test_relation_to_missing_document_is_refused_and_nothing_is_written():
    document = new_document(effective_from=D(2021, 1, 1))
    with pytest.raises(ValidationError) as error:
        save_document(document, text=LAW_TEXT, relations=[RelationSpec("replaces", "99/1999/QH10")])
    assert "99/1999/QH10" in error.value.message_dict["relations"][0]
    assert not LegalDocument.objects.exists()
    assert not OutboxEntry.objects.exists()


@pytest.mark.django_db
def test_same_number_and_issuer_is_refused():
    save_document(new_document(), text=LAW_TEXT)
    with pytest.raises(ValidationError) as error:
        save_document(new_document(), text=LAW_TEXT)
    assert "Đã có văn bản cùng số ký hiệu" in str(error.value)


@pytest.mark.django_db
def test_text_is_parsed_into_provisions_with_anchors():
    document = save_document(new_document(issued_on=D(2020, 6, 1)), text=LAW_TEXT)
    version = document.current_version
    assert version.version_date == D(2020, 6, 1)
    eids = list(version.provisions.order_by("order").values_list("eid", flat=True))
    assert eids[:4] == ["dieu-1", "dieu-2", "dieu-2-khoan-1", "dieu-2-khoan-2"]
    point = version.provisions.get(eid="dieu-2-khoan-2-diem-b")
    assert point.parent.eid == "dieu-2-khoan-2"
    assert point.parent.parent.eid == "dieu-2"
    assert point.depth == 2
    assert version.provisions.articles().count() == 3
    assert version.provisions.get(eid="dieu-3").heading == "Điều 3. Giải thích từ ngữ"


@pytest.mark.django_db
def test_unchanged_text_keeps_the_version_and_a_silent_change_makes_a_dated_one():
    with at("2024-01-10"):
        document = save_document(new_document(issued_on=D(2020, 6, 1)), text=LAW_TEXT)
        first = document.current_version
        save_document(document, text=LAW_TEXT + "\n")  # whitespace only
        assert document.versions.count() == 1
    with at("2025-03-05"):
        changed = LAW_TEXT.replace("quy định về thử nghiệm", "quy định về thử nghiệm có kiểm soát")
        save_document(document, text=changed)
    document.refresh_from_db()
    assert document.versions.count() == 2
    assert document.current_version != first
    assert document.current_version.version_date == D(2025, 3, 5)
    # The eids stay the same in the new version; the old version keeps its own provisions.
    assert set(first.provisions.values_list("eid", flat=True)) == set(
        document.current_version.provisions.values_list("eid", flat=True)
    )
    assert "có kiểm soát" in document.current_version.provisions.get(eid="dieu-1").text


@pytest.mark.django_db
def test_save_marks_the_document_and_affected_documents_for_reindexing():
    old = save_document(new_document(number="10/2012/QH13", effective_from=D(2013, 5, 1)), text=LAW_TEXT)
    OutboxEntry.objects.all().delete()
    with at("2022-01-01"):
        new = save_document(
            new_document(number="45/2019/QH14", effective_from=D(2021, 1, 1)),
            text=LAW_TEXT,
            relations=[RelationSpec("replaces", "10/2012/QH13", "quoc-hoi")],
        )
    marked = set(OutboxEntry.objects.filter(source="legal.LegalDocument").values_list("object_pk", flat=True))
    assert marked == {str(old.pk), str(new.pk)}
    old.refresh_from_db()
    assert old.validity == "expired"
    relation = Relation.objects.get()
    assert (relation.verb, relation.reverse_verb) == ("Thay thế", "Bị thay thế bởi")


@pytest.mark.django_db
def test_publishing_is_recorded_as_a_revision_and_unpublished_changes_stay_private():
    document = save_document(new_document(), text=LAW_TEXT)
    assert document.live and document.live_revision is not None
    document.title = "Tiêu đề mới chưa duyệt"
    save_document(document, publish=False)
    stored = LegalDocument.objects.get(pk=document.pk)
    assert stored.title == "Luật thử nghiệm"
    assert stored.has_unpublished_changes
    assert stored.latest_revision.as_object().title == "Tiêu đề mới chưa duyệt"


@pytest.mark.django_db
def test_slug_comes_from_the_number_without_diacritics():
    document = LegalDocumentFactory.build(number="571/QĐ-UBND", title="Quyết định thử", doc_type="Quyết định",
                                          issuer="uy-ban-nhan-dan-tinh")
    save_document(document, text="Điều 1. Thử\nNội dung.")
    assert document.slug == "571-qd-ubnd"
    assert document.get_absolute_url() == "/van-ban/571-qd-ubnd/"
